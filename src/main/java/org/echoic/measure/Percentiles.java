package org.echoic.measure;

/** Energy-share helpers of the measurements: cumulative-share indices and Shannon entropy. Stateless. */
final class Percentiles {

    private Percentiles() {
    }

    /**
     * For each of {@link SpectralMeasurements#SHARES}, the first index where the cumulative sum of {@code values}
     * reaches that share of {@code total}; -1 for all when the total is not positive.
     */
    static int[] firstReaching(double[] values, double total) {
        double[] shares = SpectralMeasurements.SHARES;
        int[] out = new int[shares.length];
        if (!(total > 0)) {
            java.util.Arrays.fill(out, -1);
            return out;
        }
        double cum = 0;
        int s = 0;
        for (int i = 0; i < values.length && s < shares.length; i++) {
            cum += values[i];
            while (s < shares.length && cum >= shares[s] * total) {
                out[s++] = i;
            }
        }
        while (s < shares.length) {
            out[s++] = values.length - 1;
        }
        return out;
    }

    /** Shannon entropy in bits of the shares {@code values[i] / total}; NaN when the total is not positive. */
    static double entropyBits(double[] values, double total) {
        if (!(total > 0)) {
            return Double.NaN;
        }
        double h = 0;
        for (double v : values) {
            if (v > 0) {
                double q = v / total;
                h -= q * Math.log(q);
            }
        }
        return h / Math.log(2);
    }
}
