package org.echoic.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.List;

import org.echoic.dsp.ColorMap;

/**
 * Lays out and draws a figure for papers around a plot image with java.awt (no JavaFX; works with
 * {@code java.awt.headless=true}): a white page with the plot framed in its middle, a time axis below, a value axis
 * on the left, an optional colour bar on the right and an optional title above. Ticks point outwards, so the plot's
 * pixels are copied untouched. Every size (fonts, margins, lines) is multiplied by {@code scale}. The figure's
 * width and height are the whole image; the plot gets what the margins leave. Stateless; thread-safe.
 */
public final class FigureRenderer {
    /** The smallest plot side, in pixels, a figure accepts. */
    public static final int MIN_PLOT_SIDE = 16;

    /**
     * What a figure shows besides the plot's pixels.
     *
     * @param title    text above the plot, or null/blank for none
     * @param x        the time axis
     * @param y        the value axis (frequency or amplitude)
     * @param colorBar the colour bar's axis (dB), or null for none
     * @param colorMap the colour bar's colours (with {@code floorDb} and {@code rangeDb})
     * @param scale    multiplies every size, at least 0.25
     */
    public record Spec(String title, AxisTicks.Axis x, AxisTicks.Axis y, AxisTicks.Axis colorBar, ColorMap colorMap,
                       double floorDb, double rangeDb, double scale) {
        public Spec {
            if (!(scale >= 0.25) || scale > 16) {
                throw new IllegalArgumentException("figure scale must be 0.25 to 16: " + scale);
            }
        }

        boolean hasTitle() {
            return title != null && !title.isBlank();
        }
    }

    /** Where the plot sits in a figure, in pixels, and whether the title fits above it. */
    public record Layout(int width, int height, int plotX, int plotY, int plotWidth, int plotHeight, boolean titled) {
        /** The bare plot filling a {@code width} x {@code height} image. */
        public static Layout bare(int width, int height) {
            return new Layout(width, height, 0, 0, width, height, false);
        }
    }

    private FigureRenderer() {
    }

    /**
     * The plot's place in a {@code width} x {@code height} figure. A title that would leave the plot less than
     * {@link #MIN_PLOT_SIDE} high is left out.
     *
     * @throws IllegalArgumentException if the margins leave less than {@link #MIN_PLOT_SIDE} pixels for the plot
     */
    public static Layout layout(int width, int height, Spec spec) {
        Metrics m = new Metrics(spec);
        int bottom = m.tickLen + m.pad / 2 + m.tickHeight + m.pad / 2 + m.axisHeight + m.pad;
        int titled = m.pad + m.titleHeight + m.pad;
        boolean title = spec.hasTitle() && height - titled - bottom >= MIN_PLOT_SIDE;
        int top = title ? titled : m.pad + m.tickHeight;
        int plotH = height - top - bottom;
        check(plotH, width, height, spec);
        int left = m.pad + m.axisHeight + m.pad + widest(spec.y().ticks(plotH, m::tickHeight), m) + m.pad / 2
                + m.tickLen;
        int right = spec.colorBar() == null ? m.pad + m.tickWidth("00000") / 2
                : m.barGap + m.barWidth + m.tickLen + m.pad / 2 + m.tickWidth("\u2212888.8") + m.pad + m.axisHeight
                + m.pad;
        int plotW = width - left - right;
        check(plotW, width, height, spec);
        return new Layout(width, height, left, top, plotW, plotH, title);
    }

    private static void check(int side, int width, int height, Spec spec) {
        if (side < MIN_PLOT_SIDE) {
            throw new IllegalArgumentException("a figure of " + width + " x " + height + " pixels at scale "
                    + spec.scale() + " leaves no room for the plot inside its axes: make it larger or drop the axes");
        }
    }

    /** Draws the figure with {@code plotArgb} ({@code layout.plotWidth() x layout.plotHeight()}) in its place. */
    public static BufferedImage draw(Layout layout, Spec spec, int[] plotArgb) {
        Metrics m = new Metrics(spec);
        BufferedImage img = new BufferedImage(layout.width(), layout.height(), BufferedImage.TYPE_INT_RGB);
        img.setRGB(layout.plotX(), layout.plotY(), layout.plotWidth(), layout.plotHeight(), plotArgb, 0,
                layout.plotWidth());
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setColor(Color.WHITE);
            int px = layout.plotX();
            int py = layout.plotY();
            int pw = layout.plotWidth();
            int ph = layout.plotHeight();
            g.fillRect(0, 0, layout.width(), py);
            g.fillRect(0, py + ph, layout.width(), layout.height() - py - ph);
            g.fillRect(0, py, px, ph);
            g.fillRect(px + pw, py, layout.width() - px - pw, ph);
            g.setColor(Color.BLACK);
            frame(g, px, py, pw, ph, m.line);
            g.setFont(m.tickFont);
            FontMetrics fm = g.getFontMetrics();
            for (AxisTicks.Tick t : spec.x().ticks(pw, m::tickWidth)) {
                int x = px + clamp(t.px(), pw);
                g.fillRect(x - (m.line - 1) / 2, py + ph + m.line, m.line, m.tickLen);
                int w = fm.stringWidth(t.label());
                int lx = Math.max(0, Math.min(layout.width() - w, x - w / 2));
                g.drawString(t.label(), lx, py + ph + m.line + m.tickLen + m.pad / 2 + fm.getAscent());
            }
            for (AxisTicks.Tick t : spec.y().ticks(ph, m::tickHeight)) {
                int y = py + clamp(t.px(), ph);
                g.fillRect(px - m.line - m.tickLen, y - (m.line - 1) / 2, m.tickLen, m.line);
                int w = fm.stringWidth(t.label());
                int baseline = Math.max(fm.getAscent(), y + (fm.getAscent() - fm.getDescent()) / 2);
                g.drawString(t.label(), px - m.line - m.tickLen - m.pad / 2 - w, baseline);
            }
            g.setFont(m.axisFont);
            FontMetrics am = g.getFontMetrics();
            String xt = spec.x().title();
            g.drawString(xt, px + (pw - am.stringWidth(xt)) / 2, layout.height() - m.pad - am.getDescent());
            vertical(g, spec.y().title(), m.pad + am.getAscent(), py + ph / 2);
            if (spec.colorBar() != null) {
                colourBar(g, img, layout, spec, m);
            }
            if (layout.titled()) {
                g.setFont(m.titleFont);
                FontMetrics tm = g.getFontMetrics();
                int w = tm.stringWidth(spec.title());
                int x = Math.max(m.pad, Math.min(layout.width() - m.pad - w, px + (pw - w) / 2));
                g.drawString(spec.title(), x, m.pad + tm.getAscent());
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    private static void colourBar(Graphics2D g, BufferedImage img, Layout layout, Spec spec, Metrics m) {
        int x0 = layout.plotX() + layout.plotWidth() + m.barGap;
        int y0 = layout.plotY();
        int h = layout.plotHeight();
        int[] table = spec.colorMap().table();
        for (int r = 0; r < h; r++) {
            double db = FigureAxes.decibelsAtRow(r, h, spec.floorDb(), spec.rangeDb());
            int c = table[SpectrogramRenderer.colourIndex(db, spec.floorDb(), spec.rangeDb())];
            for (int x = 0; x < m.barWidth; x++) {
                img.setRGB(x0 + x, y0 + r, c);
            }
        }
        g.setColor(Color.BLACK);
        frame(g, x0, y0, m.barWidth, h, m.line);
        g.setFont(m.tickFont);
        FontMetrics fm = g.getFontMetrics();
        int widest = 0;
        for (AxisTicks.Tick t : spec.colorBar().ticks(h, m::tickHeight)) {
            int y = y0 + clamp(t.px(), h);
            int x = x0 + m.barWidth + m.line;
            g.fillRect(x, y - (m.line - 1) / 2, m.tickLen, m.line);
            int baseline = Math.max(fm.getAscent(), y + (fm.getAscent() - fm.getDescent()) / 2);
            g.drawString(t.label(), x + m.tickLen + m.pad / 2, baseline);
            widest = Math.max(widest, fm.stringWidth(t.label()));
        }
        g.setFont(m.axisFont);
        int titleX = Math.min(layout.width() - m.pad - g.getFontMetrics().getDescent(),
                x0 + m.barWidth + m.line + m.tickLen + m.pad / 2 + widest + m.pad + g.getFontMetrics().getAscent());
        vertical(g, spec.colorBar().title(), titleX, y0 + h / 2);
    }

    /** A frame of {@code line} pixels just outside the rectangle. */
    private static void frame(Graphics2D g, int x, int y, int w, int h, int line) {
        g.fillRect(x - line, y - line, w + 2 * line, line);
        g.fillRect(x - line, y + h, w + 2 * line, line);
        g.fillRect(x - line, y, line, h);
        g.fillRect(x + w, y, line, h);
    }

    /** Text read bottom to top, its baseline at x = {@code baselineX}, centred on y = {@code centreY}. */
    private static void vertical(Graphics2D g, String text, int baselineX, int centreY) {
        AffineTransform saved = g.getTransform();
        g.translate(baselineX, centreY);
        g.rotate(-Math.PI / 2);
        g.drawString(text, -g.getFontMetrics().stringWidth(text) / 2, 0);
        g.setTransform(saved);
    }

    private static int clamp(double px, int length) {
        return (int) Math.max(0, Math.min(length - 1, Math.floor(px)));
    }

    private static int widest(List<AxisTicks.Tick> ticks, Metrics m) {
        int w = 0;
        for (AxisTicks.Tick t : ticks) {
            w = Math.max(w, m.tickWidth(t.label()));
        }
        return w;
    }

    /** Fonts and sizes at a scale, measured on a scratch image. */
    private static final class Metrics {
        final Font tickFont;
        final Font axisFont;
        final Font titleFont;
        final int pad;
        final int tickLen;
        final int line;
        final int barGap;
        final int barWidth;
        final int tickHeight;
        final int axisHeight;
        final int titleHeight;
        private final FontMetrics tick;

        Metrics(Spec spec) {
            double s = spec.scale();
            tickFont = new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(13 * s));
            axisFont = new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(14 * s));
            titleFont = new Font(Font.SANS_SERIF, Font.BOLD, (int) Math.round(15 * s));
            pad = (int) Math.round(8 * s);
            tickLen = (int) Math.round(5 * s);
            line = Math.max(1, (int) Math.round(s));
            barGap = (int) Math.round(14 * s);
            barWidth = (int) Math.round(16 * s);
            Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
                tick = g.getFontMetrics(tickFont);
                tickHeight = tick.getAscent() + tick.getDescent();
                FontMetrics a = g.getFontMetrics(axisFont);
                axisHeight = a.getAscent() + a.getDescent();
                FontMetrics t = g.getFontMetrics(titleFont);
                titleHeight = t.getAscent() + t.getDescent();
            } finally {
                g.dispose();
            }
        }

        int tickWidth(String text) {
            return tick.stringWidth(text);
        }

        double tickHeight(String text) {
            return tickHeight;
        }
    }
}
