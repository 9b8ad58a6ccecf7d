package org.echoic.dsp;

import java.util.Arrays;
import java.util.List;

/**
 * The levels of {@code corpus-db} frames, estimated once from a whole corpus (band levels in dB from
 * {@link SpectralFrames#bandDb}): each bin's noise floor is its {@value #FLOOR_PERCENTILE}th percentile over all
 * frames plus {@value #FLOOR_MARGIN_DB} dB (the power of one bin of stationary noise in one periodogram frame is
 * exponential: its 5th percentile lies 19.5 dB below its 99th, so noise — the silences between syllables and the
 * quiet parts of every frame — ends at or just above the floor, while a bin that holds song in up to 95 % of the
 * frames still gets its floor from the silences); the range is the {@value #RANGE_PERCENTILE}th percentile of all
 * levels above their bin's floor, at least {@value #MIN_RANGE_DB} dB. Pure; stateless; thread-safe.
 */
public final class CorpusLevels {
    /** Percentile of a bin's levels that the floor starts from. */
    public static final double FLOOR_PERCENTILE = 5;
    /** Added to that percentile, dB. */
    public static final double FLOOR_MARGIN_DB = 18;
    /** Percentile of the levels above the floor that maps to 1. */
    public static final double RANGE_PERCENTILE = 99.5;
    /** The smallest range, dB. */
    public static final double MIN_RANGE_DB = 20;

    private CorpusLevels() {
    }

    /**
     * The settings {@code frames} with the levels of these sequences.
     *
     * @param bandDb sequences of band levels {@code [T][F]} in dB, at least one frame in all
     * @throws IllegalArgumentException if there is no frame or widths differ
     */
    public static SpectralFrames estimate(SpectralFrames frames, List<float[][]> bandDb) {
        int total = bandDb.stream().mapToInt(s -> s.length).sum();
        if (total == 0) {
            throw new IllegalArgumentException("no frames to estimate the corpus levels from");
        }
        int width = bandDb.stream().filter(s -> s.length > 0).findFirst().orElseThrow()[0].length;
        double[] floors = new double[width];
        float[] column = new float[total];
        for (int i = 0; i < width; i++) {
            int n = 0;
            for (float[][] s : bandDb) {
                for (float[] f : s) {
                    if (f.length != width) {
                        throw new IllegalArgumentException("frames of " + f.length + " and " + width + " values");
                    }
                    column[n++] = f[i];
                }
            }
            floors[i] = percentile(column, FLOOR_PERCENTILE) + FLOOR_MARGIN_DB;
        }
        float[] above = new float[total * width];
        int n = 0;
        for (float[][] s : bandDb) {
            for (float[] f : s) {
                for (int i = 0; i < width; i++) {
                    above[n++] = (float) (f[i] - floors[i]);
                }
            }
        }
        double range = Math.max(MIN_RANGE_DB, percentile(above, RANGE_PERCENTILE));
        return frames.withCorpusLevels(floors, range);
    }

    /** The p-th percentile (0..100) of {@code values}, nearest rank; sorts the array. */
    static double percentile(float[] values, double p) {
        Arrays.sort(values);
        int k = (int) Math.ceil(p / 100 * values.length) - 1;
        return values[Math.max(0, Math.min(values.length - 1, k))];
    }
}
