package org.echoic.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The temporal structure of song in model frames, measured the same way on real bouts and on generated sequences:
 * a frame is sound when its largest value (its loudest bin; tonal syllables fill few bins) exceeds a threshold (chosen on the real frames by Otsu's method, so both
 * sides share it); a syllable is a run of at least {@value #MIN_SYLLABLE_FRAMES} sound frames, a gap the silence
 * between two syllables of one sequence, and the rate the inverse of the onset-to-onset interval of consecutive
 * syllables (syllables per second). Immutable value; pure Java.
 *
 * @param syllableSeconds durations of the syllables (s)
 * @param gapSeconds      durations of the gaps (s)
 * @param ratePerSecond   instantaneous syllable rates (1/s)
 */
public record SongStructure(double[] syllableSeconds, double[] gapSeconds, double[] ratePerSecond) {
    /** Shorter runs of sound frames are not syllables. */
    public static final int MIN_SYLLABLE_FRAMES = 2;
    private static final int OTSU_BINS = 256;

    /**
     * Measures sequences.
     *
     * @param hopSeconds seconds per frame
     * @param threshold  largest frame value above which a frame is sound
     */
    public static SongStructure of(List<float[][]> sequences, double hopSeconds, double threshold) {
        List<Double> syl = new ArrayList<>();
        List<Double> gaps = new ArrayList<>();
        List<Double> rates = new ArrayList<>();
        for (float[][] s : sequences) {
            int start = -1;
            int lastStart = -1;
            int lastEnd = -1;
            for (int t = 0; t <= s.length; t++) {
                boolean on = t < s.length && peak(s[t]) > threshold;
                if (on && start < 0) {
                    start = t;
                } else if (!on && start >= 0) {
                    if (t - start >= MIN_SYLLABLE_FRAMES) {
                        syl.add((t - start) * hopSeconds);
                        if (lastEnd >= 0) {
                            gaps.add((start - lastEnd) * hopSeconds);
                            rates.add(1 / ((start - lastStart) * hopSeconds));
                        }
                        lastStart = start;
                        lastEnd = t;
                    }
                    start = -1;
                }
            }
        }
        return new SongStructure(toArray(syl), toArray(gaps), toArray(rates));
    }

    /** Otsu's threshold of the frame peaks of {@code sequences} (0.5 when they hold fewer than two levels). */
    public static double threshold(List<float[][]> sequences) {
        double[] m = sequences.stream().flatMap(Arrays::stream).mapToDouble(SongStructure::peak).toArray();
        double lo = Arrays.stream(m).min().orElse(0);
        double hi = Arrays.stream(m).max().orElse(0);
        if (!(hi > lo)) {
            return 0.5;
        }
        long[] h = new long[OTSU_BINS];
        for (double v : m) {
            h[Math.min(OTSU_BINS - 1, (int) ((v - lo) / (hi - lo) * OTSU_BINS))]++;
        }
        double total = m.length;
        double sumAll = 0;
        for (int i = 0; i < OTSU_BINS; i++) {
            sumAll += i * (double) h[i];
        }
        double w0 = 0;
        double sum0 = 0;
        double best = -1;
        int cut = 0;
        for (int i = 0; i < OTSU_BINS - 1; i++) {
            w0 += h[i];
            sum0 += i * (double) h[i];
            double w1 = total - w0;
            if (w0 == 0 || w1 == 0) {
                continue;
            }
            double d = sum0 / w0 - (sumAll - sum0) / w1;
            double between = w0 * w1 * d * d;
            if (between > best) {
                best = between;
                cut = i;
            }
        }
        return lo + (cut + 1) * (hi - lo) / OTSU_BINS;
    }

    /** The largest value of one frame (0 for an empty frame). */
    static double peak(float[] frame) {
        double m = 0;
        for (float v : frame) {
            m = Math.max(m, v);
        }
        return m;
    }

    private static double[] toArray(List<Double> l) {
        return l.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
