package org.echoic.segment;

/**
 * A segment of a recording: the half-open frame range [startFrame, endFrame) and a label (empty when
 * none). Immutable.
 */
public record Segment(long startFrame, long endFrame, String label) {
    public Segment {
        if (startFrame < 0 || endFrame < startFrame) {
            throw new IllegalArgumentException("bad segment [" + startFrame + ", " + endFrame + ")");
        }
        label = label == null ? "" : label;
    }

    public Segment(long startFrame, long endFrame) {
        this(startFrame, endFrame, "");
    }

    public long lengthFrames() {
        return endFrame - startFrame;
    }

    public double startSeconds(double sampleRateHz) {
        return startFrame / sampleRateHz;
    }

    public double endSeconds(double sampleRateHz) {
        return endFrame / sampleRateHz;
    }
}
