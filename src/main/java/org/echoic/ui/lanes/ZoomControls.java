package org.echoic.ui.lanes;

import org.echoic.ui.common.Buttons;

import javafx.scene.control.Button;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToolBar;

/**
 * Zoom commands for the toolbar and the View menu: zoom in and out around the centre, fit the whole recording, zoom
 * to the selection. The keys (+, −, Home, Z) are in {@link WorkbenchKeys}. JavaFX thread only.
 */
public final class ZoomControls {
    /** Zoom factor of one step (button or key). */
    static final double STEP = 2;

    private final TimelineModel model;

    public ZoomControls(TimelineModel model) {
        this.model = model;
    }

    public void zoomIn() {
        model.zoomAround(STEP, model.viewport().widthPx() / 2.0);
    }

    public void zoomOut() {
        model.zoomAround(1 / STEP, model.viewport().widthPx() / 2.0);
    }

    public void addTo(ToolBar bar) {
        Button out = Buttons.button("−", "zoomOut", "Zoom out (−)");
        out.setOnAction(e -> zoomOut());
        Button in = Buttons.button("+", "zoomIn", "Zoom in (+, or the mouse wheel)");
        in.setOnAction(e -> zoomIn());
        Button fit = Buttons.button("Fit", "zoomFit", "Show the whole recording (Home)");
        fit.setOnAction(e -> model.fitAll());
        Button sel = Buttons.button("Zoom to selection", "zoomToSelection", "Show the selected range (Z)");
        sel.setOnAction(e -> model.zoomToSelection());
        sel.disableProperty().bind(model.selectionProperty().isNull());
        bar.getItems().addAll(out, in, fit, sel);
    }

    public Menu viewMenu() {
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
