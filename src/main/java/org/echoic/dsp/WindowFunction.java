package org.echoic.dsp;

import java.util.Locale;

/**
 * A spectral window, computed as scipy's periodic windows ({@code scipy.signal.get_window(name, n)},
 * i.e. {@code fftbins=True}: the symmetric window of {@code n + 1} points without its last point).
 * Immutable value; thread-safe.
 *
 * @param kind  the window family
 * @param alpha the Tukey taper fraction in [0, 1] (ignored by the other kinds)
 */
public record WindowFunction(Kind kind, double alpha) {

    /** Window families. */
    public enum Kind { HANN, HAMMING, BLACKMAN, TUKEY, BOXCAR }

    public static final WindowFunction HANN = new WindowFunction(Kind.HANN, 0);

    public WindowFunction {
        if (kind == null) {
            throw new IllegalArgumentException("window kind is missing");
        }
        if (kind == Kind.TUKEY && !(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("Tukey alpha must be in [0, 1]: " + alpha);
        }
        if (kind != Kind.TUKEY) {
            alpha = 0;
        }
    }

    /** Parses {@code hann}, {@code hamming}, {@code blackman}, {@code boxcar} or {@code tukey:0.25}. */
    public static WindowFunction parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("tukey")) {
            double a = 0.25;
            if (t.startsWith("tukey:")) {
                try {
                    a = Double.parseDouble(t.substring(6));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("bad Tukey alpha in window '" + text + "'");
                }
            } else if (!t.equals("tukey")) {
                throw new IllegalArgumentException("unknown window '" + text + "'");
            }
            return new WindowFunction(Kind.TUKEY, a);
        }
        return switch (t) {
            case "hann", "hanning" -> HANN;
            case "hamming" -> new WindowFunction(Kind.HAMMING, 0);
            case "blackman" -> new WindowFunction(Kind.BLACKMAN, 0);
            case "boxcar", "rectangular" -> new WindowFunction(Kind.BOXCAR, 0);
            default -> throw new IllegalArgumentException(
                    "unknown window '" + text + "' (hann, hamming, blackman, boxcar, tukey:ALPHA)");
        };
    }

    /** The name {@link #parse} accepts, e.g. {@code tukey:0.25}. */
    public String label() {
        return kind == Kind.TUKEY ? "tukey:" + alpha : kind.name().toLowerCase(Locale.ROOT);
    }

    /** The {@code n} periodic window values. */
    public double[] values(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("window length must be positive: " + n);
        }
        double[] w = new double[n];
        int m = n + 1;
        switch (kind) {
            case HANN -> cosine(w, 0.5, 0.5, 0);
            case HAMMING -> cosine(w, 0.54, 0.46, 0);
            case BLACKMAN -> cosine(w, 0.42, 0.5, 0.08);
            case BOXCAR -> java.util.Arrays.fill(w, 1);
            case TUKEY -> tukey(w, m);
        }
        return w;
    }

    private static void cosine(double[] w, double a0, double a1, double a2) {
        int m = w.length;
        for (int i = 0; i < m; i++) {
            double x = 2 * Math.PI * i / m;
            w[i] = a0 - a1 * Math.cos(x) + a2 * Math.cos(2 * x);
        }
    }

    /** scipy.signal.windows.tukey(m, alpha, sym=True), truncated to w.length = m - 1 points. */
    private void tukey(double[] w, int m) {
        if (alpha <= 0) {
            java.util.Arrays.fill(w, 1);
            return;
        }
        if (alpha >= 1) {
            cosine(w, 0.5, 0.5, 0);
            return;
        }
        int width = (int) Math.floor(alpha * (m - 1) / 2.0);
        for (int i = 0; i < w.length; i++) {
            if (i <= width) {
                w[i] = 0.5 * (1 + Math.cos(Math.PI * (-1 + 2.0 * i / alpha / (m - 1))));
            } else if (i < m - width - 1) {
                w[i] = 1;
            } else {
                w[i] = 0.5 * (1 + Math.cos(Math.PI * (-2.0 / alpha + 1 + 2.0 * i / alpha / (m - 1))));
            }
        }
    }
}
