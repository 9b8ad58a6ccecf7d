package org.echoic.audio;

import java.nio.file.Path;

/**
 * A recording held in memory as one float array per channel: generated and synthesised audio,
 * exported segments, tests. Immutable after construction (the arrays are not copied: callers must
 * not change them); safe for concurrent reads.
 */
public final class ArrayRecording implements Recording {
    private final Path path;
    private final float[][] samples;
    private final double sampleRateHz;

    /** @param samples one array per channel, all the same length, values in [-1, 1] */
    public ArrayRecording(Path path, double sampleRateHz, float[]... samples) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("at least one channel");
        }
        if (!(sampleRateHz > 0)) {
            throw new IllegalArgumentException("sample rate must be positive: " + sampleRateHz);
        }
        for (float[] c : samples) {
            if (c.length != samples[0].length) {
                throw new IllegalArgumentException("channels differ in length");
            }
        }
        this.path = path;
        this.samples = samples;
        this.sampleRateHz = sampleRateHz;
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public String container() {
        return "memory";
    }

    @Override
    public SampleEncoding encoding() {
        return SampleEncoding.FLOAT32;
    }

    @Override
    public int channels() {
        return samples.length;
    }

    @Override
    public double sampleRateHz() {
        return sampleRateHz;
    }

    @Override
    public long frames() {
        return samples[0].length;
    }

    /** The samples of one channel (not a copy). */
    public float[] channel(int index) {
        return samples[index];
    }

    @Override
    public void read(long startFrame, int frameCount, int channel, float[] dst, int dstOffset) {
        checkRead(startFrame, frameCount, channel, dst, dstOffset);
        int start = (int) startFrame;
        if (channel != MEAN_CHANNEL) {
            System.arraycopy(samples[channel], start, dst, dstOffset, frameCount);
            return;
        }
        float scale = 1f / samples.length;
        for (int i = 0; i < frameCount; i++) {
            float sum = 0;
            for (float[] c : samples) {
                sum += c[start + i];
            }
            dst[dstOffset + i] = sum * scale;
        }
    }

    @Override
    public void close() {
        // nothing to release
    }
}
