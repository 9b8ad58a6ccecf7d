package org.echoic.ui.model;

import org.echoic.ui.StatusBar;

import java.util.List;

import org.echoic.audio.Recording;
import org.echoic.dsp.SpectralFrames;
import org.echoic.service.InspectedSegment;
import org.echoic.service.OpenRecording;
import org.echoic.service.Playback;
import org.echoic.service.PlaybackParams;
import org.echoic.service.PlaybackUnavailableException;

/**
 * Plays a driver of a hidden unit from the Model tab: a whole segment, or one frame with four frames of context
 * on each side, from its recording, which must be open in the workbench (found by its path, so that a training
 * corpus' segments play from the recordings they were cut from). Stateless.
 */
final class DriverPlayback {
    private static final int CONTEXT_FRAMES = 4;

    private DriverPlayback() {
    }

    /** Plays {@code d} (frames = the model's frame settings, null without audio settings); reports on {@code status}. */
    static void play(FeatureGallery.Driver d, SpectralFrames frames, List<OpenRecording> open, Playback playback,
                     StatusBar status) {
        InspectedSegment s = d.segment();
        Recording rec = CorpusSegments.find(s.source(), open);
        if (rec == null && s.endFrame() > s.startFrame()) {
            status.setNotice(s.source() + " is not open in the workbench: open it to play " + s.name());
            return;
        }
        if (rec == null || s.endFrame() <= s.startFrame() || frames == null) {
            status.setNotice(s.name() + " has no audio to play");
            return;
        }
        long start = s.startFrame();
        long end = s.endFrame();
        if (!d.wholeSegment()) {
            start = Math.max(s.startFrame(), s.sampleRangeOfFrame(d.frame() - CONTEXT_FRAMES, frames)[0]);
            end = Math.min(s.endFrame(), s.sampleRangeOfFrame(d.frame() + CONTEXT_FRAMES, frames)[1]);
        }
        try {
            playback.play(rec, s.channel(), start, end, PlaybackParams.NORMAL);
            status.setMessage("Playing " + d);
        } catch (PlaybackUnavailableException | IllegalArgumentException e) {
            status.setNotice("Cannot play: " + e.getMessage());
        }
    }
}
