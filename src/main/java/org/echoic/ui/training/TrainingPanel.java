package org.echoic.ui.training;

import org.echoic.ui.common.Buttons;
import org.echoic.ui.common.PulseMonitor;
import org.echoic.ui.common.TimeFormat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.function.Supplier;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.util.Duration;
import javafx.util.StringConverter;

import org.echoic.corpus.Corpus;
import org.echoic.io.CheckpointHistory;
import org.echoic.io.TrainingCurveFiles;
import org.echoic.service.MetricsBuffer;
import org.echoic.service.RnnRbmJob;
import org.echoic.service.SpectrogramExporter;
import org.echoic.service.TrainingService;
import org.echoic.service.TrainingCurves;
import org.echoic.service.TrainingStatus;

/**
 * Start, pause/resume, stop and resume-from-checkpoint of the training run, its status (epoch, stage, rate,
 * batch, frames/s, times, skipped steps, backend, longest JavaFX stall) and the live {@link LossChart} with
 * series toggles, log scale, CSV/PNG export and overlays of earlier runs. A 4 Hz timeline drains the service's
 * metrics buffer; the training thread never calls into the UI. JavaFX thread only.
 */
final class TrainingPanel extends VBox {
    static final double POLL_SECONDS = 0.25;

    private final TrainingService service;
    private final CorpusPanel corpus;
    private final ModelSchedulePanel model;
    private final ExecutorService io;
    private final Supplier<Path> defaultRunDir;
    final TextField runDir = new TextField();
    final TextField keepEpochs = new TextField();
    final Button start = Buttons.button("Start", "startTraining", "Train a new model on the corpus");
    final Button pause = Buttons.button("Pause", "pauseTraining", "Pause at the next batch (or resume)");
    final Button stop = Buttons.button("Stop", "stopTraining", "Stop after this batch and write a checkpoint");
    private final Button resumeFrom = Buttons.button("Resume from…", "resumeFromCheckpoint",
            "Continue a run from its checkpoint folder on the current corpus");
    private final Label state = new Label("Idle");
    private final Label details = new Label();
    private final Label stall = new Label();
    private final Label notice = new Label();
    private final ProgressBar progress = new ProgressBar(0);
    private final LossChart chart = new LossChart();
    private final FlowPane toggles = new FlowPane(6, 2);
    private final PulseMonitor pulse = new PulseMonitor();
    private final ReadOnlyObjectWrapper<Path> latestCheckpoint = new ReadOnlyObjectWrapper<>();
    private final javafx.beans.property.ReadOnlyIntegerWrapper checkpointsWritten =
            new javafx.beans.property.ReadOnlyIntegerWrapper();
    private final Timeline poll;

    TrainingPanel(TrainingService service, CorpusPanel corpus, ModelSchedulePanel model, ExecutorService io,
                  Supplier<Path> defaultRunDir) {
        super(6);
        this.service = service;
        this.corpus = corpus;
        this.model = model;
        this.io = io;
        this.defaultRunDir = defaultRunDir;
        setId("trainingPanel");
        runDir.setId("runDir");
        runDir.setPromptText("default: <recording>-runs/run-<time>");
        HBox.setHgrow(runDir, Priority.ALWAYS);
        Button chooseDir = Buttons.button("…", "chooseRunDir", "Choose the run folder (checkpoints)");
        chooseDir.setOnAction(e -> chooseRunDir());
        start.setOnAction(e -> startRun());
        pause.setOnAction(e -> togglePause());
        stop.setOnAction(e -> service.stop());
        resumeFrom.setOnAction(e -> chooseAndResume());
        state.setId("trainingState");
        details.setId("trainingDetails");
        details.setWrapText(true);
        stall.setId("fxStall");
        notice.setId("trainingNotice");
        notice.setWrapText(true);
        notice.setStyle("-fx-text-fill: #a4301c;");
        notice.managedProperty().bind(notice.textProperty().isNotEmpty());
        notice.visibleProperty().bind(notice.textProperty().isNotEmpty());
        progress.setMaxWidth(Double.MAX_VALUE);
        CheckBox log = new CheckBox("log |y|");
        log.setId("logScale");
        log.selectedProperty().addListener((o, a, b) -> chart.setLogScale(b));
        CheckBox each = new CheckBox("each to its range");
        each.setId("normaliseCurves");
        each.setSelected(true);
        chart.setNormalised(true);
        each.selectedProperty().addListener((o, a, b) -> chart.setNormalised(b));
        Button csv = Buttons.button("CSV…", "exportCurvesCsv", "Export the shown curves as CSV");
        Button png = Buttons.button("PNG…", "exportCurvesPng", "Export the chart as a PNG image");
        Button overlay = Buttons.button("Overlay run…", "overlayRun", "Show an earlier run's curves (its model.json)");
        Button reset = Buttons.button("Fit", "fitCurves", "Show all epochs (or double-click the chart)");
        csv.setOnAction(e -> exportCsv());
        png.setOnAction(e -> exportPng());
        overlay.setOnAction(e -> chooseOverlay());
        reset.setOnAction(e -> chart.resetZoom());
        chart.setCurves(RnnRbmJob.CURVES);
        rebuildToggles();
        keepEpochs.setId("keepEpochs");
        keepEpochs.setPromptText("all");
        keepEpochs.setPrefColumnCount(3);
        keepEpochs.setTooltip(new javafx.scene.control.Tooltip("Epoch snapshots kept in <run folder>.epochs: "
                + "empty or 'all' = every epoch, 0 = none, N = the newest N"));
        getChildren().addAll(new HBox(4, new Label("Run folder"), runDir, chooseDir, new Label("keep epochs"),
                keepEpochs),
                new HBox(6, start, pause, stop, resumeFrom), notice, state, progress, details, stall, chart,
                new HBox(6, log, each, reset, overlay, csv, png), toggles);
        poll = new Timeline(new KeyFrame(Duration.seconds(POLL_SECONDS), e -> pollOnce()));
        poll.setCycleCount(Timeline.INDEFINITE);
        poll.play();
        pulse.start();
        pollOnce();
    }

    static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(6);
        g.setVgap(4);
        return g;
    }

    static <T> StringConverter<T> converter(Function<T, String> text) {
        return org.echoic.ui.common.Converters.showing(text);
    }

    /** The folder of the latest checkpoint (for model inspection views); null before the first. */
    /** Checkpoints written by the service so far (changes with each new checkpoint, even in the same folder). */
    javafx.beans.property.ReadOnlyIntegerProperty checkpointsWrittenProperty() {
        return checkpointsWritten.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Path> latestCheckpointProperty() {
        return latestCheckpoint.getReadOnlyProperty();
    }

    LossChart chart() {
        return chart;
    }

    /** The longest JavaFX pulse gap measured during the last or current run, in ms. */
    double longestStallMs() {
        return pulse.longestStallMs();
    }

    /** Starts measuring the longest stall afresh (e.g. after a deliberate pause of the JavaFX thread). */
    void restartStallMeasurement() {
        if (pulse.isArmed()) {
            pulse.arm();
        }
    }

    private java.util.function.Consumer<Path> onRunStarted;

    private java.util.function.Consumer<Path> onRunResumed;

    /** Called on the FX thread with the checkpoint folder each time a run resumes from one. */
    void setOnRunResumed(java.util.function.Consumer<Path> action) {
        onRunResumed = action;
    }

    /** Called on the FX thread with the run folder each time a new run starts. */
    void setOnRunStarted(java.util.function.Consumer<Path> action) {
        onRunStarted = action;
    }

    private void startRun() {
        Corpus c = corpus.corpusProperty().get();
        if (c == null) {
            notice.setText("Build a corpus first");
            return;
        }
        try {
            Path dir = runDir.getText().isBlank() ? defaultRunDir.get() : Path.of(runDir.getText().trim());
            runDir.setText(dir.toString());
            int kept = CheckpointHistory.parseKeep(keepEpochs.getText());
            TrainingService.Request r = new TrainingService.Request(c, model.model(c.dataset().nVisible()),
                    model.training(), corpus.validationFraction(), dir, kept);
            chart.clearRun();
            notice.setText("");
            service.start(r);
            if (onRunStarted != null) {
                onRunStarted.accept(dir);
            }
            pulse.arm();
        } catch (IllegalArgumentException | IllegalStateException e) {
            notice.setText("Cannot start: " + e.getMessage());
        }
    }

    private void togglePause() {
        if (service.status().state() == TrainingService.State.PAUSED) {
            service.resume();
        } else {
            service.pause();
        }
    }

    private void chooseRunDir() {
        DirectoryChooser d = new DirectoryChooser();
        d.setTitle("Run folder");
        File f = d.showDialog(getScene().getWindow());
        if (f != null) {
            runDir.setText(f.toPath().resolve("run-" + LocalDateTime.now().format(
                    java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))).toString());
        }
    }

    private void chooseAndResume() {
        DirectoryChooser d = new DirectoryChooser();
        d.setTitle("Checkpoint folder to resume");
        File f = d.showDialog(getScene().getWindow());
        if (f != null) {
            resumeFrom(f.toPath());
        }
    }

    /** Continues the run in {@code checkpoint} on the current corpus. */
    void resumeFrom(Path checkpoint) {
        Corpus c = corpus.corpusProperty().get();
        if (c == null) {
            notice.setText("Build the run's corpus first, then resume");
            return;
        }
        try {
            List<org.echoic.train.EpochMetrics> history = TrainingCurveFiles.readHistory(checkpoint);
            chart.clearRun();
            chart.addEpochs(RnnRbmJob.epochPoints(history));
            runDir.setText(checkpoint.toString());
            service.resumeFrom(checkpoint, c, corpus.validationFraction());
            if (onRunResumed != null) {
                onRunResumed.accept(checkpoint);
            }
            pulse.arm();
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            notice.setText("Cannot resume: " + e.getMessage());
        }
    }

    private void chooseOverlay() {
        DirectoryChooser d = new DirectoryChooser();
        d.setTitle("Earlier run folder");
        File f = d.showDialog(getScene().getWindow());
        if (f != null) {
            overlay(f.toPath());
        }
    }

    /** Overlays the epoch curves of the run in {@code dir}. */
    void overlay(Path dir) {
        try {
            chart.addOverlay(dir.getFileName().toString(), RnnRbmJob.epochPoints(TrainingCurveFiles.readHistory(dir)));
            rebuildToggles();
        } catch (IOException e) {
            notice.setText("Cannot overlay: " + e.getMessage());
        }
    }

    private void rebuildToggles() {
        toggles.getChildren().clear();
        for (String name : chart.seriesNames()) {
            CheckBox b = new CheckBox(name);
            b.setSelected(true);
            b.setTextFill(chart.color(name));
            b.selectedProperty().addListener((o, a, v) -> chart.setSeriesVisible(name, v));
            toggles.getChildren().add(b);
        }
    }

    private void exportCsv() {
        File f = saveChooser("Export curves as CSV", "curves.csv", "*.csv");
        if (f != null) {
            exportCsv(f.toPath());
        }
    }

    /** Writes the shown curves to {@code out} on the I/O thread; the future completes when written (or failed). */
    CompletableFuture<Void> exportCsv(Path out) {
        List<TrainingCurveFiles.Curve> curves = chart.curves();
        return CompletableFuture.runAsync(() -> report(() -> TrainingCurveFiles.writeCsv(out, curves),
                "Curves written to " + out), io);
    }

    private void exportPng() {
        File f = saveChooser("Export chart as PNG", "curves.png", "*.png");
        if (f != null) {
            exportPng(f.toPath());
        }
    }

    /** Writes the chart as it is shown to {@code out} on the I/O thread. */
    CompletableFuture<Void> exportPng(Path out) {
        WritableImage img = chart.snapshot(null, null);
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        int[] argb = new int[w * h];
        img.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), argb, 0, w);
        return CompletableFuture.runAsync(() -> report(() -> SpectrogramExporter.writePng(out, argb, w, h),
                "Chart written to " + out), io);
    }

    @FunctionalInterface
    private interface Write {
        void run() throws IOException;
    }

    private void report(Write w, String done) {
        String msg;
        try {
            w.run();
            msg = done;
        } catch (IOException | RuntimeException e) {
            msg = "Export failed: " + e.getMessage();
        }
        String m = msg;
        Platform.runLater(() -> notice.setText(m));
    }

    private File saveChooser(String title, String name, String pattern) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.setInitialFileName(name);
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter(pattern, pattern));
        return c.showSaveDialog(getScene().getWindow());
    }

    private void pollOnce() {
        corpus.poll();
        MetricsBuffer.Drained d = service.metrics().drain();
        if (!d.curves().equals(chart.runCurves()) && !d.curves().equals(TrainingCurves.NONE)) {
            chart.setCurves(d.curves());
            rebuildToggles();
        }
        chart.addDrained(d);
        TrainingStatus s = service.status();
        boolean active = s.state().isActive();
        if (active && !pulse.isArmed()) {
            pulse.arm();
        } else if (!active && pulse.isArmed()) {
            pulse.disarm();
        }
        setText(state, s.state() == TrainingService.State.IDLE ? "Idle" : s.state() + " — " + s.message());
        progress.setProgress(s.progress());
        if (s.totalEpochs() > 0) {
            setText(details, String.format(Locale.ROOT, "epoch %d/%d · stage %d · lr %.2g · batch %d/%d · %.0f frames/s"
                            + " · elapsed %s · remaining %s · skipped %d%n%s · %s", s.epoch() + 1, s.totalEpochs(),
                    s.stage() + 1, s.learningRate(), s.batch(), s.batchesPerEpoch(), s.framesPerSecond(),
                    TimeFormat.hms(s.elapsedSeconds()), Double.isFinite(s.remainingSeconds())
                            ? TimeFormat.hms(s.remainingSeconds()) : "–", s.skippedSteps(), s.backend(), s.threads()));
        }
        setText(stall, String.format(Locale.ROOT, "Longest JavaFX stall while training: %.0f ms", pulse.longestStallMs()));
        start.setDisable(active || corpus.isBuilding());
        resumeFrom.setDisable(active);
        pause.setDisable(!active || s.state() == TrainingService.State.STOPPING);
        pause.setText(s.state() == TrainingService.State.PAUSED ? "Resume" : "Pause");
        stop.setDisable(!active);
        Path latest = service.latestCheckpoint().orElse(null);
        if (latest != null && !latest.equals(latestCheckpoint.get())) {
            latestCheckpoint.set(latest);
        }
        checkpointsWritten.set(service.checkpointsWritten());
    }

    /** Sets a label's text only when it changed, so that an unchanged status causes no layout pass. */
    private static void setText(Label l, String text) {
        if (!text.equals(l.getText())) {
            l.setText(text);
        }
    }

    /** Stops the timers (the window closed). */
    void dispose() {
        poll.stop();
        pulse.stop();
    }
}
