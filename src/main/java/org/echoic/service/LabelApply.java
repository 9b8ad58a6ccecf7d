package org.echoic.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.echoic.audio.Recording;
import org.echoic.io.AudioFiles;
import org.echoic.label.CleanUp;
import org.echoic.label.FeatureSpec;
import org.echoic.label.FrameFeatures;
import org.echoic.label.FrameLabels;
import org.echoic.label.Labeller;
import org.echoic.segment.Annotation;
import org.echoic.segment.Segment;
import org.echoic.segment.SegmentEdits;

/**
 * Applies a trained labeller to a recording: a frame labeller labels every frame (the recording is read in chunks
 * of about a minute with a window of context on each side, so hours-long files fit in memory) and its segments come
 * out after the {@link CleanUp}; a segment classifier fills the label and confidence of given segments. Runs on the
 * calling thread (the model thread in the workbench).
 */
public final class LabelApply {
    private static final double CHUNK_SECONDS = 60;

    /**
     * Frame labels of a recording and its segments.
     *
     * @param grid     the frame times (no values)
     * @param raw      the most probable class of each frame
     * @param cleaned  after the clean-up
     * @param rawSegments the runs of one class in {@code raw}, with confidence
     * @param segments the segments of {@code cleaned}, with confidence
     */
    public record Prediction(FrameFeatures grid, int[] raw, int[] cleaned, List<Annotation> rawSegments,
                             List<Annotation> segments) {
    }

    private LabelApply() {
    }

    /** Labels every frame of {@code recording}. */
    public static Prediction frames(Labeller l, Path recording, CleanUp cleanUp) throws IOException, InterruptedException {
        try (Recording rec = AudioFiles.open(recording)) {
            return frames(l, rec, recording.getFileName().toString(), cleanUp);
        }
    }

    /** Labels every frame of an open recording ({@code name} for messages). */
    public static Prediction frames(Labeller l, Recording rec, String name, CleanUp cleanUp)
            throws InterruptedException {
        double fs = rec.sampleRateHz();
        FeatureSpec spec = l.spec();
        checkRate(l, fs, name);
        int hop = spec.hop(fs);
        int nperseg = spec.nperseg(fs);
        long total = rec.frames() < nperseg ? 0 : (rec.frames() - nperseg) / hop + 1;
        if (total == 0) {
            throw new IllegalArgumentException(name + ": shorter than one " + spec.windowMs() + " ms window");
        }
        int k = l.classes().size();
        long chunk = Math.max(l.windowFrames() * 4L, Math.round(CHUNK_SECONDS * fs / hop));
        long margin = l.windowFrames();
        float[] probs = new float[Math.toIntExact(total * k)];
        for (long first = 0; first < total; first += chunk) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            long from = Math.max(0, first - margin);
            long to = Math.min(total, first + chunk + margin);
            FrameFeatures f = FrameFeatures.compute(rec, Recording.MEAN_CHANNEL, from * hop,
                    (to - 1) * hop + nperseg, spec);
            float[] p = l.frameProbabilities(f);
            long keepTo = Math.min(total, first + chunk);
            for (long t = first; t < keepTo; t++) {
                System.arraycopy(p, (int) (t - from) * k, probs, (int) t * k, k);
            }
        }
        FrameFeatures grid = new FrameFeatures(spec, fs, 0, (int) total, 0, new float[0]);
        int[] raw = FrameLabels.argmax(probs, k);
        int[] cleaned = cleanUp.apply(raw, grid.hopSeconds(), k);
        return new Prediction(grid, raw, cleaned, FrameLabels.segments(grid, raw, probs, l.classes()),
                FrameLabels.segments(grid, cleaned, probs, l.classes()));
    }

    /** {@code rows} of {@code recording} with the classifier's label and a {@code confidence} attribute. */
    public static List<Annotation> classify(Labeller l, Path recording, List<Annotation> rows)
            throws IOException, InterruptedException {
        try (Recording rec = AudioFiles.open(recording)) {
            checkRate(l, rec.sampleRateHz(), recording.getFileName().toString());
            List<FrameFeatures> feats = new ArrayList<>();
            for (Annotation a : rows) {
                feats.add(LabelData.segmentFeatures(rec, a, l.spec()));
            }
            List<Annotation> out = new ArrayList<>();
            float[][] p = feats.isEmpty() ? new float[0][] : l.segmentProbabilities(feats);
            for (int i = 0; i < rows.size(); i++) {
                int best = 0;
                for (int c = 1; c < p[i].length; c++) {
                    best = p[i][c] > p[i][best] ? c : best;
                }
                Annotation a = rows.get(i);
                Map<String, String> attrs = new LinkedHashMap<>(a.attributes());
                attrs.put("confidence", String.format(Locale.ROOT, "%.4f", p[i][best]));
                out.add(new Annotation(a.startSeconds(), a.endSeconds(), a.lowHz(), a.highHz(), l.classes().get(best),
                        attrs));
            }
            return out;
        }
    }

    /**
     * The manual edits that turn a segmentation's current segments into {@code labelled}: a deletion of each current
     * segment, then an addition of each labelled one (frames at {@code sampleRateHz}), appended to {@code existing}
     * so that undo steps back through them.
     */
    public static List<SegmentEdits.Edit> replacingEdits(List<SegmentEdits.Edit> existing,
                                                         List<SegmentEdits.Item> current, List<Annotation> labelled,
                                                         double sampleRateHz) {
        List<SegmentEdits.Edit> out = new ArrayList<>(existing);
        for (SegmentEdits.Item it : current) {
            out.add(new SegmentEdits.Delete(it.segment().startFrame(), it.segment().endFrame()));
        }
        for (Annotation a : labelled) {
            Segment s = a.toSegment(sampleRateHz);
            if (s.endFrame() > s.startFrame()) {
                out.add(new SegmentEdits.Add(s.startFrame(), s.endFrame(), a.label()));
            }
        }
        return out;
    }

    private static void checkRate(Labeller l, double fs, String name) {
        if (Math.abs(fs - l.sampleRateHz()) > 1e-6) {
            throw new IllegalArgumentException(name + ": sample rate " + (long) fs + " Hz, but the model was trained at "
                    + (long) l.sampleRateHz() + " Hz (resample the recording first)");
        }
    }
}
