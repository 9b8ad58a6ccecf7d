package org.echoic.audio;

/** How one sample is stored in a file or buffer. Immutable. */
public enum SampleEncoding {
    /** Unsigned 8-bit integer PCM (WAV's 8-bit convention). */
    PCM_U8(8, false),
    /** Signed 8-bit integer PCM (AIFF's 8-bit convention). */
    PCM_S8(8, false),
    PCM_S16(16, false),
    PCM_S24(24, false),
    PCM_S32(32, false),
    FLOAT32(32, true),
    FLOAT64(64, true);

    private final int bitsPerSample;
    private final boolean floatingPoint;

    SampleEncoding(int bitsPerSample, boolean floatingPoint) {
        this.bitsPerSample = bitsPerSample;
        this.floatingPoint = floatingPoint;
    }

    public int bitsPerSample() {
        return bitsPerSample;
    }

    public int bytesPerSample() {
        return bitsPerSample / 8;
    }

    public boolean isFloatingPoint() {
        return floatingPoint;
    }

    /** A short name for reports: {@code pcm_s16}, {@code float32}, … */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
