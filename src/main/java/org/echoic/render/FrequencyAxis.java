package org.echoic.render;

/**
 * How Hz map to the vertical axis of a spectrogram: linear, logarithmic, or mel (HTK formula
 * {@code 2595 log10(1 + f / 700)}). Stateless; thread-safe.
 */
public enum FrequencyAxis {
    LINEAR, LOG, MEL;

    /** The axis coordinate of {@code hz} (any monotonic scale; only differences matter). */
    public double toScale(double hz) {
        return switch (this) {
            case LINEAR -> hz;
            case LOG -> Math.log(hz);
            case MEL -> 2595.0 * Math.log10(1.0 + hz / 700.0);
        };
    }

    /** The inverse of {@link #toScale}. */
    public double toHz(double scale) {
        return switch (this) {
            case LINEAR -> scale;
            case LOG -> Math.exp(scale);
            case MEL -> 700.0 * (Math.pow(10, scale / 2595.0) - 1.0);
        };
    }

    /** Parses {@code linear}, {@code log} or {@code mel}. */
    public static FrequencyAxis parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown frequency axis '" + text + "' (linear, log, mel)");
        }
    }
}
