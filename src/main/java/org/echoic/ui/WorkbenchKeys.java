package org.echoic.ui;

import org.echoic.ui.lanes.TimelineModel;
import org.echoic.ui.lanes.ZoomControls;

import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyEvent;

/**
 * Navigation keys of the workbench: + / − zoom around the centre, Home fits the recording, Z zooms to the
 * selection, ← / → scroll a quarter screen, Page Up / Page Down a screen, Escape clears the selection, Space plays
 * or stops. Keys typed into text fields (spinners) are left to them. JavaFX thread only.
 */
final class WorkbenchKeys {
    private final TimelineModel model;
    private final ZoomControls zoom;
    private final Runnable togglePlay;

    WorkbenchKeys(TimelineModel model, Runnable togglePlay) {
        this.model = model;
        this.zoom = new ZoomControls(model);
        this.togglePlay = togglePlay;
    }

    void install(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    }

    private void onKey(KeyEvent e) {
        if (e.getTarget() instanceof TextInputControl || e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        boolean handled = true;
        switch (e.getCode()) {
            case PLUS, ADD, EQUALS -> zoom.zoomIn();
            case MINUS, SUBTRACT -> zoom.zoomOut();
            case HOME -> model.fitAll();
            case Z -> model.zoomToSelection();
            case LEFT -> model.scrollPages(-0.25);
            case RIGHT -> model.scrollPages(0.25);
            case PAGE_UP -> model.scrollPages(-1);
            case PAGE_DOWN -> model.scrollPages(1);
            case ESCAPE -> model.selectionProperty().set(null);
            case SPACE -> togglePlay.run();
            default -> handled = false;
        }
        if (handled) {
            e.consume();
        }
    }
}
