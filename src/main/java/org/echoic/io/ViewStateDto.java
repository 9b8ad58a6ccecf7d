package org.echoic.io;

import org.echoic.project.ViewState;

/** JSON form of {@link ViewState}; missing fields mean "nothing selected, whole recording, mean". Immutable. */
public record ViewStateDto(Integer selectedRecording, Double startFrame, Double endFrame, Integer channel) {

    static ViewStateDto from(ViewState v) {
        return new ViewStateDto(v.selectedRecording(), v.startFrame(), v.endFrame(), v.channel());
    }

    ViewState toCore() {
        return new ViewState(selectedRecording == null ? -1 : selectedRecording, startFrame == null ? 0 : startFrame,
                endFrame == null ? 0 : endFrame, channel == null ? -1 : channel);
    }
}
