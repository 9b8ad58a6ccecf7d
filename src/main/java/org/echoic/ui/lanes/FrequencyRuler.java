package org.echoic.ui.lanes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import org.echoic.render.AxisTicks;
import org.echoic.render.FrequencyAxis;

/**
 * The vertical frequency scale of a spectrogram lane: maps Hz ↔ y for a band on a linear, log or mel axis exactly
 * as {@link org.echoic.render.SpectrogramRenderer} does, picks "nice" tick values ({@link AxisTicks}) at least
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
    /** Height of a tick label, for spacing. */
    private static final double LABEL_HEIGHT_PX = 12;

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

    /**
     * Tick frequencies, top to bottom, at least {@link #MIN_GAP_PX} apart: 1-2-5 steps on a linear axis; 0 (when
     * shown), the decades, then 2 and 5 and the other digits on log and mel axes ({@link AxisTicks}, as the figures),
     * so the bottom of a mel axis reads "0 Hz", not "1 Hz".
     */
    public List<Double> ticks() {
        java.util.function.ToDoubleFunction<String> extent = t -> LABEL_HEIGHT_PX;
        double gap = MIN_GAP_PX - LABEL_HEIGHT_PX;
        List<AxisTicks.Tick> ticks = axis == FrequencyAxis.LINEAR
                ? AxisTicks.uniform(minHz, maxHz, 1, this::hzToY, extent, gap)
                : AxisTicks.decades(axis == FrequencyAxis.LOG ? Math.max(minHz, 1e-9) : minHz, maxHz, 1, this::hzToY,
                extent, gap);
        List<Double> out = new ArrayList<>();
        for (AxisTicks.Tick t : ticks) {
            out.add(0, t.value());
        }
        return out;
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
