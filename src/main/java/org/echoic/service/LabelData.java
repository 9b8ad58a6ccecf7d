package org.echoic.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.echoic.audio.Recording;
import org.echoic.io.AnnotationFormat;
import org.echoic.io.AudioFiles;
import org.echoic.label.FeatureSpec;
import org.echoic.label.FrameFeatures;
import org.echoic.label.FrameLabels;
import org.echoic.label.LabelNetwork;
import org.echoic.label.LabelledClip;
import org.echoic.segment.Annotation;

/**
 * Training material of the labellers from recordings with annotation tables beside them ({@link SegmentTables}):
 * each recording's frames with their classes (frames outside every segment are background), or each segment's
 * frames with its label. Tables are checked against their recording (a row past its end is an error naming the
 * file). Stateless; runs on the calling thread.
 */
public final class LabelData {
    /** Context added before and after a segment for classification, in ms. */
    public static final double SEGMENT_CONTEXT_MS = 10;

    /**
     * A recording and its table.
     *
     * @param recording the audio file
     * @param table     the annotation table beside it
     */
    public record Source(Path recording, Path table) {
    }

    private LabelData() {
    }

    /** The audio files under {@code inputs} that have a table beside them; the others are reported to {@code warn}. */
    public static List<Source> sources(List<Path> inputs, Consumer<String> warn) throws IOException {
        List<Source> out = new ArrayList<>();
        for (Path in : inputs) {
            for (Path rec : RecordingService.expand(in)) {
                SegmentTables.besides(rec).ifPresentOrElse(t -> out.add(new Source(rec, t)),
                        () -> warn.accept(rec + ": no annotation table beside it (" + SegmentTables.LOOKED_FOR
                                + "); skipped"));
            }
        }
        return out;
    }

    /** The rows of {@code s}'s table, checked against its recording's duration. */
    public static List<Annotation> annotations(Source s, Recording rec) throws IOException {
        List<Annotation> rows = AnnotationFormat.readAny(s.table());
        double duration = rec.durationSeconds();
        for (Annotation a : rows) {
            if (a.startSeconds() < 0 || a.endSeconds() > duration + 1e-3) {
                throw new IOException(s.table() + String.format(Locale.ROOT,
                        ": row %.3f–%.3f s lies outside the recording %s (%.3f s)", a.startSeconds(), a.endSeconds(),
                        s.recording().getFileName(), duration));
            }
        }
        return rows;
    }

    /** The class names of all tables (background first). */
    public static List<String> classes(List<Source> sources) throws IOException {
        List<List<Annotation>> tables = new ArrayList<>();
        for (Source s : sources) {
            tables.add(AnnotationFormat.readAny(s.table()));
        }
        return FrameLabels.classes(tables);
    }

    /**
     * The classes of {@code task}: for frames background first and every label of the tables; for segments the
     * labels only (at least two, else an error naming them).
     */
    public static List<String> classes(LabelNetwork.Task task, List<Source> sources) throws IOException {
        List<String> all = classes(sources);
        if (task == LabelNetwork.Task.FRAMES) {
            return all;
        }
        List<String> labels = all.subList(1, all.size());
        if (labels.size() < 2) {
            throw new IllegalArgumentException("the tables name " + labels.size() + " label(s) " + labels
                    + "; a classifier needs at least two");
        }
        return List.copyOf(labels);
    }

    /** The training material of {@code task}: each recording's frames, or each labelled segment. */
    public static List<LabelledClip> clips(LabelNetwork.Task task, List<Source> sources, FeatureSpec spec,
                                           List<String> classes) throws IOException, InterruptedException {
        List<LabelledClip> clips = new ArrayList<>();
        for (Source s : sources) {
            if (task == LabelNetwork.Task.FRAMES) {
                clips.add(frameClip(s, spec, classes));
            } else {
                clips.addAll(segmentClips(s, spec, classes));
            }
        }
        return clips;
    }

    /** The whole recording's frames (mean of channels) with each frame's class. */
    public static LabelledClip frameClip(Source s, FeatureSpec spec, List<String> classes)
            throws IOException, InterruptedException {
        try (Recording rec = AudioFiles.open(s.recording())) {
            List<Annotation> rows = annotations(s, rec);
            FrameFeatures f = FrameFeatures.compute(rec, Recording.MEAN_CHANNEL, 0, rec.frames(), spec);
            return new LabelledClip(s.recording().getFileName().toString(), f, FrameLabels.of(f, rows, classes));
        }
    }

    /** Each labelled row's frames (with {@link #SEGMENT_CONTEXT_MS} around it) and its class. */
    public static List<LabelledClip> segmentClips(Source s, FeatureSpec spec, List<String> classes)
            throws IOException, InterruptedException {
        List<LabelledClip> out = new ArrayList<>();
        try (Recording rec = AudioFiles.open(s.recording())) {
            List<Annotation> rows = annotations(s, rec);
            for (int i = 0; i < rows.size(); i++) {
                Annotation a = rows.get(i);
                int c = classes.indexOf(FrameLabels.className(a));
                if (c < 0) {
                    throw new IOException(s.table() + ": label '" + FrameLabels.className(a)
                            + "' is not one of the model's classes " + classes);
                }
                out.add(new LabelledClip(s.recording().getFileName() + " #" + (i + 1), segmentFeatures(rec, a, spec),
                        new int[] {c}));
            }
        }
        return out;
    }

    /** The frames of one segment with {@link #SEGMENT_CONTEXT_MS} of context, at least one window long. */
    public static FrameFeatures segmentFeatures(Recording rec, Annotation a, FeatureSpec spec)
            throws InterruptedException {
        double fs = rec.sampleRateHz();
        long context = Math.round(SEGMENT_CONTEXT_MS * fs / 1000);
        long start = Math.max(0, Math.round(a.startSeconds() * fs) - context);
        long end = Math.min(rec.frames(), Math.round(a.endSeconds() * fs) + context);
        long min = spec.nperseg(fs);
        if (end - start < min) {
            start = Math.max(0, Math.min(start, rec.frames() - min));
            end = Math.min(rec.frames(), start + min);
        }
        return FrameFeatures.compute(rec, Recording.MEAN_CHANNEL, start, end, spec);
    }
}
