package org.echoic.ui.segmentation;

import org.echoic.ui.lanes.Lane;

import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;

/**
 * A lane of the segmentation views drawn on one canvas that fills it: repainted when its size or the
 * segmentation snapshot changes. Subclasses paint in {@link #repaint()}. JavaFX thread only.
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
        widthProperty().addListener((o, a, b) -> repaint());
        heightProperty().addListener((o, a, b) -> repaint());
        state.snapshotProperty().addListener((o, a, b) -> repaint());
    }

    @Override
    public Region node() {
        return this;
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
    }
}
