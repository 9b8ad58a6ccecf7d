package org.echoic.segment;

/**
 * A merged run above the threshold that was not kept, and why (for diagnostics such as a hover text).
 * [startFrame, endFrame) is the unpadded run. Immutable.
 */
public record RejectedRun(long startFrame, long endFrame, Reason reason) {

    /** Why a run was rejected: its length was not strictly between the minimum and maximum. */
    public enum Reason {
        /** length ≤ minimum length */
        TOO_SHORT,
        /** length ≥ maximum length */
        TOO_LONG
    }

    public long lengthFrames() {
        return endFrame - startFrame;
    }
}
