package org.echoic.ui.generate;

import org.echoic.ui.common.Buttons;
import org.echoic.ui.lanes.TimelineModel;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.util.Duration;

import org.echoic.corpus.Corpus;
import org.echoic.dsp.ColorMap;
import org.echoic.generate.GenerationParams;
import org.echoic.generate.GenerationProvenance;
import org.echoic.io.WavWriter;
import org.echoic.project.GeneratedEntry;
import org.echoic.service.GeneratedItem;
import org.echoic.service.GenerationExporter;
import org.echoic.service.GenerationJob;
import org.echoic.service.GenerationPipeline;
import org.echoic.service.GenerationRequest;
import org.echoic.service.GenerationService;
import org.echoic.service.OpenRecording;
import org.echoic.service.Playback;
import org.echoic.service.ProjectService;
import org.echoic.service.SegmentationService;

/**
 * The Generate view (a main tab beside the lanes): settings at the left, results in the centre. Load a checkpoint, set length, temperature, Gibbs steps, seed, mean-field or sampled
 * frames, batch size, Griffin-Lim iterations and priming (none, or the first frames of a segment of the shown
 * recording); generate in the background with progress and cancel; see the batch beside the recording's real
 * segments ({@link GenerationGallery}), play, loop and compare A/B; read the realism figures
 * ({@link RealismView}); export. JavaFX thread only; all work runs in {@link GenerationService}.
 */
public final class GeneratePanel extends BorderPane {

    private final GenerationService service;
    private final TimelineModel timeline;
    private final Label modelInfo = new Label("No model loaded");
    private final Button generate = Buttons.button("Generate", "generateButton", "Generate the batch in the background");
    private final Button cancel = Buttons.button("Cancel", "cancelGeneration", "Stop the running generation");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label status = new Label();
    private final ChoiceBox<String> wavFormat = new ChoiceBox<>(FXCollections.observableArrayList("16-bit WAV", "float WAV"));
    private final Button export = Buttons.button("Export…", "exportGenerated", "Write WAV, .npy, CSV, PNG, Raven table and JSON provenance of every sequence");
    private final GenerationGallery gallery = new GenerationGallery();
    private final RealismView realism = new RealismView();
    private final ScrollPane resultsPane = new ScrollPane();
    private final Timeline poll;
    private GenerationJob job;
    private final ModelPicker picker = new ModelPicker(this::loadModel);
    private final RealSegmentSource real = new RealSegmentSource();
    private final GenerationSettings settingsGrid = new GenerationSettings();
    private String loadedRun;
    private boolean cancelRequested;
    private java.util.function.Consumer<GeneratedEntry> onExported = e -> { };

    public GeneratePanel(GenerationService service, Playback playback, TimelineModel timeline) {
        this.service = service;
        this.timeline = timeline;
        setId("generatePanel");
        Button replay = Buttons.button("Replay sidecar…", "replaySidecar",
                "Make an exported sequence again from its .json provenance sidecar (loads its model)");
        replay.setOnAction(e -> chooseReplay());
        modelInfo.setId("modelInfo");
        modelInfo.setWrapText(true);
        picker.setMaxWidth(Double.MAX_VALUE);
        settingsGrid.setOnRealSetChanged(this::refreshRealSegments);
        generate.setOnAction(e -> startGeneration());
        cancel.setOnAction(e -> cancelGeneration());
        cancel.setDisable(true);
        progress.setMaxWidth(Double.MAX_VALUE);
        status.setId("generationStatus");
        status.setWrapText(true);
        GenerationPlayer playRow = new GenerationPlayer(playback, gallery, real::recordingOf,
                () -> service.model() == null ? "no model" : service.model().sound().unavailable(), status::setText);
        wavFormat.setValue("16-bit WAV");
        export.setOnAction(e -> chooseExport());
        ChoiceBox<ColorMap> colours = new ChoiceBox<>(FXCollections.observableArrayList(ColorMap.values()));
        colours.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(ColorMap m) {
                return m == null ? "" : m.name().toLowerCase(Locale.ROOT);
            }

            @Override
            public ColorMap fromString(String text) {
                return ColorMap.parse(text);
            }
        });
        colours.setValue(ColorMap.VIRIDIS);
        colours.valueProperty().addListener((o, a, b) -> gallery.setColors(b));
        VBox settings = new VBox(6, heading("Model and generation"), picker, modelInfo, settingsGrid,
                real.info(), new HBox(6, generate, cancel), progress,
                status, replay, heading("Export"), new HBox(6, wavFormat, export));
        settings.setPadding(new Insets(8));
        ScrollPane left = new ScrollPane(settings);
        left.setFitToWidth(true);
        left.setMinWidth(330);
        left.setPrefWidth(330);
        VBox results = new VBox(6, heading("Listen (A generated, B real)"), playRow, gallery,
                new HBox(6, new Label("Colours"), colours), heading("How real?"), realism);
        results.setPadding(new Insets(8));
        resultsPane.setContent(results);
        resultsPane.setFitToWidth(true);
        resultsPane.setId("generationResults");
        setLeft(left);
        setCenter(resultsPane);
        timeline.recordingProperty().addListener((o, was, now) -> {
            if (service.model() != null) {
                refreshRealSegments();
            }
        });
        poll = new Timeline(new KeyFrame(Duration.millis(200), e -> pollJob()));
        poll.setCycleCount(Timeline.INDEFINITE);
    }

    private static Label heading(String s) {
        Label l = new Label(s);
        l.setStyle("-fx-font-weight: bold;");
        return l;
    }

    /** The gallery (for tests and for adding views). */
    GenerationGallery gallery() {
        return gallery;
    }

    RealismView realism() {
        return realism;
    }

    /** The scrolling results area (listening controls, gallery, realism). */
    ScrollPane resultsPane() {
        return resultsPane;
    }

    /** Loads a checkpoint folder that is no project run (see {@link #loadModel(Path, String)}). */
    public CompletableFuture<GenerationPipeline.ModelInfo> loadModel(Path dir) {
        return loadModel(dir, null);
    }

    /**
     * Loads a checkpoint in the background, then finds the real segments; the future completes on the JavaFX
     * thread once the model is loaded.
     *
     * @param run the project's training run it belongs to (recorded with exports), or null
     */
    public CompletableFuture<GenerationPipeline.ModelInfo> loadModel(Path dir, String run) {
        OpenRecording shownRec = timeline.recordingProperty().get();
        double typed = settingsGrid.typedRate();
        status.setText("Loading " + dir.getFileName() + "…");
        CompletableFuture<GenerationPipeline.ModelInfo> loading;
        if (Double.isNaN(typed) && shownRec != null) {
            loading = service.load(dir, shownRec.recording().sampleRateHz())
                    .handle((i, e) -> e == null ? CompletableFuture.completedFuture(i) : service.load(dir, Double.NaN))
                    .thenCompose(f -> f);
        } else {
            loading = service.load(dir, typed);
        }
        CompletableFuture<GenerationPipeline.ModelInfo> shown = new CompletableFuture<>();
        loading.whenComplete((info, e) -> Platform.runLater(() -> {
            if (e != null) {
                status.setText("Cannot load the model: " + message(e));
                shown.completeExceptionally(e);
                return;
            }
            loadedRun = run;
            showModel(info);
            status.setText("Model loaded");
            refreshRealSegments();
            shown.complete(info);
        }));
        return shown;
    }

    private void startGeneration() {
        GenerationPipeline.ModelInfo info = service.model();
        if (info == null) {
            status.setText("Load a model first (Load model…)");
            return;
        }
        GenerationParams params;
        try {
            params = settingsGrid.params(info);
        } catch (IllegalArgumentException e) {
            status.setText("Check the settings: " + e.getMessage());
            return;
        }
        generate.setDisable(true);
        cancel.setDisable(false);
        cancelRequested = false;
        job = null;
        progress.setProgress(0);
        boolean primed = settingsGrid.primed();
        refreshRealSegments().handle((c, e) -> {
            if (cancelRequested) {
                finishedWith("Cancelled");
                return null;
            }
            GenerationRequest.Primer primer = null;
            if (primed) {
                try {
                    if (real.shownCorpus() == null) {
                        throw new IllegalArgumentException("no real segments of the shown recording: "
                                + real.problem());
                    }
                    primer = GenerationPipeline.primer(real.shownCorpus(), settingsGrid.primeSegment(),
                            settingsGrid.primeFrames(), real.shownChannel());
                } catch (IllegalArgumentException ex) {
                    finishedWith("Cannot prime: " + ex.getMessage());
                    return null;
                }
            }
            run(new GenerationRequest(params, settingsGrid.count(), primer, settingsGrid.iterations()), "",
                    new CompletableFuture<>());
            return null;
        });
    }

    private void showModel(GenerationPipeline.ModelInfo info) {
        modelInfo.setText(String.format(Locale.ROOT, "%s%s · %d values · epoch %d · %s", info.dir().getFileName(),
                loadedRun == null ? "" : " (run " + loadedRun + ")", info.nVisible(), info.epoch(),
                info.sound().hasAudio() ? String.format(Locale.ROOT, "%.0f Hz, hop %.1f ms",
                        info.sound().sampleRateHz(), 1000 * info.sound().hopSeconds())
                        : "no audio: " + info.sound().unavailable()));
    }

    /** Runs a batch; {@code note} is added to the status when it is done; {@code done} gets the items. */
    private void run(GenerationRequest req, String note, CompletableFuture<List<GeneratedItem>> done) {
        generate.setDisable(true);
        cancel.setDisable(false);
        job = service.generate(req);
        poll.play();
        job.result().whenComplete((items, err) -> Platform.runLater(() -> {
            generated(items, err, note);
            if (err != null) {
                done.completeExceptionally(err);
            } else {
                done.complete(items);
            }
        }));
    }

    /**
     * Finds the real segments (the shown recording's for primers, and the comparison set chosen) and shows where
     * they come from. Completes on the JavaFX thread with the comparison set.
     */
    public CompletableFuture<Corpus> refreshRealSegments() {
        return real.refresh(service, timeline.recordingProperty().get(), settingsGrid.compareWithTraining())
                .whenComplete((c, e) -> gallery.setReal(c));
    }

    private void chooseReplay() {
        javafx.stage.FileChooser c = new javafx.stage.FileChooser();
        c.setTitle("Replay an exported sequence from its provenance sidecar");
        c.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("Sidecar (*.json)", "*.json"));
        File f = c.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) {
            replay(f.toPath());
        }
    }

    /**
     * Loads a sidecar's model and generates its one sequence again (same frames, same sound) into the gallery.
     * Completes on the JavaFX thread with the batch of one.
     */
    public CompletableFuture<List<GeneratedItem>> replay(Path sidecar) {
        CompletableFuture<List<GeneratedItem>> done = new CompletableFuture<>();
        if (generate.isDisabled()) {
            status.setText("Wait for the running generation to finish (or Cancel it), then replay");
            done.completeExceptionally(new IllegalStateException("a generation is running"));
            return done;
        }
        generate.setDisable(true);
        cancelRequested = false;
        status.setText("Replaying " + sidecar.getFileName() + "…");
        service.replay(sidecar, settingsGrid.iterations()).whenComplete((r, e) -> Platform.runLater(() -> {
            if (e != null) {
                finishedWith("Cannot replay " + sidecar.getFileName() + ": " + message(e));
                done.completeExceptionally(e);
                return;
            }
            loadedRun = picker.runOf(r.model().dir());
            showModel(r.model());
            String note = "; replayed " + sidecar.getFileName() + (r.sameModel() ? " with the same model weights"
                    : ": the checkpoint's weights changed since it was exported");
            refreshRealSegments().handle((c, err) -> {
                run(r.request(), note, done);
                return null;
            });
        }));
        return done;
    }

    private void generated(List<GeneratedItem> items, Throwable e, String note) {
        poll.stop();
        if (e != null) {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            finishedWith(cause instanceof CancellationException ? "Cancelled" : "Generation failed: " + message(cause));
            return;
        }
        progress.setProgress(1);
        gallery.setGenerated(items);
        finishedWith("Generated " + items.size() + (items.size() == 1 ? " sequence" : " sequences")
                + (items.get(0).audio() == null ? " (frames only: " + service.model().sound().unavailable() + ")" : "")
                + note);
        Corpus c = real.comparison();
        if (c == null) {
            realism.showNote("No real segments to compare with: " + real.problem()
                    + ". Show a recording whose rate fits the model.");
            return;
        }
        realism.showNote("Computing realism figures…");
        service.realism(items, c).whenComplete((r, err) -> Platform.runLater(() -> {
            if (err != null) {
                realism.showNote("Realism figures failed: " + message(err));
            } else {
                realism.show(r, items.size(), GenerationPipeline.realSequences(c).size());
            }
        }));
    }

    private void finishedWith(String text) {
        status.setText(text);
        generate.setDisable(false);
        cancel.setDisable(true);
    }

    private void cancelGeneration() {
        cancelRequested = true;
        if (job != null) {
            job.cancel();
        }
    }

    private void pollJob() {
        GenerationJob j = job;
        if (j != null && !j.result().isDone()) {
            progress.setProgress(j.progress());
            status.setText(j.stage());
        }
    }

    private void chooseExport() {
        DirectoryChooser c = new DirectoryChooser();
        c.setTitle("Export the generated sequences into a folder");
        File f = c.showDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) {
            exportTo(f.toPath());
        }
    }

    /** Exports the batch into {@code dir} in the background; completes on the JavaFX thread. */
    public CompletableFuture<List<Path>> exportTo(Path dir) {
        List<GeneratedItem> items = gallery.items();
        if (items.isEmpty()) {
            status.setText("Nothing to export: generate a batch first");
            return CompletableFuture.completedFuture(List.of());
        }
        WavWriter.Format fmt = "float WAV".equals(wavFormat.getValue()) ? WavWriter.Format.FLOAT32 : WavWriter.Format.PCM16;
        status.setText("Exporting…");
        CompletableFuture<List<Path>> done = new CompletableFuture<>();
        service.export(dir, items, new GenerationExporter.Options(fmt, gallery.colors()))
                .whenComplete((files, e) -> Platform.runLater(() -> {
                    status.setText(e != null ? "Export failed: " + message(e)
                            : "Exported " + files.size() + " files to " + dir);
                    if (e != null) {
                        done.completeExceptionally(e);
                    } else {
                        onExported.accept(entryFor(dir, items, loadedRun));
                        done.complete(files);
                    }
                }));
        return done;
    }

    private static String message(Throwable e) {
        Throwable c = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        return c == null ? "" : c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    }

    /** A panel with its own {@link GenerationService} on the workbench's executors (closed by {@link #dispose}). */
    public static GeneratePanel create(org.echoic.service.RecordingService recordings, Playback playback,
                                TimelineModel timeline) {
        return new GeneratePanel(new GenerationService(recordings.executors(), GenerationService.runningVersion(),
                org.echoic.segment.SegmentationParams.DEFAULTS), playback, timeline);
    }

    /** Called on the JavaFX thread after each successful export (e.g. to record it in the project). */
    /** Primes the next generation with segment {@code index} of the shown recording (e.g. a cluster's exemplar). */
    public void primeWith(int index) {
        settingsGrid.primeWith(index);
    }

    public void setOnExported(java.util.function.Consumer<GeneratedEntry> action) {
        onExported = action;
    }

    /**
     * The project entry of a batch exported into {@code folder}: named after the folder and the batch seed; its run
     * is the project's training run, or the model folder's name when the model was no project run.
     */
    static GeneratedEntry entryFor(Path folder, List<GeneratedItem> items, String run) {
        GenerationProvenance p = items.get(0).provenance();
        Path model = Path.of(p.modelDir()).getFileName();
        return new GeneratedEntry(folder.getFileName() + "-s" + p.params().seed(),
                run != null ? run : model == null ? p.modelDir() : model.toString(), folder, p.params().seed());
    }

    /**
     * Links the panel to the rest of the workbench (any argument may be null): live segmentations and the project
     * for real segments, the project's training runs, and the Training tab's latest checkpoint and corpus.
     */
    public void link(SegmentationService segmentations, ProjectService projects,
                     javafx.beans.value.ObservableValue<Path> latestCheckpoint,
                     javafx.beans.value.ObservableValue<Corpus> trainingCorpus) {
        real.link(segmentations, projects, trainingCorpus);
        picker.link(projects == null ? List::of : () -> projects.project().trainingRunEntries(), latestCheckpoint);
    }

    ModelPicker picker() {
        return picker;
    }

    /** The panel's main tab, "Generate". */
    public static Tab tab(GeneratePanel panel) {
        Tab t = new Tab("Generate", panel);
        t.setId("generateTab");
        t.setClosable(false);
        return t;
    }

    /** Stops polling, cancels a running job and frees the loaded model. */
    public void dispose() {
        poll.stop();
        cancelGeneration();
        service.close();
    }
}
