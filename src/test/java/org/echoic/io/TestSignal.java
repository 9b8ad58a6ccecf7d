package org.echoic.io;

import java.util.Random;

import org.echoic.audio.SampleEncoding;

/**
 * Seeded test samples for one storage encoding: the raw stored values (integers, or floats as doubles) and
 * the floats a reader must return under the documented mapping (u8 {@code (v-128)/128}, signed n-bit
 * {@code (float) v / 2^(n-1)}, float32 as stored, float64 rounded to float). Interleaved frames. Immutable.
 */
record TestSignal(SampleEncoding encoding, int bits, int channels, int frames, double[] raw, float[] expected) {

    /** Random values over the full range (including both extremes) for {@code bits} significant bits. */
    static TestSignal random(SampleEncoding encoding, int bits, int channels, int frames, long seed) {
        Random rnd = new Random(seed);
        int n = channels * frames;
        double[] raw = new double[n];
        float[] expected = new float[n];
        for (int i = 0; i < n; i++) {
            switch (encoding) {
                case FLOAT32 -> {
                    float v = i == 0 ? 1f : i == 1 ? -1f : (float) (rnd.nextDouble() * 2 - 1);
                    raw[i] = v;
                    expected[i] = v;
                }
                case FLOAT64 -> {
                    double v = i == 0 ? 1 : i == 1 ? -1 : rnd.nextDouble() * 2 - 1;
                    raw[i] = v;
                    expected[i] = (float) v;
                }
                case PCM_U8 -> {
                    int v = i == 0 ? 0 : i == 1 ? 255 : rnd.nextInt(256);
                    raw[i] = v;
                    expected[i] = (v - 128) / 128f;
                }
                default -> {
                    long max = 1L << (bits - 1);
                    long v = i == 0 ? -max : i == 1 ? max - 1 : rnd.nextLong() >> (64 - bits);
                    int container = encoding.bitsPerSample();
                    long stored = v << (container - bits);
                    raw[i] = stored;
                    expected[i] = (float) stored / (float) (1L << (container - 1));
                }
            }
        }
        return new TestSignal(encoding, bits, channels, frames, raw, expected);
    }

    /** The expected float of one channel, frame by frame. */
    float[] channel(int c) {
        float[] out = new float[frames];
        for (int i = 0; i < frames; i++) {
            out[i] = expected[i * channels + c];
        }
        return out;
    }

    /** The expected mean: float sum in channel order times {@code 1f / channels}. */
    float[] mean() {
        float[] out = new float[frames];
        float scale = 1f / channels;
        for (int i = 0; i < frames; i++) {
            float sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += expected[i * channels + c];
            }
            out[i] = sum * scale;
        }
        return out;
    }
}
