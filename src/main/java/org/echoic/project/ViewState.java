package org.echoic.project;

/**
 * The part of the workbench's view worth restoring with a project: which recording is shown, the visible frame
 * range and the channel. Immutable value.
 *
 * @param selectedRecording index into the project's recordings, or -1 for none
 * @param startFrame        first visible frame (may be fractional)
 * @param endFrame          end of the visible range in frames, greater than {@code startFrame}; 0 with start 0 = whole recording
 * @param channel           0-based channel shown, or -1 for the mean of all channels
 */
public record ViewState(int selectedRecording, double startFrame, double endFrame, int channel) {

    /** Nothing selected, whole recording, mean channel. */
    public static final ViewState NONE = new ViewState(-1, 0, 0, -1);

    public ViewState {
        if (selectedRecording < -1) {
            throw new IllegalArgumentException("selected recording must be an index or -1: " + selectedRecording);
        }
        if (!Double.isFinite(startFrame) || !Double.isFinite(endFrame) || startFrame < 0 || endFrame < startFrame) {
            throw new IllegalArgumentException("bad visible range " + startFrame + "–" + endFrame + " frames");
        }
        if (channel < -1) {
            throw new IllegalArgumentException("channel must be 0-based or -1 for the mean: " + channel);
        }
    }

    /** True when a visible range is recorded (otherwise the whole recording is shown). */
    public boolean hasRange() {
        return endFrame > startFrame;
    }
}
