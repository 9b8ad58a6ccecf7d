package org.echoic.ui.charts;

import java.util.ArrayList;
import java.util.List;

import org.echoic.render.AxisTicks;

/**
 * A "nice" linear scale for a chart axis: a tick step of 1, 2 or 5 × 10^k (whole numbers only when {@code integer},
 * e.g. epochs), bounds and the tick labels with exactly the decimals the step needs and a true minus sign.
 * Values are in the axis' display unit (e.g. kHz when the axis shows kHz). Immutable; thread-safe.
 *
 * @param lower lowest value shown
 * @param upper highest value shown
 * @param step  distance between ticks (&gt; 0)
 */
public record NiceScale(double lower, double upper, double step) {
    private static final double[] MANTISSAS = {1, 2, 5};

    public NiceScale {
        if (!(step > 0) || !(upper >= lower)) {
            throw new IllegalArgumentException("bad scale " + lower + ".." + upper + " step " + step);
        }
    }

    /**
     * The scale for data in {@code [min, max]} with at most {@code maxTicks} ticks (at least 2): the smallest
     * nice step that fits; bounds rounded out to whole steps when {@code extend}, else the data range itself.
     * A flat or empty range is widened to one step around its value.
     */
    public static NiceScale of(double min, double max, int maxTicks, boolean integer, boolean extend) {
        if (!Double.isFinite(min) || !Double.isFinite(max)) {
            min = 0;
            max = 1;
        }
        if (max < min) {
            double t = min;
            min = max;
            max = t;
        }
        if (max - min < Math.max(1e-12, Math.abs(max) * 1e-9)) {
            double half = integer ? 1 : Math.max(Math.abs(max) * 0.1, 1e-9);
            min -= half;
            max += half;
        }
        double step = step(max - min, Math.max(2, maxTicks), integer);
        if (extend) {
            return new NiceScale(Math.floor(min / step + 1e-9) * step, Math.ceil(max / step - 1e-9) * step, step);
        }
        return new NiceScale(min, max, step);
    }

    /** The smallest step 1, 2 or 5 × 10^k (≥ 1 when {@code integer}) giving at most {@code maxTicks} ticks. */
    public static double step(double span, int maxTicks, boolean integer) {
        double raw = span / Math.max(1, maxTicks - 1);
        int k = (int) Math.floor(Math.log10(raw));
        for (int tries = 0; tries < 8; tries++, k++) {
            for (double m : MANTISSAS) {
                double s = m * Math.pow(10, k);
                if (s >= raw * (1 - 1e-9) && (!integer || s >= 1)) {
                    return s;
                }
            }
        }
        return Math.pow(10, k);
    }

    /** The ticks: whole multiples of the step within the bounds. */
    public List<Double> ticks() {
        List<Double> out = new ArrayList<>();
        long first = (long) Math.ceil(lower / step - 1e-9);
        long last = (long) Math.floor(upper / step + 1e-9);
        for (long i = first; i <= last && out.size() < 1000; i++) {
            out.add(i * step);
        }
        return out;
    }

    /** Decimals the step needs (0 for whole steps). */
    public int decimals() {
        return decimals(step);
    }

    /** Decimals a step of 1, 2 or 5 × 10^k needs. */
    public static int decimals(double step) {
        return Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
    }

    /** {@code value} as a tick label with this scale's decimals. */
    public String label(double value) {
        return format(value, decimals());
    }

    /** {@code value} with {@code decimals} decimals, no "−0" and a true minus sign (U+2212). */
    public static String format(double value, int decimals) {
        return AxisTicks.format(value, decimals);
    }
}
