package org.echoic.ui.segmentation;

import java.util.List;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import org.echoic.render.Viewport;
import org.echoic.segment.Annotation;
import org.echoic.service.SegmentationSnapshot;

/**
 * A thin lane with the imported reference annotations: those matched by a current segment (within the agreement's
 * tolerance) in blue, unmatched ones in red, labels inside. JavaFX thread only.
 */
public final class ReferenceLane extends SegmentationCanvasLane {
    private static final Color BACKGROUND = Color.rgb(0x22, 0x25, 0x2C);
    private static final Color MATCHED = Color.rgb(110, 170, 255, 0.55);
    private static final Color UNMATCHED = Color.rgb(255, 90, 90, 0.55);
    private static final Color TEXT = Color.rgb(220, 224, 232);
    private static final Font FONT = Font.font(10);


    public ReferenceLane(SegmentationState state) {
        super(state, "referenceLane", 24, 28, 28);
    }

    @Override
    public void repaint() {
        double w = Math.floor(getWidth());
        double h = Math.floor(getHeight());
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(BACKGROUND);
        g.fillRect(0, 0, w, h);
        SegmentationSnapshot s = state.snapshot();
        g.setFont(FONT);
        g.setTextBaseline(VPos.CENTER);
        if (s == null || s.referenceFile() == null) {
            g.setFill(TEXT);
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText("references: none (Segmentation ▸ Import references…)", w - 4, h / 2);
            return;
        }
        boolean[] matched = new boolean[s.references().size()];
        if (s.agreement() != null) {
            for (int[] p : s.agreement().pairs()) {
                matched[p[0]] = true;
            }
        }
        double rate = state.timeline().sampleRateHz();
        Viewport vp = state.timeline().viewport().withWidth((int) w);
        List<Annotation> refs = s.references();
        g.setTextAlign(TextAlignment.LEFT);
        for (int i = 0; i < refs.size(); i++) {
            double a = vp.frameToX(refs.get(i).startSeconds() * rate);
            double b = Math.max(a + 1, vp.frameToX(refs.get(i).endSeconds() * rate));
            if (b < 0 || a > w) {
                continue;
            }
            g.setFill(matched[i] ? MATCHED : UNMATCHED);
            g.fillRect(a, 3, b - a, h - 6);
            if (b - a > 10 && !refs.get(i).label().isEmpty()) {
                g.setFill(TEXT);
                g.fillText(refs.get(i).label(), Math.max(2, a + 3), h / 2, b - a - 6);
            }
        }
        g.setFill(TEXT);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setFill(BACKGROUND);
        g.fillRect(w - 66, h / 2 - 7, 66, 14);
        g.setFill(TEXT);
        g.fillText("references", w - 4, h / 2);
    }
}
