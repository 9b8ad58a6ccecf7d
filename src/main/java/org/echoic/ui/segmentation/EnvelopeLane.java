package org.echoic.ui.segmentation;

import org.echoic.ui.lanes.LaneOverlay;
import org.echoic.ui.lanes.TimelineModel;

import java.util.Locale;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import org.echoic.render.Viewport;
import org.echoic.service.SegmentationSession;
import org.echoic.service.SegmentationSnapshot;

/**
 * The smoothed amplitude envelope the segmentation thresholds, on a dBFS axis ({@value #FLOOR_DB} dB to 0), with the
 * threshold as a horizontal line and the segments shaded. Column maxima come from the session's cached envelope.
 * JavaFX thread only.
 */
public final class EnvelopeLane extends SegmentationCanvasLane {
    static final double FLOOR_DB = -90;
    private static final Color BACKGROUND = Color.rgb(0x1B, 0x1D, 0x23);
    private static final Color ENVELOPE = Color.rgb(150, 190, 255);
    private static final Color THRESHOLD = Color.rgb(255, 214, 102);
    private static final Color TEXT = Color.rgb(190, 196, 210);
    private static final Font FONT = Font.font(10);

    private final TimelineModel model;

    public EnvelopeLane(SegmentationState state) {
        super(state, "envelopeLane", 60, 90, 120);
        this.model = state.timeline();
    }

    /** y of a level in dBFS (clamped to the axis). */
    double dbToY(double db, double height) {
        double f = Math.max(0, Math.min(1, (Double.isNaN(db) ? FLOOR_DB : db) / FLOOR_DB));
        return 1 + f * (height - 2);
    }

    @Override
    public void repaint() {
        int w = (int) Math.floor(getWidth());
        double h = Math.floor(getHeight());
        if (w < 1 || h < 1) {
            return;
        }
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(BACKGROUND);
        g.fillRect(0, 0, w, h);
        SegmentationSession session = state.session();
        SegmentationSnapshot s = state.snapshot();
        if (session == null || s == null) {
            return;
        }
        Viewport vp = model.viewport().withWidth(w);
        SegmentOverlayLayer.paintSegments(g, s.segments(), vp, w, h, state.selectedIndexProperty().get());
        float[] columns = session.envelopeColumns(vp.startFrame(), vp.framesPerPixel(), w);
        g.setFont(FONT);
        g.setTextBaseline(VPos.TOP);
        if (columns == null) {
            g.setFill(TEXT);
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(String.format(Locale.ROOT, "computing envelope… %.0f%%", 100 * s.progress()), w / 2.0, h / 2 - 6);
            return;
        }
        g.setFill(ENVELOPE);
        for (int x = 0; x < w; x++) {
            if (!Float.isNaN(columns[x])) {
                double y = dbToY(20 * Math.log10(columns[x]), h);
                g.fillRect(x, y, 1, h - y);
            }
        }
        double threshold = s.thresholdLevel();
        g.setTextAlign(TextAlignment.LEFT);
        for (double db : new double[] {0, -30, -60}) {
            double y = Math.min(h - 12, dbToY(db, h));
            g.setFill(BACKGROUND);
            g.fillRect(1, y, 38, 12);
            g.setFill(TEXT);
            g.fillText(String.format(Locale.ROOT, "%.0f dB", db), 3, y);
        }
        if (!Double.isNaN(threshold)) {
            double db = 20 * Math.log10(threshold);
            double y = Math.floor(dbToY(db, h)) + 0.5;
            g.setStroke(THRESHOLD);
            g.setLineWidth(1.5);
            g.strokeLine(0, y, w, y);
            g.setFill(THRESHOLD);
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(y > 14 ? VPos.BOTTOM : VPos.TOP);
            g.fillText(String.format(Locale.ROOT, "threshold %.1f dBFS", db), w - 4, y);
        }
        LaneOverlay.paint(g, model, w, h);
    }

    @Override
    public String readoutAt(double y) {
        double h = Math.floor(getHeight());
        double db = (y - 1) / Math.max(1, h - 2) * FLOOR_DB;
        return String.format(Locale.ROOT, "envelope %.1f dBFS", Math.min(0, db));
    }
}
