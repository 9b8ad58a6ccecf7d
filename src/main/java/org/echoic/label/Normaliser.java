package org.echoic.label;

import java.util.Arrays;
import java.util.List;

/**
 * Scales frames as {@link FeatureSpec.Normalisation} says: per feature with the training frames' means and standard
 * deviations (kept with the model), per frame over its own values, or not at all. Immutable; thread-safe.
 *
 * @param mode  the normalisation
 * @param mean  per-feature means ({@code FEATURE}; empty otherwise)
 * @param scale per-feature 1/std ({@code FEATURE}; empty otherwise)
 */
public record Normaliser(FeatureSpec.Normalisation mode, float[] mean, float[] scale) {
    private static final double MIN_STD = 1e-4;

    /** Fits the normalisation of {@code mode} to all frames of {@code clips}. */
    public static Normaliser fit(FeatureSpec.Normalisation mode, List<FrameFeatures> clips) {
        if (mode != FeatureSpec.Normalisation.FEATURE) {
            return new Normaliser(mode, new float[0], new float[0]);
        }
        int w = clips.get(0).width();
        double[] sum = new double[w];
        double[] sq = new double[w];
        long n = 0;
        for (FrameFeatures c : clips) {
            float[] v = c.values();
            for (int t = 0; t < c.frames(); t++) {
                for (int f = 0; f < w; f++) {
                    double x = v[t * w + f];
                    sum[f] += x;
                    sq[f] += x * x;
                }
            }
            n += c.frames();
        }
        float[] mean = new float[w];
        float[] scale = new float[w];
        for (int f = 0; f < w; f++) {
            double m = sum[f] / Math.max(1, n);
            double var = Math.max(0, sq[f] / Math.max(1, n) - m * m);
            mean[f] = (float) m;
            scale[f] = (float) (1 / Math.max(MIN_STD, Math.sqrt(var)));
        }
        return new Normaliser(mode, mean, scale);
    }

    /** A normalised copy of {@code values} (time-major, {@code width} per frame). */
    public float[] apply(float[] values, int width) {
        float[] out = Arrays.copyOf(values, values.length);
        int frames = values.length / width;
        switch (mode) {
            case FEATURE -> {
                if (mean.length != width) {
                    throw new IllegalArgumentException("the model's frames have " + mean.length + " values, these "
                            + width);
                }
                for (int t = 0; t < frames; t++) {
                    for (int f = 0; f < width; f++) {
                        out[t * width + f] = (out[t * width + f] - mean[f]) * scale[f];
                    }
                }
            }
            case FRAME -> {
                for (int t = 0; t < frames; t++) {
                    double s = 0;
                    double q = 0;
                    for (int f = 0; f < width; f++) {
                        s += out[t * width + f];
                        q += out[t * width + f] * (double) out[t * width + f];
                    }
                    double m = s / width;
                    double k = 1 / Math.max(MIN_STD, Math.sqrt(Math.max(0, q / width - m * m)));
                    for (int f = 0; f < width; f++) {
                        out[t * width + f] = (float) ((out[t * width + f] - m) * k);
                    }
                }
            }
            case NONE -> { }
            default -> throw new IllegalStateException(mode.name());
        }
        return out;
    }
}
