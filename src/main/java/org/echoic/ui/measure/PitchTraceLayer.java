package org.echoic.ui.measure;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Supplier;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

import org.echoic.measure.PitchContour;
import org.echoic.render.Viewport;
import org.echoic.ui.lanes.SpectrogramLane;

/**
 * F0 traces over the spectrogram: each contour's voiced frames joined by lines (a gap where a frame is unvoiced),
 * with a dot per frame when frames are far apart. JavaFX thread only.
 */
final class PitchTraceLayer implements SpectrogramLane.OverlayLayer {
    static final Color TRACE = Color.rgb(0, 230, 255, 0.95);

    private final Supplier<List<PitchContour>> contours;
    private final Supplier<Double> sampleRateHz;

    PitchTraceLayer(Supplier<List<PitchContour>> contours, Supplier<Double> sampleRateHz) {
        this.contours = contours;
        this.sampleRateHz = sampleRateHz;
    }

    @Override
    public void paint(GraphicsContext g, Viewport viewport, double width, double height, DoubleUnaryOperator hzToY) {
        double fs = sampleRateHz.get();
        if (!(fs > 0)) {
            return;
        }
        g.setStroke(TRACE);
        g.setFill(TRACE);
        g.setLineWidth(2);
        for (PitchContour c : contours.get()) {
            double px = Double.NaN;
            double py = Double.NaN;
            for (int i = 0; i < c.size(); i++) {
                double x = viewport.frameToX(c.timeSeconds(i) * fs);
                if (!c.voiced(i) || x < -50 || x > width + 50) {
                    px = Double.NaN;
                    continue;
                }
                double y = hzToY.applyAsDouble(c.f0Hz(i));
                if (!Double.isNaN(px) && x - px < 40) {
                    g.strokeLine(px, py, x, y);
                }
                if (i + 1 < c.size() && viewport.frameToX(c.timeSeconds(i + 1) * fs) - x > 6) {
                    g.fillOval(x - 2, y - 2, 4, 4);
                }
                px = x;
                py = y;
            }
        }
    }
}
