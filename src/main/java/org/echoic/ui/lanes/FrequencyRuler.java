package org.echoic.ui.lanes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import org.echoic.render.FrequencyAxis;

/**
 * The vertical frequency scale of a spectrogram lane: maps Hz ↔ y for a band on a linear, log or mel axis exactly
 * as {@link org.echoic.render.SpectrogramRenderer} does, picks "nice" tick values (1-2-5 steps) at least
 * {@link #MIN_GAP_PX} apart, and paints them in a strip at the left edge. Immutable; JavaFX thread for painting.
 *
 * @param axis     the frequency axis
 * @param minHz    frequency at the bottom edge
 * @param maxHz    frequency at the top edge
 * @param heightPx lane height in pixels
 */
public record FrequencyRuler(FrequencyAxis axis, double minHz, double maxHz, double heightPx) {
    /** Width of the ruler strip in pixels (dragging in it zooms into a band). */
    public static final double WIDTH_PX = 46;
    /** Smallest vertical gap between labelled ticks. */
    public static final double MIN_GAP_PX = 18;

    private static final Font FONT = Font.font(10);
    private static final Color BACK = Color.rgb(20, 22, 28, 0.55);
    private static final Color TEXT = Color.rgb(210, 216, 228);

    /** Measures label extents (one node for all paints; rulers are painted on the JavaFX thread only). */
    private static final javafx.scene.text.Text MEASURE = new javafx.scene.text.Text();

    /** y (0 at the top) of {@code hz}. */
    public double hzToY(double hz) {
        double a = axis.toScale(minHz);
        double b = axis.toScale(maxHz);
        return heightPx * (b - axis.toScale(Math.max(hz, axis == FrequencyAxis.LOG ? 1e-9 : hz))) / (b - a);
    }

    /** The frequency at {@code y}. */
    public double yToHz(double y) {
        double a = axis.toScale(minHz);
        double b = axis.toScale(maxHz);
        return axis.toHz(b - (b - a) * y / heightPx);
    }

    /** Tick frequencies, top to bottom, at least {@link #MIN_GAP_PX} apart. */
    public List<Double> ticks() {
        List<Double> out = new ArrayList<>();
        if (axis == FrequencyAxis.LINEAR) {
            double step = niceStep((maxHz - minHz) * MIN_GAP_PX * 2 / Math.max(1, heightPx));
            for (double f = Math.floor(maxHz / step) * step; f >= minHz - 1e-9; f -= step) {
                out.add(f);
            }
            return out;
        }
        List<Double> candidates = new ArrayList<>();
        for (double decade = Math.pow(10, Math.floor(Math.log10(Math.max(1, minHz)))); decade <= maxHz; decade *= 10) {
            for (double m : new double[] {1, 2, 5}) {
                for (int i = 1; i < 10; i++) {
                    double f = decade * i;
                    if ((m == 1 || i % m == 0) && f >= minHz && f <= maxHz && !candidates.contains(f)) {
                        candidates.add(f);
                    }
                }
            }
        }
        candidates.sort((x, y) -> Double.compare(priority(x), priority(y)));
        for (double f : candidates) {
            double y = hzToY(f);
            if (out.stream().allMatch(o -> Math.abs(hzToY(o) - y) >= MIN_GAP_PX)) {
                out.add(f);
            }
        }
        out.sort((x, y) -> Double.compare(y, x));
        return out;
    }

    /** Rounder values first: 10^k, then 5 and 2 multiples, then the rest. */
    private static double priority(double f) {
        double mant = f / Math.pow(10, Math.floor(Math.log10(f) + 1e-9));
        int m = (int) Math.round(mant);
        return m == 1 ? 0 : m == 5 ? 1 : m == 2 ? 2 : 3 + m;
    }

    private static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1e-9))));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= raw) {
                return m * p;
            }
        }
        return 10 * p;
    }

    /** A short label: {@code 500}, {@code 1k}, {@code 2.5k}, {@code 12k}. */
    public static String label(double hz) {
        if (hz >= 1000) {
            double k = hz / 1000;
            return new java.math.BigDecimal(String.format(Locale.ROOT, "%.3g", k)).stripTrailingZeros().toPlainString() + "k";
        }
        return String.format(Locale.ROOT, "%.0f", hz);
    }

    /**
     * Paints ticks and labels (the lowest one with the unit) over the lane's left edge; each label sits on a small
     * dark backing of its own size, so the spectrogram stays visible between the labels.
     */
    public void paint(GraphicsContext g) {
        g.setFont(FONT);
        g.setTextAlign(TextAlignment.LEFT);
        MEASURE.setFont(FONT);
        List<Double> ticks = ticks();
        for (int i = 0; i < ticks.size(); i++) {
            double y = Math.round(hzToY(ticks.get(i)));
            VPos base = y < 8 ? VPos.TOP : y > heightPx - 8 ? VPos.BOTTOM : VPos.CENTER;
            String text = label(ticks.get(i)) + (i == ticks.size() - 1 ? " Hz" : "");
            double ty = Math.max(0, Math.min(heightPx, y));
            MEASURE.setText(text);
            double w = MEASURE.getLayoutBounds().getWidth();
            double h = MEASURE.getLayoutBounds().getHeight();
            double top = base == VPos.TOP ? ty : base == VPos.BOTTOM ? ty - h : ty - h / 2;
            g.setFill(BACK);
            g.fillRect(1, top, w + 4, h);
            g.setFill(TEXT);
            g.fillRect(WIDTH_PX - 5, Math.min(heightPx - 1, y), 5, 1);
            g.setTextBaseline(base);
            g.fillText(text, 3, ty);
        }
    }
}
