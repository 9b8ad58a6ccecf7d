package org.echoic.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.echoic.project.Project;
import org.echoic.project.TrainingRunEntry;

/**
 * The workbench's "Reproduce": re-runs each recording's segmentation (compute pool) and each training run's
 * corpus — and, when asked, its training — (model thread) and reports what matched the project's recorded
 * fingerprints. Cancel with {@link Job#cancel()}. Thread-safe.
 */
public final class ProjectReproduction {

    /** All checks of one project. */
    public record Report(List<SegmentationReproduction.Check> recordings, List<RunReproduction.Check> runs,
                         boolean retrained) {
        /** True when every file is the recorded one and every recorded fingerprint was reproduced. */
        public boolean ok() {
            return recordings.stream().allMatch(SegmentationReproduction.Check::ok)
                    && runs.stream().allMatch(c -> c.dataReproduced() && (!retrained || c.weightsReproduced()));
        }

        /** One line per check, for a dialog or a log. */
        public List<String> lines() {
            List<String> out = new ArrayList<>();
            for (SegmentationReproduction.Check c : recordings) {
                String seg = c.recorded() == null ? "no fingerprint recorded"
                        : c.reproducedExactly() ? "segments reproduced (" + c.recorded().segmentCount() + ")"
                        : "segments DIFFER (recorded " + c.recorded().segmentCount() + ", now "
                        + (c.reproduced() == null ? "none" : c.reproduced().segmentCount()) + ")";
                out.add((c.ok() ? "✔ " : "✘ ") + c.recording().path().getFileName() + ": "
                        + c.status().name().toLowerCase(java.util.Locale.ROOT) + ", " + seg
                        + (c.message() == null ? "" : " — " + c.message()));
            }
            for (RunReproduction.Check c : runs) {
                boolean good = c.dataReproduced() && (!retrained || c.weightsReproduced());
                out.add((good ? "✔ " : "✘ ") + "run '" + c.run().name() + "': data "
                        + (c.dataReproduced() ? "reproduced" : "DIFFER")
                        + (retrained ? ", weights " + (c.weightsReproduced() ? "bit-identical" : "DIFFER") : "")
                        + (c.message() == null || c.message().equals("weights not re-trained") ? ""
                        : " — " + c.message()));
            }
            return out;
        }
    }

    /** A running reproduction. */
    public record Job(CompletableFuture<Report> result, AtomicBoolean cancelled) {
        public void cancel() {
            cancelled.set(true);
            result.cancel(true);
        }
    }

    private ProjectReproduction() {
    }

    /** Starts checking {@code project}; with {@code retrain} every run is trained again from scratch. */
    public static Job start(Project project, boolean retrain, AppExecutors executors, String appVersion) {
        AtomicBoolean cancelled = new AtomicBoolean();
        CompletableFuture<List<SegmentationReproduction.Check>> segs = CompletableFuture.supplyAsync(() -> {
            try {
                return SegmentationReproduction.check(project, new org.echoic.io.FileHashes(), null, null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException(e);
            }
        }, executors.compute());
        CompletableFuture<Report> report = segs.thenCompose(recs -> executors.model().submit(() -> {
            List<RunReproduction.Check> runs = new ArrayList<>();
            Path scratch = Files.createTempDirectory("echoic-reproduce");
            try {
                for (TrainingRunEntry r : project.trainingRunEntries()) {
                    if (cancelled.get()) {
                        throw new InterruptedException("reproduction cancelled");
                    }
                    runs.add(RunReproduction.check(project, r, scratch, retrain, appVersion, cancelled::get));
                }
            } finally {
                try {
                    Files.deleteIfExists(scratch);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return new Report(recs, runs, retrain);
        }));
        return new Job(report, cancelled);
    }
}
