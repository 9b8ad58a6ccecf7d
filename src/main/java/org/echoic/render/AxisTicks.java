package org.echoic.render;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;

/**
 * Ticks of figure axes: uniform 1-2-5 steps on linear axes and 1, then 2 and 5, then the other digits of each decade
 * on logarithmic and mel axes, as dense as their labels allow without overlapping. Positions come from the mapping
 * the plot was painted with; a tick's {@code px} is fractional and pixel {@code floor(px)} (column or row) holds its
 * value. Stateless; thread-safe.
 */
public final class AxisTicks {
    /** A tick: its value in the axis' base unit (s, Hz, dB, amplitude), its position in pixels and its label. */
    public record Tick(double value, double px, String label) {
    }

    /**
     * One axis of a figure: a title and its ticks for a plot {@code lengthPx} long, given the extent of a label along
     * the axis in pixels.
     */
    public interface Axis {
        String title();

        List<Tick> ticks(int lengthPx, ToDoubleFunction<String> extentPx);
    }

    private static final double[] MANTISSAS = {1, 2, 5};

    private AxisTicks() {
    }

    /**
     * The densest uniform ticks (step 1, 2 or 5 × 10^k) over {@code [lo, hi]} whose neighbouring labels keep
     * {@code gapPx} apart; labels show {@code value / unit} with the decimals the step needs.
     */
    public static List<Tick> uniform(double lo, double hi, double unit, DoubleUnaryOperator toPx,
                                     ToDoubleFunction<String> extentPx, double gapPx) {
        double span = hi - lo;
        int k = (int) Math.floor(Math.log10(span / unit)) - 4;
        List<Tick> best = List.of();
        for (int tries = 0; tries < 40; tries++, k += tries % 3 == 0 ? 1 : 0) {
            double stepInUnits = MANTISSAS[tries % 3] * Math.pow(10, k);
            double step = stepInUnits * unit;
            int decimals = Math.max(0, -k);
            List<Tick> ticks = new ArrayList<>();
            for (long i = (long) Math.ceil(lo / step - 1e-9); i * step <= hi + step * 1e-9; i++) {
                double v = i * step;
                ticks.add(new Tick(v, toPx.applyAsDouble(v), format(i * stepInUnits, decimals)));
            }
            best = ticks;
            if (ticks.size() > 400) {
                continue;
            }
            if (fits(ticks, extentPx, gapPx)) {
                return ticks;
            }
        }
        return best.isEmpty() ? best : List.of(best.get(0));
    }

    /**
     * Ticks over {@code [lo, hi]} (lo ≥ 0) for a non-linear axis: 0 (when in range) and the decades first, then
     * 2 and 5, then the other digits, each kept only if its label clears those already placed by {@code gapPx}.
     */
    public static List<Tick> decades(double lo, double hi, double unit, DoubleUnaryOperator toPx,
                                     ToDoubleFunction<String> extentPx, double gapPx) {
        List<double[]> candidates = new ArrayList<>();
        if (lo <= 0) {
            candidates.add(new double[] {0, -1});
        }
        int k0 = (int) Math.floor(Math.log10(Math.max(lo, hi * 1e-6)));
        int k1 = (int) Math.ceil(Math.log10(hi));
        for (int k = k0; k <= k1; k++) {
            for (int m = 1; m <= 9; m++) {
                double v = m * Math.pow(10, k);
                if (v >= lo - 1e-9 * hi && v <= hi * (1 + 1e-9)) {
                    candidates.add(new double[] {v, m == 1 ? 0 : m == 2 || m == 5 ? 1 : 2});
                }
            }
        }
        candidates.sort(Comparator.comparingDouble((double[] c) -> c[1]).thenComparingDouble(c -> c[0]));
        List<Tick> placed = new ArrayList<>();
        for (double[] c : candidates) {
            Tick t = new Tick(c[0], toPx.applyAsDouble(c[0]), format(BigDecimal.valueOf(c[0] / unit)));
            boolean clear = true;
            for (Tick p : placed) {
                clear &= Math.abs(p.px() - t.px())
                        >= (extentPx.applyAsDouble(p.label()) + extentPx.applyAsDouble(t.label())) / 2 + gapPx;
            }
            if (clear) {
                placed.add(t);
            }
        }
        placed.sort(Comparator.comparingDouble(Tick::value));
        return placed;
    }

    /** Clock steps in seconds: 1, 2, 5, 10, 15, 30 s; 1, 2, 5, 10, 15, 30 min; 1, 2, 3, 6, 12, 24 h. */
    private static final double[] CLOCK_STEPS = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200,
        10800, 21600, 43200, 86400};

    /**
     * The densest ticks at whole clock steps (1 s … 24 h) over {@code [lo, hi]} seconds whose labels keep
     * {@code gapPx} apart; labels are {@code m:ss}, or {@code h:mm:ss} when {@code hours}.
     */
    public static List<Tick> clock(double lo, double hi, boolean hours, DoubleUnaryOperator toPx,
                                   ToDoubleFunction<String> extentPx, double gapPx) {
        List<Tick> best = List.of();
        for (double step : CLOCK_STEPS) {
            List<Tick> ticks = new ArrayList<>();
            for (long i = (long) Math.ceil(lo / step - 1e-9); i * step <= hi + step * 1e-9; i++) {
                double v = i * step;
                ticks.add(new Tick(v, toPx.applyAsDouble(v), clockLabel(v, hours)));
            }
            best = ticks;
            if (ticks.size() <= 400 && fits(ticks, extentPx, gapPx)) {
                return ticks;
            }
        }
        return best.isEmpty() ? best : List.of(best.get(0));
    }

    /** {@code seconds} (≥ 0, whole) as {@code m:ss} or {@code h:mm:ss}. */
    static String clockLabel(double seconds, boolean hours) {
        long s = Math.round(seconds);
        return hours ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    private static boolean fits(List<Tick> ticks, ToDoubleFunction<String> extentPx, double gapPx) {
        for (int i = 1; i < ticks.size(); i++) {
            Tick a = ticks.get(i - 1);
            Tick b = ticks.get(i);
            double need = (extentPx.applyAsDouble(a.label()) + extentPx.applyAsDouble(b.label())) / 2 + gapPx;
            if (Math.abs(b.px() - a.px()) < need) {
                return false;
            }
        }
        return true;
    }

    /** {@code value} with {@code decimals} decimals and a true minus sign. */
    public static String format(double value, int decimals) {
        String s = String.format(Locale.ROOT, "%." + decimals + "f", value);
        if (s.matches("-0(\\.0*)?")) {
            s = s.substring(1);
        }
        return s.replace('-', '\u2212');
    }

    private static String format(BigDecimal value) {
        BigDecimal v = value.round(new java.math.MathContext(6)).stripTrailingZeros();
        return (v.scale() < 0 ? v.setScale(0) : v).toPlainString().replace('-', '\u2212');
    }
}
