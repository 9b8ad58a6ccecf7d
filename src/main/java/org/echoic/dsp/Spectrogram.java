package org.echoic.dsp;

/**
 * An STFT result in scipy's layout (frequency, time): {@code values[bin * frames + frame]}, float32.
 * For {@link StftParams.Mode#COMPLEX} {@code values} hold real parts and {@code imag} the imaginary parts;
 * otherwise {@code imag} is null. Frame {@code t} covers samples
 * {@code [startSample + t * hop, startSample + t * hop + nperseg)} of the source. The arrays are not
 * copied; treat the record as immutable once built (safe to share between threads then).
 *
 * @param params       the STFT settings
 * @param sampleRateHz the source's sample rate
 * @param startSample  the source sample where frame 0 starts
 * @param bins         frequency rows ({@code nfft / 2 + 1})
 * @param frames       time columns
 */
public record Spectrogram(StftParams params, double sampleRateHz, long startSample, int bins, int frames,
                          float[] values, float[] imag) {

    public Spectrogram {
        if ((long) bins * frames != values.length || (imag != null && imag.length != values.length)) {
            throw new IllegalArgumentException("array size does not match " + bins + " x " + frames);
        }
    }

    /** The value (or real part) at a bin and frame. */
    public float get(int bin, int frame) {
        return values[bin * frames + frame];
    }

    /** Centre frequency of {@code bin} in Hz: {@code bin * sampleRate / nfft} (numpy's rfftfreq). */
    public double frequencyHz(int bin) {
        return bin * sampleRateHz / params.nfft();
    }

    /**
     * Centre time of {@code frame} in seconds from the start of the source:
     * {@code (startSample + nperseg / 2 + frame * hop) / fs}; with {@code startSample = 0} this is scipy's
     * {@code t} for {@code boundary=None}.
     */
    public double timeSeconds(int frame) {
        return (startSample + params.nperseg() / 2.0 + (double) frame * params.hop()) / sampleRateHz;
    }

    /** All bin frequencies in Hz. */
    public double[] frequenciesHz() {
        double[] f = new double[bins];
        for (int i = 0; i < bins; i++) {
            f[i] = frequencyHz(i);
        }
        return f;
    }

    /** All frame centre times in seconds. */
    public double[] timesSeconds() {
        double[] t = new double[frames];
        for (int i = 0; i < frames; i++) {
            t[i] = timeSeconds(i);
        }
        return t;
    }
}
