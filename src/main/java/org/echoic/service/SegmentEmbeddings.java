package org.echoic.service;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;

import org.echoic.embed.FrameParams;
import org.echoic.embed.SegmentFrames;
import org.echoic.embed.SpectrogramEmbedding;
import org.echoic.segment.Segment;

/**
 * The segments of recordings (from the table beside each, or their segmentation: {@link CorpusService#segments})
 * and their frames and embeddings, for call-type discovery. Stateless; runs on the calling thread and honours
 * interruption.
 */
public final class SegmentEmbeddings {
    /**
     * One segment.
     *
     * @param source       its recording
     * @param index        0-based position in its recording's segment list
     * @param segment      its sample range and original label
     * @param sampleRateHz the recording's rate
     */
    public record Item(CorpusService.Source source, int index, Segment segment, double sampleRateHz) {
        public double onsetSeconds() {
            return segment.startFrame() / sampleRateHz;
        }

        public double offsetSeconds() {
            return segment.endFrame() / sampleRateHz;
        }
    }

    /** What the AVGN-style spectrogram embedding uses: frames, columns after time normalisation, duration weight. */
    public record SpectrogramParams(FrameParams frames, int timeBins, double durationWeight) {
        public static final SpectrogramParams DEFAULTS = new SpectrogramParams(FrameParams.DEFAULTS, 32, 1.0);

        public SpectrogramParams {
            if (timeBins < 1 || !(durationWeight >= 0)) {
                throw new IllegalArgumentException("bad spectrogram embedding: " + timeBins + " columns, duration "
                        + "weight " + durationWeight);
            }
        }
    }

    private SegmentEmbeddings() {
    }

    /**
     * The segments of every source, in source order (a table's rows in its order; rows starting after the end of
     * the recording are left out, those running past it are cut at the end). A segment shorter than one STFT window,
     * even of no length, is kept: its frames are taken from one window around it.
     */
    public static List<Item> items(List<CorpusService.Source> sources, DoubleConsumer progress)
            throws IOException, InterruptedException {
        List<Item> out = new ArrayList<>();
        for (int s = 0; s < sources.size(); s++) {
            CorpusService.Source src = sources.get(s);
            List<Segment> segments = CorpusService.segments(src, null);
            long frames = src.recording().frames();
            for (int i = 0; i < segments.size(); i++) {
                Segment g = segments.get(i);
                out.add(new Item(src, i, new Segment(g.startFrame(), Math.min(g.endFrame(), frames), g.label()),
                        src.recording().sampleRateHz()));
            }
            report(progress, (s + 1.0) / sources.size());
        }
        return out;
    }

    /** The frames of every item (a recording's filterbank is made once). */
    public static List<SegmentFrames.Frames> frames(List<Item> items, int channel, FrameParams params,
                                                    DoubleConsumer progress) throws InterruptedException {
        List<SegmentFrames.Frames> out = new ArrayList<>(items.size());
        SegmentFrames current = null;
        CorpusService.Source currentSource = null;
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            if (item.source() != currentSource) {
                currentSource = item.source();
                current = new SegmentFrames(currentSource.recording(), channel, params);
            }
            out.add(current.of(item.segment()));
            if (Thread.interrupted()) {
                throw new InterruptedException("embedding cancelled");
            }
            if (i % 64 == 0) {
                report(progress, (double) i / items.size());
            }
        }
        report(progress, 1);
        return out;
    }

    /** The AVGN-style spectrogram embedding of every item. */
    public static float[][] spectrogram(List<Item> items, int channel, SpectrogramParams params,
                                        DoubleConsumer progress) throws InterruptedException {
        List<SegmentFrames.Frames> frames = frames(items, channel, params.frames(), progress);
        float[][] out = new float[items.size()][];
        for (int i = 0; i < out.length; i++) {
            Item item = items.get(i);
            out[i] = SpectrogramEmbedding.of(frames.get(i), SpectrogramEmbedding.durationSeconds(item.segment(),
                    item.sampleRateHz()), params.timeBins(), params.durationWeight());
        }
        return out;
    }

    private static void report(DoubleConsumer progress, double fraction) {
        if (progress != null) {
            progress.accept(fraction);
        }
    }
}
