package org.echoic.ui.lanes;

/**
 * A selected time range of the shown recording, in frames [startFrame, endFrame), start before end. Immutable.
 */
public record TimeSelection(long startFrame, long endFrame) {
    public TimeSelection {
        if (startFrame < 0 || endFrame <= startFrame) {
            throw new IllegalArgumentException("bad selection [" + startFrame + ", " + endFrame + ")");
        }
    }

    /** The selection between two frames given in any order, or null when they coincide. */
    public static TimeSelection between(long a, long b) {
        return a == b ? null : new TimeSelection(Math.min(a, b), Math.max(a, b));
    }

    public long frames() {
        return endFrame - startFrame;
    }
}
