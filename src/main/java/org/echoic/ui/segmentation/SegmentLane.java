package org.echoic.ui.segmentation;

import java.util.List;
import java.util.Locale;

import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import org.echoic.render.Viewport;
import org.echoic.segment.RejectedRun;
import org.echoic.segment.Segment;
import org.echoic.segment.SegmentEdits;
import org.echoic.segment.SegmentationParams;
import org.echoic.service.SegmentationSession;
import org.echoic.service.SegmentationSnapshot;

/**
 * A thin lane with the segments as boxes and their labels (edited ones in orange) and the rejected runs as ticks at
 * the bottom; the status bar's readout names the segment or rejected run under the mouse and why it was rejected. A
 * click selects a segment, dragging one of its edges moves that edge (a manual {@link SegmentEdits.Move} edit,
 * undoable). Other presses fall through to the lane stack (time selection). JavaFX thread only.
 */
public final class SegmentLane extends SegmentationCanvasLane {
    private static final double EDGE_GRAB_PX = 4;
    private static final Color BACKGROUND = Color.rgb(0x22, 0x25, 0x2C);
    private static final Color TEXT = Color.rgb(220, 224, 232);
    private static final Font FONT = Font.font(10);
    private static final Color TOO_SHORT = Color.rgb(255, 110, 110, 0.8);
    private static final Color TOO_LONG = Color.rgb(190, 120, 255, 0.8);

    private int dragIndex = -1;
    private boolean dragStartEdge;
    private double dragX;
    private double mouseX = -1;

    public SegmentLane(SegmentationState state) {
        super(state, "segmentLane", 28, 34, 34);
        state.selectedIndexProperty().addListener((o, a, b) -> repaint());
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            mouseX = e.getX();
            setCursor(edgeAt(e.getX()) != null ? Cursor.H_RESIZE : Cursor.DEFAULT);
        });
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::onReleased);
    }

    @Override
    public void repaint() {
        double w = Math.floor(getWidth());
        double h = Math.floor(getHeight());
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(BACKGROUND);
        g.fillRect(0, 0, w, h);
        SegmentationSnapshot s = state.snapshot();
        if (s == null || w < 1) {
            return;
        }
        Viewport vp = state.timeline().viewport().withWidth((int) w);
        List<SegmentEdits.Item> items = s.segments();
        paintRejected(g, s, vp, w, h);
        SegmentOverlayLayer.paintSegments(g, items, vp, w, h, state.selectedIndexProperty().get());
        g.setFont(FONT);
        g.setFill(TEXT);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (SegmentEdits.Item i : items) {
            double a = vp.frameToX(i.segment().startFrame());
            double b = vp.frameToX(i.segment().endFrame());
            if (!i.segment().label().isEmpty() && b - a > 10 && b > 0 && a < w) {
                g.fillText(i.segment().label(), Math.max(2, a + 3), h / 2, b - a - 6);
            }
        }
        if (dragIndex >= 0) {
            g.setStroke(Color.WHITE);
            g.strokeLine(Math.floor(dragX) + 0.5, 0, Math.floor(dragX) + 0.5, h);
        }
        g.setFill(TEXT);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setFill(BACKGROUND);
        g.fillRect(w - 66, h / 2 - 7, 66, 14);
        g.setFill(TEXT);
        g.fillText("segments", w - 4, h / 2);
    }

    /** Rejected runs as short ticks at the bottom (red: too short, purple: too long). */
    private static void paintRejected(GraphicsContext g, SegmentationSnapshot s, Viewport vp, double w, double h) {
        if (s.automatic() == null) {
            return;
        }
        long lastColumn = Long.MIN_VALUE;
        for (RejectedRun r : s.automatic().rejected()) {
            double a = vp.frameToX(r.startFrame());
            double b = vp.frameToX(r.endFrame());
            if (b >= 0 && a <= w && (long) Math.floor(b) != lastColumn) {
                lastColumn = (long) Math.floor(b);
                g.setFill(r.reason() == RejectedRun.Reason.TOO_SHORT ? TOO_SHORT : TOO_LONG);
                g.fillRect(a, h - 5, Math.max(1, b - a), 4);
            }
        }
    }

    /** Under the mouse: the segment (times, label, edited) or a rejected run and why, like Raven's detector log. */
    @Override
    public String readoutAt(double y) {
        SegmentationSnapshot s = state.snapshot();
        if (s == null || mouseX < 0) {
            return "";
        }
        double rate = state.timeline().sampleRateHz();
        int i = segmentAt(mouseX);
        if (i >= 0) {
            Segment seg = s.segments().get(i).segment();
            return String.format(Locale.ROOT, "segment %d: %.3f–%.3f s (%.1f ms)%s%s", i + 1, seg.startFrame() / rate,
                    seg.endFrame() / rate, 1000 * seg.lengthFrames() / rate,
                    seg.label().isEmpty() ? "" : " «" + seg.label() + "»", s.segments().get(i).edited() ? ", edited" : "");
        }
        if (s.automatic() == null) {
            return "";
        }
        double f = state.timeline().viewport().xToFrame(mouseX);
        double slack = 2 * state.timeline().viewport().framesPerPixel();
        for (RejectedRun r : s.automatic().rejected()) {
            if (r.startFrame() - slack <= f && f < r.endFrame() + slack) {
                SegmentationParams p = s.automatic().params();
                return String.format(Locale.ROOT, "rejected run %.3f s, %.1f ms: %s", r.startFrame() / rate,
                        1000 * r.lengthFrames() / rate, r.reason() == RejectedRun.Reason.TOO_SHORT
                                ? "too short (kept when longer than " + p.minLengthMs() + " ms)"
                                : "too long (kept when shorter than " + p.maxLengthMs() + " ms)");
            }
        }
        return "";
    }

    /** {index, 0 = start edge / 1 = end edge} of the edge under {@code x}, or null. */
    private int[] edgeAt(double x) {
        SegmentationSnapshot s = state.snapshot();
        if (s == null) {
            return null;
        }
        Viewport vp = state.timeline().viewport();
        List<SegmentEdits.Item> items = s.segments();
        for (int i = 0; i < items.size(); i++) {
            Segment seg = items.get(i).segment();
            double a = vp.frameToX(seg.startFrame());
            double b = vp.frameToX(seg.endFrame());
            if (b - a >= 2 * EDGE_GRAB_PX && Math.abs(x - a) <= EDGE_GRAB_PX) {
                return new int[] {i, 0};
            }
            if (b - a >= 2 * EDGE_GRAB_PX && Math.abs(x - b) <= EDGE_GRAB_PX) {
                return new int[] {i, 1};
            }
        }
        return null;
    }

    private int segmentAt(double x) {
        SegmentationSnapshot s = state.snapshot();
        if (s == null) {
            return -1;
        }
        double f = state.timeline().viewport().xToFrame(x);
        List<SegmentEdits.Item> items = s.segments();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).segment().startFrame() <= f && f < items.get(i).segment().endFrame()) {
                return i;
            }
        }
        return -1;
    }

    private void onPressed(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        int[] edge = edgeAt(e.getX());
        if (edge != null) {
            dragIndex = edge[0];
            dragStartEdge = edge[1] == 0;
            dragX = e.getX();
            state.selectedIndexProperty().set(edge[0]);
            e.consume();
            return;
        }
        int i = segmentAt(e.getX());
        if (i >= 0) {
            state.selectedIndexProperty().set(i);
            e.consume();
        }
    }

    private void onDragged(MouseEvent e) {
        if (dragIndex >= 0) {
            dragX = Math.max(0, Math.min(getWidth(), e.getX()));
            repaint();
            e.consume();
        }
    }

    private void onReleased(MouseEvent e) {
        if (dragIndex < 0) {
            return;
        }
        SegmentationSnapshot s = state.snapshot();
        SegmentationSession session = state.session();
        int index = dragIndex;
        dragIndex = -1;
        e.consume();
        if (s == null || session == null || index >= s.segments().size()) {
            repaint();
            return;
        }
        Segment seg = s.segments().get(index).segment();
        long frame = Math.max(0, Math.min(state.timeline().totalFrames(),
                Math.round(state.timeline().viewport().xToFrame(dragX))));
        long start = dragStartEdge ? Math.min(frame, seg.endFrame() - 1) : seg.startFrame();
        long end = dragStartEdge ? seg.endFrame() : Math.max(frame, seg.startFrame() + 1);
        if (start != seg.startFrame() || end != seg.endFrame()) {
            session.edit(new SegmentEdits.Move(seg.startFrame(), seg.endFrame(), start, end));
        }
        repaint();
    }
}
