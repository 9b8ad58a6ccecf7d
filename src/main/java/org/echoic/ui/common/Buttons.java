package org.echoic.ui.common;

import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;

/** Small factory of the workbench's buttons (id for tests, tooltip for users). FX thread only. */
public final class Buttons {
    private Buttons() {
    }

    /** A button with {@code text}, the node id {@code id} and the tooltip {@code tip}. */
    public static Button button(String text, String id, String tip) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        return b;
    }
}
