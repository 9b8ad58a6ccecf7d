package org.echoic.service;

import java.util.ArrayList;
import java.util.List;

import org.echoic.audio.Recording;
import org.echoic.corpus.Corpus;
import org.echoic.corpus.CorpusSegment;
import org.echoic.dsp.SpectralFrames;
import org.echoic.dsp.Spectrogram;
import org.echoic.dsp.Stft;
import org.echoic.segment.Segment;
import org.echoic.train.SequenceDataset;

/**
 * A sequence to look at through a model: its frames exactly as the model sees them ([T][F] in [0, 1]) and,
 * for audio, where it came from (the recording, channel and sample range, so it can be played). Immutable
 * (do not modify the frames); thread-safe.
 *
 * @param name      how to show it (recording and segment, or data set and sequence)
 * @param frames    the model's frames
 * @param recording the source recording, or null (data-set sequences, corpus segments whose recording is not open)
 * @param source    the recording's identifier (path) or the data set's origin
 * @param channel   the channel analysed ({@link Recording#MEAN_CHANNEL} for the mean)
 * @param startFrame first sample frame (0 without audio)
 * @param endFrame   one past the last sample frame (0 without audio)
 */
public record InspectedSegment(String name, float[][] frames, Recording recording, String source, int channel,
                               long startFrame, long endFrame) {

    /**
     * A segment of a recording, framed with the model's settings ({@code frames} comes from the checkpoint's
     * model.json through {@link SpectralFrames#fromMaps}).
     *
     * @throws IllegalArgumentException if the segment is shorter than one STFT segment or the frame width at the
     *                                  recording's rate differs from the model's {@code nVisible}
     */
    public static InspectedSegment fromRecording(Recording rec, int channel, Segment seg, SpectralFrames frames,
                                                 int nVisible, String name) throws InterruptedException {
        int f = frames.nVisible(rec.sampleRateHz());
        if (f != nVisible) {
            throw new IllegalArgumentException(rec.path() + ": frames of " + f + " values at " + rec.sampleRateHz()
                    + " Hz, but the model was trained on " + nVisible);
        }
        long end = Math.min(seg.endFrame(), rec.frames());
        if (frames.stft().frameCount(end - seg.startFrame()) < 1) {
            throw new IllegalArgumentException(rec.path() + ": segment " + name + " is shorter than one STFT segment ("
                    + frames.stft().nperseg() + " samples)");
        }
        Spectrogram psd = Stft.spectrogram(rec, channel, seg.startFrame(), end, frames.stft(), null, 1, null);
        return new InspectedSegment(name, frames.scale(psd), rec, rec.path().toString(), channel, seg.startFrame(), end);
    }

    /**
     * Every segment of a recording long enough for one frame, named "file #i label"; shorter ones are left out.
     */
    public static List<InspectedSegment> fromRecording(Recording rec, int channel, List<Segment> segments,
                                                       SpectralFrames frames, int nVisible)
            throws InterruptedException {
        List<InspectedSegment> out = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            long end = Math.min(s.endFrame(), rec.frames());
            if (end <= s.startFrame() || frames.stft().frameCount(end - s.startFrame()) < 1) {
                continue;
            }
            out.add(fromRecording(rec, channel, s, frames, nVisible, rec.path().getFileName() + " #" + i
                    + (s.label().isEmpty() ? "" : " " + s.label())));
        }
        return out;
    }

    /** Sequence {@code i} of a corpus; {@code recording} is its source recording if open (else null). */
    public static InspectedSegment fromCorpus(Corpus corpus, int i, Recording recording, int channel) {
        CorpusSegment s = corpus.segments().get(i);
        String file = java.nio.file.Path.of(s.recording()).getFileName().toString();
        return new InspectedSegment(file + " #" + s.index() + (s.label().isEmpty() ? "" : " " + s.label()),
                corpus.dataset().sequences().get(i), recording, s.recording(), channel, s.startFrame(), s.endFrame());
    }

    /** Sequence {@code i} of a data set (no audio). */
    public static InspectedSegment fromDataset(SequenceDataset data, int i) {
        if (i < 0 || i >= data.size()) {
            throw new IllegalArgumentException(data.origin() + ": no sequence " + i + " (it has " + data.size() + ")");
        }
        return new InspectedSegment(data.origin() + " #" + i, data.sequences().get(i), null, data.origin(),
                Recording.MEAN_CHANNEL, 0, 0);
    }

    /** True if it can be played. */
    public boolean playable() {
        return recording != null && endFrame > startFrame;
    }

    /** Sample frames [start, end) of model frame {@code t} (its STFT segment), for playing one frame. */
    public long[] sampleRangeOfFrame(int t, SpectralFrames settings) {
        long step = settings.stft().nperseg() - settings.stft().noverlap();
        long start = startFrame + t * step;
        return new long[] {start, Math.min(endFrame, start + settings.stft().nperseg())};
    }
}
