package org.echoic.ui.common;

import javafx.animation.AnimationTimer;

/**
 * Measures the longest gap between two JavaFX pulses while it is armed (during training): a gap well above the
 * ~17 ms frame period means the JavaFX thread stalled. JavaFX thread only.
 */
public final class PulseMonitor extends AnimationTimer {
    private long last;
    private long longestNanos;
    private boolean armed;

    @Override
    public void handle(long now) {
        if (armed && last != 0) {
            longestNanos = Math.max(longestNanos, now - last);
        }
        last = now;
    }

    /** Starts measuring afresh (the longest gap so far is forgotten). */
    public void arm() {
        armed = true;
        last = 0;
        longestNanos = 0;
    }

    /** Stops measuring; the longest gap stays readable. */
    public void disarm() {
        armed = false;
    }

    public boolean isArmed() {
        return armed;
    }

    /** The longest gap between pulses while armed, in ms. */
    public double longestStallMs() {
        return longestNanos / 1e6;
    }
}
