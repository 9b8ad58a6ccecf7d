package org.echoic.ui.lanes;

import javafx.scene.layout.Region;

/**
 * One horizontal band of the lane stack (waveform, spectrogram, segments, annotations…). A lane draws the shown
 * recording through the {@link TimelineModel}'s shared viewport and selection; the stack gives it the full width and
 * routes mouse input (zoom, scroll, selection) for all lanes alike. JavaFX thread only.
 */
public interface Lane {
    /** The node placed in the stack; its width follows the stack, its height is the lane's own. */
    Region node();

    /** Repaints from the model (called when the viewport, selection, recording or play head change). */
    void repaint();

    /** True while the lane is still filling in (background work pending): the stack then repaints it periodically. */
    default boolean isFilling() {
        return false;
    }

    /** A readout for the status bar at lane coordinate {@code y} (e.g. amplitude or frequency), or empty. */
    default String readoutAt(double y) {
        return "";
    }
}
