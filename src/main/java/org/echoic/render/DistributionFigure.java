package org.echoic.render;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * A figure of two samples' distributions with axes ({@link FigureRenderer}): histograms of the same
 * {@value #BINS} bins over the range of both, as the fraction of each sample per bin, the second (real, blue)
 * filled and the first (generated, orange) drawn over it half transparent. Stateless; thread-safe.
 */
public final class DistributionFigure {
    /** Histogram bins. */
    public static final int BINS = 24;
    /** Colour of the first sample (generated). */
    public static final Color FIRST = new Color(0xf0, 0x8c, 0x28);
    /** Colour of the second sample (real). */
    public static final Color SECOND = new Color(0x3c, 0x8c, 0xdc);

    private DistributionFigure() {
    }

    /**
     * Draws the figure.
     *
     * @param title  text above the plot
     * @param xTitle the value axis' title (with its unit)
     * @param first  the first sample (NaNs ignored)
     * @param second the second sample (NaNs ignored)
     * @param width  figure width in pixels
     * @param height figure height in pixels
     */
    public static BufferedImage draw(String title, String xTitle, double[] first, double[] second, int width,
                                     int height) {
        double[] a = Arrays.stream(first).filter(Double::isFinite).toArray();
        double[] b = Arrays.stream(second).filter(Double::isFinite).toArray();
        double[] range = range(a, b);
        double lo = range[0];
        double hi = range[1];
        double[] ha = fractions(a, lo, hi);
        double[] hb = fractions(b, lo, hi);
        double top = Math.max(max(ha), max(hb));
        top = top > 0 ? top * 1.05 : 1;
        FigureRenderer.Spec spec = new FigureRenderer.Spec(title, FigureAxes.linear(xTitle, lo, hi, false),
                FigureAxes.linear("Fraction", 0, top, true), null, null, 0, 1, 1);
        FigureRenderer.Layout layout = FigureRenderer.layout(width, height, spec);
        int w = layout.plotWidth();
        int h = layout.plotHeight();
        BufferedImage plot = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = plot.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            bars(g, hb, top, w, h, SECOND, 1f);
            bars(g, ha, top, w, h, FIRST, 0.6f);
        } finally {
            g.dispose();
        }
        return FigureRenderer.draw(layout, spec, plot.getRGB(0, 0, w, h, null, 0, w));
    }

    private static void bars(Graphics2D g, double[] fractions, double top, int w, int h, Color c, float alpha) {
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, alpha));
        g.setColor(c);
        for (int i = 0; i < BINS; i++) {
            int x0 = (int) Math.round(i * (double) w / BINS);
            int x1 = (int) Math.round((i + 1) * (double) w / BINS);
            int bh = (int) Math.round(fractions[i] / top * h);
            g.fillRect(x0 + 1, h - bh, Math.max(1, x1 - x0 - 2), bh);
        }
    }

    /**
     * The histogram range {lo, hi} of two samples (finite values only): their joint extent, widened when it is a
     * single value, [0, 1] when both are empty.
     */
    public static double[] range(double[] first, double[] second) {
        double[] a = Arrays.stream(first).filter(Double::isFinite).toArray();
        double[] b = Arrays.stream(second).filter(Double::isFinite).toArray();
        double lo = a.length == 0 ? min(b) : b.length == 0 ? min(a) : Math.min(min(a), min(b));
        double hi = a.length == 0 ? max(b) : b.length == 0 ? max(a) : Math.max(max(a), max(b));
        if (!Double.isFinite(lo)) {
            return new double[] {0, 1};
        }
        if (!(hi > lo)) {
            double half = Math.max(1e-3, Math.abs(lo) * 0.1);
            return new double[] {lo - half, lo + half};
        }
        return new double[] {lo, hi};
    }

    /** Fraction of the sample in each of the {@link #BINS} bins over [lo, hi] (all 0 for an empty sample). */
    public static double[] fractions(double[] x, double lo, double hi) {
        double[] v = Arrays.stream(x).filter(Double::isFinite).toArray();
        double[] f = new double[BINS];
        for (double d : v) {
            f[Math.max(0, Math.min(BINS - 1, (int) ((d - lo) / (hi - lo) * BINS)))]++;
        }
        for (int i = 0; i < BINS; i++) {
            f[i] = v.length == 0 ? 0 : f[i] / v.length;
        }
        return f;
    }

    private static double min(double[] x) {
        return Arrays.stream(x).min().orElse(Double.NaN);
    }

    private static double max(double[] x) {
        return Arrays.stream(x).max().orElse(Double.NaN);
    }
}
