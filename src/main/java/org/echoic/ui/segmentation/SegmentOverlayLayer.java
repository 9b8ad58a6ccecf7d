package org.echoic.ui.segmentation;

import org.echoic.ui.lanes.SpectrogramLane;

import java.util.List;
import java.util.function.DoubleUnaryOperator;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

import org.echoic.render.SegmentOverlayRenderer;
import org.echoic.render.Viewport;
import org.echoic.segment.SegmentEdits;
import org.echoic.service.SegmentationSnapshot;

/**
 * Segments drawn over the waveform and spectrogram lanes: light translucent boxes (8 % green: the spectrogram stays
 * readable under them) with thin edges, edited segments in another
 * colour, the selected one outlined; laid out by {@link SegmentOverlayRenderer}. JavaFX thread only.
 */
public final class SegmentOverlayLayer implements SpectrogramLane.OverlayLayer {
    static final Color FILL = Color.rgb(80, 220, 140, 0.08);
    static final Color EDGE = Color.rgb(80, 220, 140, 0.6);
    static final Color EDITED_FILL = Color.rgb(255, 170, 60, 0.10);
    static final Color EDITED_EDGE = Color.rgb(255, 170, 60, 0.7);
    static final Color SELECTED = Color.rgb(255, 255, 255, 0.95);

    private final SegmentationState state;

    public SegmentOverlayLayer(SegmentationState state) {
        this.state = state;
    }

    @Override
    public void paint(GraphicsContext g, Viewport viewport, double width, double height, DoubleUnaryOperator hzToY) {
        SegmentationSnapshot s = state.snapshot();
        if (s == null) {
            return;
        }
        paintSegments(g, s.segments(), viewport, width, height, state.selectedIndexProperty().get());
    }

    /** Paints {@code items} as boxes over the full height; {@code selected} (an index, or -1) is outlined. */
    static void paintSegments(GraphicsContext g, List<SegmentEdits.Item> items, Viewport vp, double width,
                              double height, int selected) {
        SegmentOverlayRenderer.Spans spans = SegmentOverlayRenderer.layout(items, vp, (int) Math.ceil(width));
        g.setLineWidth(1);
        for (int i = 0; i < spans.count(); i++) {
            double x0 = spans.x0()[i];
            double x1 = spans.x1()[i];
            boolean edited = spans.edited()[i];
            g.setFill(edited ? EDITED_FILL : FILL);
            g.fillRect(x0, 0, x1 - x0, height);
            if (x1 - x0 >= 3) {
                g.setStroke(edited ? EDITED_EDGE : EDGE);
                g.strokeLine(Math.floor(x0) + 0.5, 0, Math.floor(x0) + 0.5, height);
                g.strokeLine(Math.ceil(x1) - 0.5, 0, Math.ceil(x1) - 0.5, height);
            }
        }
        if (selected >= 0 && selected < items.size()) {
            double a = vp.frameToX(items.get(selected).segment().startFrame());
            double b = vp.frameToX(items.get(selected).segment().endFrame());
            if (b >= 0 && a <= width) {
                g.setStroke(SELECTED);
                g.setLineWidth(2);
                g.strokeRect(Math.max(-2, a), 1, Math.max(2, Math.min(width + 2, b) - Math.max(-2, a)), height - 2);
            }
        }
    }
}
