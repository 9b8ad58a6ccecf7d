package org.echoic.ui.lanes;

import org.echoic.ui.common.TimeFormat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javafx.geometry.Orientation;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.echoic.render.Viewport;

/**
 * The central stack of synchronized lanes under one time ruler with one horizontal scroll bar. All lanes share the
 * {@link TimelineModel}; the stack turns mouse input on any lane into model changes: the wheel zooms around the
 * cursor (with Shift, or sideways, it scrolls), dragging selects a time range, moving reports the cursor position;
 * a click (or Tab) gives the stack the keyboard focus, so the workbench's keys act on the lanes.
 * Other parts add their lanes with {@link #addLane}. JavaFX thread only.
 */
public final class LaneStack extends VBox {
    private static final double WHEEL_ZOOM_PER_NOTCH = 1.25;

    private final TimelineModel model;
    private final TimeRuler ruler;
    private final VBox lanesBox = new VBox(2);
    private final ScrollBar scrollBar = new ScrollBar();
    private final List<Lane> lanes = new ArrayList<>();
    private final Consumer<String> cursorReadout;
    private boolean updatingScrollBar;
    private long dragAnchorFrame = -1;

    /** @param cursorReadout receives "time, lane readout" text as the mouse moves over the lanes ("" on exit) */
    public LaneStack(TimelineModel model, Consumer<String> cursorReadout) {
        this.model = model;
        this.cursorReadout = cursorReadout;
        this.ruler = new TimeRuler(model);
        setId("laneStack");
        setFocusTraversable(true);
        scrollBar.setId("timeScrollBar");
        scrollBar.setOrientation(Orientation.HORIZONTAL);
        VBox.setVgrow(lanesBox, Priority.ALWAYS);
        getChildren().addAll(ruler, lanesBox, scrollBar);
        getStyleClass().add("lane-stack");

        lanesBox.widthProperty().addListener((o, a, b) -> onWidth(b.doubleValue()));
        model.viewportProperty().addListener((o, a, b) -> repaintAll());
        model.selectionProperty().addListener((o, a, b) -> repaintLanes());
        model.recordingProperty().addListener((o, a, b) -> repaintAll());
        model.channelProperty().addListener((o, a, b) -> repaintLanes());
        model.waveformParamsProperty().addListener((o, a, b) -> repaintLanes());
        model.playheadFrameProperty().addListener((o, a, b) -> repaintLanes());
        scrollBar.valueProperty().addListener((o, a, b) -> {
            if (!updatingScrollBar) {
                model.setViewport(model.viewport().withStartFrame(b.doubleValue()));
            }
        });
        lanesBox.addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        lanesBox.addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPressed);
        lanesBox.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDragged);
        lanesBox.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> dragAnchorFrame = -1);
        lanesBox.addEventHandler(MouseEvent.MOUSE_MOVED, this::onMoved);
        lanesBox.addEventHandler(MouseEvent.MOUSE_EXITED, e -> cursorReadout.accept(""));
    }

    /** Adds a lane below the others. */
    public void addLane(Lane lane) {
        lanes.add(lane);
        lanesBox.getChildren().add(lane.node());
        VBox.setVgrow(lane.node(), Priority.ALWAYS);
        lane.repaint();
    }

    public List<Lane> lanes() {
        return List.copyOf(lanes);
    }

    /** Repaints the lanes that are still filling in (called by the workbench's poll timer). */
    public void repaintFilling() {
        for (Lane lane : lanes) {
            if (lane.isFilling()) {
                lane.repaint();
            }
        }
    }

    /** True when some lane is still filling in. */
    public boolean isFilling() {
        return lanes.stream().anyMatch(Lane::isFilling);
    }

    private void onWidth(double width) {
        model.resize((int) Math.max(1, Math.floor(width)));
    }

    private void repaintAll() {
        updateScrollBar();
        ruler.repaint();
        repaintLanes();
    }

    private void repaintLanes() {
        for (Lane lane : lanes) {
            lane.repaint();
        }
    }

    private void updateScrollBar() {
        updatingScrollBar = true;
        Viewport vp = model.viewport();
        double total = Math.max(1, model.totalFrames());
        double visible = Math.min(total, vp.visibleFrames());
        scrollBar.setMin(0);
        scrollBar.setMax(Math.max(0, total - visible));
        scrollBar.setVisibleAmount(visible / total * scrollBar.getMax());
        scrollBar.setDisable(total <= visible);
        scrollBar.setUnitIncrement(visible / 20);
        scrollBar.setBlockIncrement(visible * 0.9);
        scrollBar.setValue(vp.startFrame());
        updatingScrollBar = false;
    }

    private void onScroll(ScrollEvent e) {
        if (model.recordingProperty().get() == null) {
            return;
        }
        boolean sideways = e.isShiftDown() || Math.abs(e.getDeltaX()) > Math.abs(e.getDeltaY());
        if (sideways) {
            double delta = Math.abs(e.getDeltaX()) > Math.abs(e.getDeltaY()) ? e.getDeltaX() : e.getDeltaY();
            model.scrollPages(-delta / Math.max(1, lanesBox.getWidth()));
        } else if (e.getDeltaY() != 0) {
            model.zoomAround(Math.pow(WHEEL_ZOOM_PER_NOTCH, e.getDeltaY() / 40.0), e.getX());
        }
        e.consume();
    }

    private long frameAt(double x) {
        double f = model.viewport().xToFrame(x);
        return Math.max(0, Math.min(model.totalFrames(), Math.round(f)));
    }

    private void onPressed(MouseEvent e) {
        requestFocus();
        javafx.application.Platform.runLater(this::requestFocus); // after the enclosing tab pane took it
        if (e.getButton() != MouseButton.PRIMARY || model.recordingProperty().get() == null) {
            return;
        }
        dragAnchorFrame = frameAt(e.getX());
        model.selectionProperty().set(null);
    }

    private void onDragged(MouseEvent e) {
        if (dragAnchorFrame < 0) {
            return;
        }
        model.selectionProperty().set(TimeSelection.between(dragAnchorFrame, frameAt(e.getX())));
        onMoved(e);
    }

    private void onMoved(MouseEvent e) {
        if (model.recordingProperty().get() == null) {
            return;
        }
        double seconds = model.viewport().xToFrame(e.getX()) / model.sampleRateHz();
        String text = "cursor " + TimeFormat.readout(Math.max(0, seconds), model.totalFrames() / model.sampleRateHz());
        for (Lane lane : lanes) {
            javafx.geometry.Bounds b = lane.node().getBoundsInParent();
            if (e.getY() >= b.getMinY() && e.getY() < b.getMaxY()) {
                String lr = lane.readoutAt(e.getY() - b.getMinY());
                text += lr.isEmpty() ? "" : "   " + lr;
            }
        }
        cursorReadout.accept(text);
    }
}
