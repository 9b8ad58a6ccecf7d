package org.echoic.cluster;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rosenberg and Hirschberg's V-measure of a clustering against reference classes, as scikit-learn's
 * {@code homogeneity_completeness_v_measure} (natural logarithms, β = 1): homogeneity {@code h = 1 − H(C|K)/H(C)}
 * (1 when there is one class), completeness {@code c = 1 − H(K|C)/H(K)} (1 when there is one cluster) and
 * {@code v = 2hc / (h + c)} (0 when both are 0). Every label, the noise label −1 included, is a cluster of its
 * own. Stateless; thread-safe.
 */
public final class VMeasure {
    /** The three figures, each in [0, 1]. */
    public record Score(double homogeneity, double completeness, double vMeasure) {
    }

    private VMeasure() {
    }

    /** The score of {@code predicted} clusters against {@code truth} classes (same length; any labels). */
    public static <A, B> Score of(List<A> truth, List<B> predicted) {
        if (truth.size() != predicted.size()) {
            throw new IllegalArgumentException("truth has " + truth.size() + " labels, the clustering "
                    + predicted.size());
        }
        int n = truth.size();
        if (n == 0) {
            return new Score(1, 1, 1);
        }
        Map<A, Integer> classes = new HashMap<>();
        Map<B, Integer> clusters = new HashMap<>();
        int[] c = new int[n];
        int[] k = new int[n];
        for (int i = 0; i < n; i++) {
            c[i] = classes.computeIfAbsent(truth.get(i), x -> classes.size());
            k[i] = clusters.computeIfAbsent(predicted.get(i), x -> clusters.size());
        }
        long[][] table = new long[classes.size()][clusters.size()];
        long[] classCount = new long[classes.size()];
        long[] clusterCount = new long[clusters.size()];
        for (int i = 0; i < n; i++) {
            table[c[i]][k[i]]++;
            classCount[c[i]]++;
            clusterCount[k[i]]++;
        }
        double hc = entropy(classCount, n);
        double hk = entropy(clusterCount, n);
        double mutual = 0;
        for (int a = 0; a < table.length; a++) {
            for (int b = 0; b < table[a].length; b++) {
                long nab = table[a][b];
                if (nab > 0) {
                    mutual += (double) nab / n * Math.log((double) nab * n / ((double) classCount[a] * clusterCount[b]));
                }
            }
        }
        double homogeneity = hc == 0 ? 1 : clamp(mutual / hc);
        double completeness = hk == 0 ? 1 : clamp(mutual / hk);
        double v = homogeneity + completeness == 0 ? 0
                : 2 * homogeneity * completeness / (homogeneity + completeness);
        return new Score(homogeneity, completeness, v);
    }

    private static double entropy(long[] counts, int n) {
        double h = 0;
        for (long count : counts) {
            if (count > 0) {
                double p = (double) count / n;
                h -= p * Math.log(p);
            }
        }
        return h;
    }

    private static double clamp(double x) {
        return Math.max(0, Math.min(1, x));
    }
}
