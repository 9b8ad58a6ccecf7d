package org.echoic.ui.lanes;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

import org.echoic.render.Viewport;

/**
 * The layers every lane draws over its content through the shared viewport: the selection (shaded) and the play
 * head (a line). JavaFX thread only; stateless.
 */
public final class LaneOverlay {
    private static final Color SELECTION_FILL = Color.rgb(255, 214, 102, 0.22);
    private static final Color SELECTION_EDGE = Color.rgb(255, 214, 102, 0.9);
    private static final Color PLAYHEAD = Color.rgb(255, 90, 90);

    private LaneOverlay() {
    }

    /** Paints the selection and the play head of {@code model} on a lane {@code width} × {@code height}. */
    public static void paint(GraphicsContext g, TimelineModel model, double width, double height) {
        Viewport vp = model.viewport();
        TimeSelection s = model.selectionProperty().get();
        if (s != null) {
            double x0 = Math.max(-1, vp.frameToX(s.startFrame()));
            double x1 = Math.min(width + 1, vp.frameToX(s.endFrame()));
            if (x1 > x0) {
                g.setFill(SELECTION_FILL);
                g.fillRect(x0, 0, x1 - x0, height);
                g.setStroke(SELECTION_EDGE);
                g.setLineWidth(1);
                g.strokeLine(Math.floor(x0) + 0.5, 0, Math.floor(x0) + 0.5, height);
                g.strokeLine(Math.floor(x1) + 0.5, 0, Math.floor(x1) + 0.5, height);
            }
        }
        double play = model.playheadFrameProperty().get();
        if (play >= 0) {
            double x = Math.floor(vp.frameToX(play)) + 0.5;
            if (x >= 0 && x <= width) {
                g.setStroke(PLAYHEAD);
                g.setLineWidth(1.5);
                g.strokeLine(x, 0, x, height);
            }
        }
    }
}
