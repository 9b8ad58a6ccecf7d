package org.echoic.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.DoubleConsumer;

import org.echoic.audio.Recording;
import org.echoic.io.AudioFiles;
import org.echoic.io.FileHashes;
import org.echoic.io.ProjectFiles;
import org.echoic.project.Project;
import org.echoic.project.ProjectRecording;
import org.echoic.project.RecordingProblem;
import org.echoic.segment.SegmentationFingerprint;
import org.echoic.segment.SegmentationModel;
import org.echoic.segment.SegmentationParams;

/**
 * "Reproduce" for segmentation: re-runs each recording's saved parameters and compares the segments with the
 * fingerprint the project recorded. Used by the workbench's Project ▸ Reproduce and by {@code echoic project check}.
 * Long work: call from a background thread; honours interruption. Stateless.
 */
public final class SegmentationReproduction {

    /** The outcome for one recording. */
    public enum Status { OK, MISSING, CHANGED, UNREADABLE }

    /**
     * One recording's check.
     *
     * @param recording  the project's entry
     * @param status     whether its file is the recorded one
     * @param message    the problem with the file, or null
     * @param recorded   the fingerprint in the project, or null when none was recorded
     * @param reproduced the fingerprint of a fresh segmentation, or null when the file could not be segmented
     */
    public record Check(ProjectRecording recording, Status status, String message, SegmentationFingerprint recorded,
                        SegmentationFingerprint reproduced) {
        /** True when the file is the recorded one and a recorded fingerprint was reproduced exactly. */
        public boolean reproducedExactly() {
            return status == Status.OK && recorded != null && recorded.equals(reproduced);
        }

        /** True when nothing is wrong: file ok and either no fingerprint recorded or it was reproduced. */
        public boolean ok() {
            return status == Status.OK && (recorded == null || recorded.equals(reproduced));
        }
    }

    private SegmentationReproduction() {
    }

    /** Segments the recording at {@code file} with {@code params} and fingerprints the segments. */
    public static SegmentationFingerprint fingerprint(Path file, SegmentationParams params, Executor executor,
                                                      DoubleConsumer progress) throws IOException, InterruptedException {
        try (Recording rec = AudioFiles.open(file); SegmentationModel model = new SegmentationModel(rec)) {
            if (params.channel() >= rec.channels()) {
                throw new IllegalArgumentException(file + ": channel " + (params.channel() + 1)
                        + " does not exist (the recording has " + rec.channels() + ")");
            }
            return SegmentationFingerprint.of(model.segments(params, executor, progress).segments());
        }
    }

    /** Checks every recording of {@code project}: file (size, SHA-256), then segmentation against the fingerprint. */
    public static List<Check> check(Project project, FileHashes hashes, Executor executor, DoubleConsumer progress)
            throws InterruptedException {
        List<RecordingProblem> problems = ProjectFiles.verify(project, hashes,
                progress == null ? null : f -> progress.accept(f / 2));
        List<Check> checks = new ArrayList<>();
        List<ProjectRecording> recs = project.recordings();
        for (int i = 0; i < recs.size(); i++) {
            ProjectRecording r = recs.get(i);
            int index = i;
            RecordingProblem problem = problems.stream().filter(p -> p.index() == index).findFirst().orElse(null);
            if (problem != null) {
                checks.add(new Check(r, Status.valueOf(problem.kind().name()), problem.message(), r.fingerprint(), null));
                continue;
            }
            DoubleConsumer part = progress == null ? null : f -> progress.accept(0.5 + (index + f) / recs.size() / 2);
            try {
                checks.add(new Check(r, Status.OK, null, r.fingerprint(),
                        fingerprint(r.path(), r.segmentation(), executor, part)));
            } catch (IOException | IllegalArgumentException e) {
                checks.add(new Check(r, Status.UNREADABLE, e.getMessage(), r.fingerprint(), null));
            }
        }
        return checks;
    }
}
