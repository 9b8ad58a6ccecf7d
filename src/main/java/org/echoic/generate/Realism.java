package org.echoic.generate;

import java.util.List;

/**
 * How real a batch of generated sequences looks next to real segments, in the model's frame units (values in
 * [0, 1]; for {@code log-db} one unit is the model's dB range): the RMS distance between the two mean spectra,
 * and two-sample Kolmogorov–Smirnov statistics of frame energy (the mean value of a frame), spectral centroid
 * (Hz), the durations of the segments the segmenter finds (s) and the model's free energy per frame. Every
 * compared sample is kept so that the UI can plot the distributions. Immutable value; {@link #of} is pure Java.
 *
 * @param meanSpectrumRms     RMS over frequency of (mean generated frame − mean real frame)
 * @param generatedMean       mean generated frame
 * @param realMean            mean real frame
 * @param energy              frame energies
 * @param centroidHz          spectral centroids of frames with some energy
 * @param durationSeconds     durations of segments found in generated audio and of the real segments
 * @param freeEnergy          free energies of generated and real frames (empty when not computed)
 * @param syllableSeconds     syllable durations ({@link SongStructure}, measured alike on both sides)
 * @param gapSeconds          gaps between syllables
 * @param ratePerSecond       syllable rates (inverse onset-to-onset intervals)
 */
public record Realism(double meanSpectrumRms, double[] generatedMean, double[] realMean, Comparison energy,
                      Comparison centroidHz, Comparison durationSeconds, Comparison freeEnergy,
                      Comparison syllableSeconds, Comparison gapSeconds, Comparison ratePerSecond) {

    /** Figures without the song structure (its comparisons empty). */
    public Realism(double meanSpectrumRms, double[] generatedMean, double[] realMean, Comparison energy,
                   Comparison centroidHz, Comparison durationSeconds, Comparison freeEnergy) {
        this(meanSpectrumRms, generatedMean, realMean, energy, centroidHz, durationSeconds, freeEnergy,
                Comparison.EMPTY, Comparison.EMPTY, Comparison.EMPTY);
    }

    /**
     * One compared quantity: both samples, their means and the KS statistic and p-value.
     *
     * @param generated the generated sample
     * @param real      the real sample
     */
    public record Comparison(double[] generated, double[] real, double ks, double pValue) {
        /** Nothing compared. */
        public static final Comparison EMPTY = of(new double[0], new double[0]);

        /** Compares two samples. */
        public static Comparison of(double[] generated, double[] real) {
            double d = KolmogorovSmirnov.statistic(generated, real);
            return new Comparison(generated, real, d,
                    KolmogorovSmirnov.pValue(d, finite(generated), finite(real)));
        }

        public double generatedMean() {
            return mean(generated);
        }

        public double realMean() {
            return mean(real);
        }
    }

    /**
     * Compares generated and real frames.
     *
     * @param binHz              frequency of each frame value (for the centroid)
     * @param generatedDurations durations (s) of the segments found in the generated audio (may be empty)
     * @param realDurations      durations (s) of the real segments
     * @param generatedFree      free energies of generated frames (may be empty)
     * @param realFree           free energies of real frames (may be empty)
     */
    public static Realism of(List<float[][]> generated, List<float[][]> real, double[] binHz,
                             double[] generatedDurations, double[] realDurations, double[] generatedFree,
                             double[] realFree) {
        double[] gm = meanFrame(generated, binHz.length);
        double[] rm = meanFrame(real, binHz.length);
        double ss = 0;
        for (int i = 0; i < gm.length; i++) {
            ss += (gm[i] - rm[i]) * (gm[i] - rm[i]);
        }
        return new Realism(Math.sqrt(ss / gm.length), gm, rm,
                Comparison.of(energies(generated), energies(real)),
                Comparison.of(centroids(generated, binHz), centroids(real, binHz)),
                Comparison.of(generatedDurations, realDurations), Comparison.of(generatedFree, realFree));
    }

    /**
     * These figures with the song structure of generated and real sequences, both measured with the threshold
     * Otsu's method chooses on the real frames.
     *
     * @param hopSeconds seconds per frame
     */
    public Realism withStructure(List<float[][]> generated, List<float[][]> real, double hopSeconds) {
        double threshold = SongStructure.threshold(real);
        SongStructure g = SongStructure.of(generated, hopSeconds, threshold);
        SongStructure r = SongStructure.of(real, hopSeconds, threshold);
        return new Realism(meanSpectrumRms, generatedMean, realMean, energy, centroidHz, durationSeconds, freeEnergy,
                Comparison.of(g.syllableSeconds(), r.syllableSeconds()), Comparison.of(g.gapSeconds(), r.gapSeconds()),
                Comparison.of(g.ratePerSecond(), r.ratePerSecond()));
    }

    /** Mean value of each frame. */
    public static double[] energies(List<float[][]> sequences) {
        return sequences.stream().flatMap(java.util.Arrays::stream).mapToDouble(f -> {
            double s = 0;
            for (float v : f) {
                s += v;
            }
            return s / f.length;
        }).toArray();
    }

    /** Σ x_i·Hz_i / Σ x_i of each frame whose values are not all zero. */
    public static double[] centroids(List<float[][]> sequences, double[] binHz) {
        return sequences.stream().flatMap(java.util.Arrays::stream).mapToDouble(f -> {
            double s = 0;
            double w = 0;
            for (int i = 0; i < f.length; i++) {
                s += f[i];
                w += f[i] * binHz[i];
            }
            return s > 0 ? w / s : Double.NaN;
        }).filter(Double::isFinite).toArray();
    }

    private static double[] meanFrame(List<float[][]> sequences, int width) {
        double[] m = new double[width];
        long n = 0;
        for (float[][] s : sequences) {
            for (float[] f : s) {
                if (f.length != width) {
                    throw new IllegalArgumentException("frame of " + f.length + " values, expected " + width);
                }
                for (int i = 0; i < width; i++) {
                    m[i] += f[i];
                }
                n++;
            }
        }
        for (int i = 0; i < width; i++) {
            m[i] = n == 0 ? Double.NaN : m[i] / n;
        }
        return m;
    }

    private static double mean(double[] a) {
        return java.util.Arrays.stream(a).filter(Double::isFinite).average().orElse(Double.NaN);
    }

    private static int finite(double[] a) {
        return (int) java.util.Arrays.stream(a).filter(Double::isFinite).count();
    }
}
