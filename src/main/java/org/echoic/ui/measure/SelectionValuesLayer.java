package org.echoic.ui.measure;

import java.util.function.DoubleUnaryOperator;
import java.util.function.Supplier;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import org.echoic.measure.MeasuredSelection;
import org.echoic.measure.Measurement;
import org.echoic.render.Viewport;
import org.echoic.ui.lanes.SpectrogramLane;

/**
 * The time selection's measurements written beside it on the spectrogram (right of its end, or left of its start
 * near the right edge): Peak Freq, Center Freq, BW 90 %, Dur 90 % and Mean F0 when measured, with its band as a box
 * (when narrower than 0…Nyquist), the Peak Freq as a tick and the Center Freq as a dashed line. JavaFX thread only.
 */
final class SelectionValuesLayer implements SpectrogramLane.OverlayLayer {
    private static final Font FONT = Font.font(11);
    private static final Color TEXT = Color.rgb(255, 236, 170);
    private static final Color BACK = Color.rgb(20, 22, 28, 0.78);
    private static final Measurement[] SHOWN = {Measurement.PEAK_FREQ, Measurement.CENTER_FREQ, Measurement.BW_90,
        Measurement.DUR_90, Measurement.AVG_ENTROPY, Measurement.MEAN_F0};

    private final Supplier<MeasuredSelection> current;
    private final Supplier<Double> sampleRateHz;

    SelectionValuesLayer(Supplier<MeasuredSelection> current, Supplier<Double> sampleRateHz) {
        this.current = current;
        this.sampleRateHz = sampleRateHz;
    }

    @Override
    public void paint(GraphicsContext g, Viewport viewport, double width, double height, DoubleUnaryOperator hzToY) {
        MeasuredSelection m = current.get();
        double fs = sampleRateHz.get();
        if (m == null || !(fs > 0)) {
            return;
        }
        double x0 = viewport.frameToX(m.selection().startSeconds() * fs);
        double x1 = viewport.frameToX(m.selection().endSeconds() * fs);
        if (x1 < 0 || x0 > width) {
            return;
        }
        StringBuilder text = new StringBuilder();
        for (Measurement k : SHOWN) {
            String v = k.format(m);
            if (!v.isEmpty()) {
                String col = k.column();
                int unit = col.lastIndexOf(" (");
                text.append(text.length() == 0 ? "" : "\n").append(col, 0, unit).append(": ").append(v).append(' ')
                        .append(col, unit + 2, col.length() - 1);
            }
        }
        double boxW = 150;
        double boxH = 15 * text.toString().split("\n").length + 6;
        boolean right = x1 + 6 + boxW < width;
        double bx = right ? x1 + 6 : Math.max(2, x0 - 6 - boxW);
        g.setFill(BACK);
        g.fillRect(bx, 4, boxW, boxH);
        g.setFill(TEXT);
        g.setFont(FONT);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(text.toString(), bx + 5, 7);
        g.setStroke(TEXT);
        g.setLineWidth(1.5);
        double a = Math.max(0, x0);
        double b = Math.min(width, x1);
        double fsHalf = fs / 2;
        if (m.spectral().lowHz() > 0 || m.spectral().highHz() < fsHalf) {
            double yHigh = hzToY.applyAsDouble(m.spectral().highHz());
            double yLow = hzToY.applyAsDouble(m.spectral().lowHz());
            g.strokeRect(a, Math.min(yHigh, yLow), b - a, Math.abs(yLow - yHigh));
        }
        for (Measurement k : new Measurement[] {Measurement.PEAK_FREQ, Measurement.CENTER_FREQ}) {
            double hz = k.valueOf(m);
            if (Double.isFinite(hz)) {
                double y = Math.floor(hzToY.applyAsDouble(hz)) + 0.5;
                if (k == Measurement.PEAK_FREQ) {
                    g.strokeLine(a, y, Math.min(b, a + 10), y);
                } else {
                    g.setLineDashes(4, 3);
                    g.strokeLine(a, y, b, y);
                    g.setLineDashes();
                }
            }
        }
    }
}
