package org.echoic.ui;

import javafx.scene.control.Button;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToolBar;

/**
 * Zoom commands for the toolbar and the View menu: zoom in and out around the centre, fit the whole recording, zoom
 * to the selection. The keys (+, −, Home, Z) are in {@link WorkbenchKeys}. JavaFX thread only.
 */
final class ZoomControls {
    /** Zoom factor of one step (button or key). */
    static final double STEP = 2;

    private final TimelineModel model;

    ZoomControls(TimelineModel model) {
        this.model = model;
    }

    void zoomIn() {
        model.zoomAround(STEP, model.viewport().widthPx() / 2.0);
    }

    void zoomOut() {
        model.zoomAround(1 / STEP, model.viewport().widthPx() / 2.0);
    }

    void addTo(ToolBar bar) {
        Button out = WorkbenchView.button("−", "zoomOut", "Zoom out (−)");
        out.setOnAction(e -> zoomOut());
        Button in = WorkbenchView.button("+", "zoomIn", "Zoom in (+, or the mouse wheel)");
        in.setOnAction(e -> zoomIn());
        Button fit = WorkbenchView.button("Fit", "zoomFit", "Show the whole recording (Home)");
        fit.setOnAction(e -> model.fitAll());
        Button sel = WorkbenchView.button("Zoom to selection", "zoomToSelection", "Show the selected range (Z)");
        sel.setOnAction(e -> model.zoomToSelection());
        sel.disableProperty().bind(model.selectionProperty().isNull());
        bar.getItems().addAll(out, in, fit, sel);
    }

    Menu viewMenu() {
        MenuItem in = new MenuItem("Zoom in\t+");
        in.setOnAction(e -> zoomIn());
        MenuItem out = new MenuItem("Zoom out\t−");
        out.setOnAction(e -> zoomOut());
        MenuItem fit = new MenuItem("Zoom to fit\tHome");
        fit.setOnAction(e -> model.fitAll());
        MenuItem sel = new MenuItem("Zoom to selection\tZ");
        sel.setOnAction(e -> model.zoomToSelection());
        sel.disableProperty().bind(model.selectionProperty().isNull());
        return new Menu("View", null, in, out, fit, sel);
    }
}
