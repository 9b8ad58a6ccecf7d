package org.echoic.ui.common;

import java.util.Locale;

/** Times for rulers and readouts as {@code h:mm:ss.mmm}. Stateless. */
public final class TimeFormat {
    private static final double[] TICK_STEPS_SECONDS = {
        0.0001, 0.0002, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5,
        1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200};

    private TimeFormat() {
    }

    /** {@code h:mm:ss.mmm}; sub-millisecond steps add digits (up to 0.1 ms). */
    public static String hms(double seconds, boolean fineDigits) {
        boolean negative = seconds < 0;
        double s = Math.abs(seconds);
        long tenthsOfMs = Math.round(s * 10_000);
        long totalMs = tenthsOfMs / 10;
        long h = totalMs / 3_600_000;
        long m = totalMs / 60_000 % 60;
        long sec = totalMs / 1000 % 60;
        long ms = totalMs % 1000;
        String text = String.format(Locale.ROOT, "%d:%02d:%02d.%03d", h, m, sec, ms);
        if (fineDigits) {
            text += tenthsOfMs % 10;
        }
        return negative ? "-" + text : text;
    }

    public static String hms(double seconds) {
        return hms(seconds, false);
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
