package org.echoic.ui.generate;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;

import org.echoic.audio.Recording;
import org.echoic.corpus.Corpus;
import org.echoic.corpus.CorpusSegment;
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
 * which source it used; keeps the last sets found. JavaFX thread only; the work runs on the generation service's
 * pools.
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
    record Resolved(Corpus corpus, String description, int channel) {
    }

    private final Label info = new Label("Real segments (B): load a model first");
    private SegmentationService segmentations;
    private ProjectService projects;
    private ObservableValue<Corpus> training;
    /** The comparison set (gallery B, realism) and the shown recording's segments (primers). */
    private Corpus comparison;
    private Corpus shownCorpus;
    private int shownChannel;
    private Recording shownRecording;
    private String problem = "no recording shown";

    RealSegmentSource() {
        info.setId("realSource");
        info.setWrapText(true);
    }

    /**
     * Links the workbench's segmentations, the project and the Training tab's corpus (any may be null; the
     * corpus' value is null before one is built).
     */
    void link(SegmentationService segmentations, ProjectService projects, ObservableValue<Corpus> training) {
        this.segmentations = segmentations;
        this.projects = projects;
        this.training = training;
    }

    /** The label saying how many real segments there are and where they come from. */
    Label info() {
        return info;
    }

    /** The comparison set, or null. */
    Corpus comparison() {
        return comparison;
    }

    /** The shown recording's segments as model frames (for primers), or null. */
    Corpus shownCorpus() {
        return shownCorpus;
    }

    /** The channel {@link #shownCorpus()} was built from (−1: the mean). */
    int shownChannel() {
        return shownChannel;
    }

    /** Why there are no real segments, or null. */
    String problem() {
        return problem;
    }

    /** The open recording a real segment comes from (null when it is not the shown one). */
    Recording recordingOf(CorpusSegment s) {
        Recording r = shownRecording;
        return r != null && String.valueOf(r.path()).equals(s.recording()) ? r : null;
    }

    /**
     * Finds the shown recording's segments and the comparison set ({@code useTraining}: the training corpus when it
     * fits the model, else the shown recording's, saying why) and updates {@link #info()}. Completes on the JavaFX
     * thread with the comparison set.
     */
    CompletableFuture<Corpus> refresh(GenerationService service, OpenRecording shown, boolean useTraining) {
        GenerationPipeline.ModelInfo model = service.model();
        CompletableFuture<Corpus> done = new CompletableFuture<>();
        if (model == null) {
            info.setText("Real segments (B): load a model first");
            done.completeExceptionally(new IllegalStateException("load a model first"));
            return done;
        }
        info.setText("Real segments (B): finding them…");
        shown(shown, service).whenComplete((r, e) -> Platform.runLater(() -> {
            shownCorpus = r == null ? null : r.corpus();
            shownChannel = r == null ? -1 : r.channel();
            shownRecording = r == null ? null : shown.recording();
            Resolved use = r;
            String note = "";
            if (useTraining) {
                try {
                    use = training(model);
                } catch (IllegalStateException ex) {
                    note = " (" + ex.getMessage() + ": the shown recording is used)";
                }
            }
            if (use == null) {
                comparison = null;
                Throwable c = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                problem = c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
                info.setText("Real segments (B): none: " + problem + note);
                done.completeExceptionally(c);
                return;
            }
            comparison = use.corpus();
            problem = null;
            int n = comparison.dataset().size();
            info.setText(String.format(Locale.ROOT, "Real segments (B): %d from %s%s%s", n, use.description(),
                    n > GenerationPipeline.MAX_REAL_SEQUENCES ? "; realism on a seeded sample of "
                            + GenerationPipeline.MAX_REAL_SEQUENCES : "", note));
            done.complete(comparison);
        }));
        return done;
    }

    /** The shown recording's segments as model frames (completes on a worker thread). */
    private CompletableFuture<Resolved> shown(OpenRecording shown, GenerationService service) {
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
                        .thenApply(c -> new Resolved(c, how, snap.params().channel()));
            });
        }
        java.util.Optional<ProjectRecording> saved = projects == null ? java.util.Optional.empty()
                : projects.project().recording(shown.recording().path());
        if (saved.isPresent()) {
            ProjectRecording pr = saved.get();
            CorpusService.Source src = new CorpusService.Source(id, shown.recording(), pr.segmentation(), null,
                    SegmentationService.editsFromItems(pr.manualEdits()));
            return service.realCorpus(src)
                    .thenApply(c -> new Resolved(c, "the project's saved segmentation of " + shown.name(),
                            pr.segmentation().channel()));
        }
        return service.realCorpus(shown.recording(), id)
                .thenApply(c -> new Resolved(c, "the default segmentation of " + shown.name(),
                        org.echoic.segment.SegmentationParams.DEFAULTS.channel()));
    }

    /** The Training tab's corpus if there is one whose frames fit the model; else why not (as the exception). */
    private Resolved training(GenerationPipeline.ModelInfo info) {
        Corpus c = training == null ? null : training.getValue();
        if (c == null) {
            throw new IllegalStateException("the Training tab has built no corpus");
        }
        String why = GenerationPipeline.framesMismatch(c, info);
        if (why != null) {
            throw new IllegalStateException("the training corpus does not fit the model: " + why);
        }
        return new Resolved(c, "the training corpus " + c.dataset().origin(), -1);
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
