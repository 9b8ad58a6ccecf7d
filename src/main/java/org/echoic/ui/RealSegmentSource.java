package org.echoic.ui;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javafx.beans.value.ObservableValue;

import org.echoic.corpus.Corpus;
import org.echoic.project.ProjectRecording;
import org.echoic.segment.Segment;
import org.echoic.segment.SegmentEdits;
import org.echoic.service.CorpusService;
import org.echoic.service.GenerationPipeline;
import org.echoic.service.GenerationService;
import org.echoic.service.OpenRecording;
import org.echoic.service.ProjectService;
import org.echoic.service.SegmentationService;
import org.echoic.service.SegmentationSession;
import org.echoic.service.SegmentationSnapshot;

/**
 * Where the Generate tab's real segments come from: the shown recording's live segmentation (tuned parameters and
 * manual edits, from the {@link SegmentationService}) when linked, else the parameters and edits the project saved
 * for it, else the default parameters; or the Training tab's corpus when its frames fit the model. Each result says
 * which source it used. Call on the JavaFX thread; the work runs on the generation service's pools.
 */
final class RealSegmentSource {
    /** How long to wait for a live segmentation that is still computing. */
    private static final long SETTLE_LIMIT_MS = 60_000;

    /**
     * A set of real segments.
     *
     * @param corpus      their frames with the model's settings
     * @param description where they come from, in words
     */
    record Resolved(Corpus corpus, String description) {
    }

    private SegmentationService segmentations;
    private ProjectService projects;
    private ObservableValue<Corpus> training;

    /** Links the workbench's segmentations and the project (either may be null). */
    void link(SegmentationService segmentations, ProjectService projects) {
        this.segmentations = segmentations;
        this.projects = projects;
    }

    /** The Training tab's corpus (its value may be null before one is built). */
    void setTrainingCorpus(ObservableValue<Corpus> training) {
        this.training = training;
    }

    /** The shown recording's segments as model frames (completes on a worker thread). */
    CompletableFuture<Resolved> shown(OpenRecording shown, GenerationService service) {
        if (shown == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("no recording shown"));
        }
        String id = shown.recording().path().toString();
        if (segmentations != null) {
            SegmentationSession s = segmentations.session(shown);
            return settled(s, System.currentTimeMillis()).thenCompose(snap -> {
                List<Segment> segs = snap.segments().stream().map(SegmentEdits.Item::segment).toList();
                String how = String.format(Locale.ROOT, "the workbench's segmentation of %s (percentile %.1f, "
                        + "%d manual edits)", shown.name(), snap.params().thresholdPercentile(), s.edits().size());
                return service.realCorpus(shown.recording(), id, segs, snap.params().channel())
                        .thenApply(c -> new Resolved(c, how));
            });
        }
        java.util.Optional<ProjectRecording> saved = projects == null ? java.util.Optional.empty()
                : projects.project().recording(shown.recording().path());
        if (saved.isPresent()) {
            ProjectRecording pr = saved.get();
            CorpusService.Source src = new CorpusService.Source(id, shown.recording(), pr.segmentation(), null,
                    SegmentationService.editsFromItems(pr.manualEdits()));
            return service.realCorpus(src)
                    .thenApply(c -> new Resolved(c, "the project's saved segmentation of " + shown.name()));
        }
        return service.realCorpus(shown.recording(), id)
                .thenApply(c -> new Resolved(c, "the default segmentation of " + shown.name()));
    }

    /** The Training tab's corpus if there is one whose frames fit the model; else why not (as the exception). */
    Resolved training(GenerationPipeline.ModelInfo info) {
        Corpus c = training == null ? null : training.getValue();
        if (c == null) {
            throw new IllegalStateException("the Training tab has built no corpus");
        }
        String why = GenerationPipeline.framesMismatch(c, info);
        if (why != null) {
            throw new IllegalStateException("the training corpus does not fit the model: " + why);
        }
        return new Resolved(c, "the training corpus " + c.dataset().origin());
    }

    /** The session's snapshot once it shows the current parameters (or after {@link #SETTLE_LIMIT_MS}). */
    private static CompletableFuture<SegmentationSnapshot> settled(SegmentationSession s, long since) {
        SegmentationSnapshot snap = s.snapshot();
        boolean ready = !snap.computing() && snap.automatic() != null && snap.params().equals(s.params());
        if (ready || System.currentTimeMillis() - since > SETTLE_LIMIT_MS) {
            return CompletableFuture.completedFuture(snap);
        }
        return CompletableFuture.supplyAsync(() -> null, CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS))
                .thenCompose(x -> settled(s, since));
    }
}
