package org.echoic.ui;

import org.echoic.ui.lanes.TimelineModel;
import org.echoic.ui.lanes.ZoomControls;

import java.util.List;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyEvent;

/**
 * Navigation keys of the workbench: + / − zoom around the centre, Home fits the recording, Z zooms to the
 * selection, ← / → scroll a quarter screen, Page Up / Page Down a screen, Escape clears the selection, Space plays
 * or stops. They are a handler on the scene, not a filter: a focused control that uses a key (a slider nudged with
 * ← / →, a list, a text field, a button pressed with Space) gets it first, and only keys it leaves reach the
 * lanes; keys typed into text fields (spinners) never do. Click the lanes (or any place without such a control) to give them the keys. JavaFX thread only.
 */
final class WorkbenchKeys {
    /** The keys and what they do, in the order of the Help ▸ Keys list. */
    static final List<String[]> KEYS = List.of(
            new String[] {"Space", "play the selection (or the visible range) / stop"},
            new String[] {"+ / −", "zoom in / out around the centre (or the mouse wheel over the lanes)"},
            new String[] {"Home", "show the whole recording"},
            new String[] {"Z", "zoom to the selection"},
            new String[] {"← / →", "scroll a quarter screen (Shift + wheel scrolls too)"},
            new String[] {"Page Up / Page Down", "scroll a screen"},
            new String[] {"Esc", "clear the selection"},
            new String[] {"drag over the lanes", "select a time range"},
            new String[] {"Ctrl+O / Ctrl+Shift+O", "open files / a folder"},
            new String[] {"Ctrl+W", "close the shown recording"},
            new String[] {"Ctrl+S / Ctrl+Shift+S", "save the project / save it as"},
            new String[] {"Ctrl+Q", "quit"},
            new String[] {"Tab", "move the keyboard focus; a focused slider moves with ← / → and Home / End"});

    private final TimelineModel model;
    private final ZoomControls zoom;
    private final Runnable togglePlay;

    WorkbenchKeys(TimelineModel model, Runnable togglePlay) {
        this.model = model;
        this.zoom = new ZoomControls(model);
        this.togglePlay = togglePlay;
    }

    /**
     * On the lanes (which take the focus when clicked) the keys are handled before an enclosing control (the tab
     * pane would take ← / → to switch tabs); on the scene they are handled when no focused control used them.
     */
    void install(Scene scene, Node lanes) {
        lanes.addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        scene.addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
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
