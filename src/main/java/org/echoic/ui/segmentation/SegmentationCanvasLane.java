package org.echoic.ui.segmentation;

import org.echoic.ui.lanes.Lane;

import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;

/**
 * A lane of the segmentation views drawn on one canvas that fills it: repainted when the segmentation snapshot
 * changes and, at its new size, when a layout resizes it. Subclasses paint in {@link #repaint()}. JavaFX thread only.
 */
abstract class SegmentationCanvasLane extends Region implements Lane {
    protected final SegmentationState state;
    protected final Canvas canvas = new Canvas();

    SegmentationCanvasLane(SegmentationState state, String id, double minHeight, double prefHeight, double maxHeight) {
        this.state = state;
        setId(id);
        getChildren().add(canvas);
        setMinHeight(minHeight);
        setPrefHeight(prefHeight);
        setMaxHeight(maxHeight);
        state.snapshotProperty().addListener((o, a, b) -> repaint());
    }

    @Override
    public Region node() {
        return this;
    }

    /** Sizes the canvas to the lane and repaints it at its new size (a listener on the width ran too early). */
    @Override
    protected void layoutChildren() {
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            repaint();
        }
    }
}
