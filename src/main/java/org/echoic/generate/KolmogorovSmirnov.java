package org.echoic.generate;

import java.util.Arrays;

/**
 * The two-sample Kolmogorov–Smirnov test: D = sup |F₁(x) − F₂(x)| of the two empirical distribution
 * functions (as {@code scipy.stats.ks_2samp}'s statistic), and the asymptotic p-value
 * Q_KS(√(n·m/(n+m))·D) of the Kolmogorov distribution. Stateless; thread-safe.
 */
public final class KolmogorovSmirnov {
    private KolmogorovSmirnov() {
    }

    /** D of two non-empty samples (NaN when either is empty). NaNs in the samples are ignored. */
    public static double statistic(double[] a, double[] b) {
        double[] x = finiteSorted(a);
        double[] y = finiteSorted(b);
        if (x.length == 0 || y.length == 0) {
            return Double.NaN;
        }
        int i = 0;
        int j = 0;
        double d = 0;
        while (i < x.length && j < y.length) {
            double v = Math.min(x[i], y[j]);
            while (i < x.length && x[i] <= v) {
                i++;
            }
            while (j < y.length && y[j] <= v) {
                j++;
            }
            d = Math.max(d, Math.abs((double) i / x.length - (double) j / y.length));
        }
        return d;
    }

    /** The asymptotic p-value of D for sample sizes n and m (1 for D = 0, NaN for NaN). */
    public static double pValue(double d, int n, int m) {
        if (Double.isNaN(d) || n == 0 || m == 0) {
            return Double.NaN;
        }
        double en = Math.sqrt((double) n * m / (n + m));
        double lambda = (en + 0.12 + 0.11 / en) * d;
        if (lambda < 1e-3) {
            return 1;
        }
        double sum = 0;
        double sign = 1;
        for (int k = 1; k <= 100; k++) {
            double term = sign * 2 * Math.exp(-2 * k * k * lambda * lambda);
            sum += term;
            if (Math.abs(term) < 1e-12) {
                break;
            }
            sign = -sign;
        }
        return Math.max(0, Math.min(1, sum));
    }

    private static double[] finiteSorted(double[] a) {
        double[] x = Arrays.stream(a).filter(Double::isFinite).toArray();
        Arrays.sort(x);
        return x;
    }
}
