package org.echoic.ui.common;

import java.util.Locale;

/**
 * Compact times for rulers and readouts, as short as the recording allows: seconds ({@code 12.345 s}) in a recording
 * under a minute, {@code m:ss.mmm} under an hour, {@code h:mm:ss.mmm} beyond; rulers drop the decimals their step
 * does not need. Stateless.
 */
public final class TimeFormat {
    private static final double[] TICK_STEPS_SECONDS = {
        0.0001, 0.0002, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5,
        1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200};

    private TimeFormat() {
    }

    /** A position in a recording {@code totalSeconds} long, to the millisecond. */
    public static String readout(double seconds, double totalSeconds) {
        return format(seconds, totalSeconds, 3, true);
    }

    /**
     * A ruler label at {@code seconds} for ticks {@code stepSeconds} apart in a recording {@code totalSeconds} long:
     * the decimals the step needs ({@code 0.5 s} steps: one), no unit ({@code 12.5}, {@code 1:05}, {@code 1:02:05}).
     */
    public static String tick(double seconds, double stepSeconds, double totalSeconds) {
        int decimals = stepSeconds >= 1 ? 0 : (int) Math.ceil(-Math.log10(stepSeconds) - 1e-9);
        return format(seconds, totalSeconds, Math.min(4, decimals), false);
    }

    /** The unit of {@link #tick} labels for a recording {@code totalSeconds} long: "s", "m:ss" or "h:mm:ss". */
    public static String tickUnit(double totalSeconds) {
        return totalSeconds < 60 ? "s" : totalSeconds < 3600 ? "m:ss" : "h:mm:ss";
    }

    /** A length: {@code 250 ms} under a second, {@code 12.345 s} under a minute, then {@code 1:05.2} or {@code 1:02:05}. */
    public static String duration(double seconds) {
        double s = Math.abs(seconds);
        if (s < 1) {
            return String.format(Locale.ROOT, "%.0f ms", seconds * 1000);
        }
        if (s < 60) {
            return String.format(Locale.ROOT, "%.3f s", seconds);
        }
        return format(seconds, seconds, s < 3600 ? 1 : 0, false);
    }

    private static String format(double seconds, double totalSeconds, int decimals, boolean unit) {
        boolean negative = seconds < 0;
        double s = Math.abs(seconds);
        double scale = Math.pow(10, decimals);
        long scaled = Math.round(s * scale);
        long whole = (long) (scaled / scale);
        String fraction = decimals == 0 ? "" : String.format(Locale.ROOT, ".%0" + decimals + "d",
                scaled - Math.round(whole * scale));
        String text;
        if (totalSeconds < 60) {
            text = whole + fraction + (unit ? " s" : "");
        } else if (totalSeconds < 3600) {
            text = String.format(Locale.ROOT, "%d:%02d", whole / 60, whole % 60) + fraction;
        } else {
            text = String.format(Locale.ROOT, "%d:%02d:%02d", whole / 3600, whole / 60 % 60, whole % 60) + fraction;
        }
        return negative ? "\u2212" + text : text;
    }

    /** The smallest "round" tick step (1, 2, 5 × 10ⁿ s, or minutes and hours) at least {@code minSeconds} long. */
    public static double tickStepSeconds(double minSeconds) {
        for (double step : TICK_STEPS_SECONDS) {
            if (step >= minSeconds) {
                return step;
            }
        }
        return TICK_STEPS_SECONDS[TICK_STEPS_SECONDS.length - 1] * Math.ceil(minSeconds / 43_200);
    }
}
