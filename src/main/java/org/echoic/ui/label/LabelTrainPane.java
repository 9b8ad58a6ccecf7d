package org.echoic.ui.label;

import org.echoic.ui.common.Buttons;
import org.echoic.ui.common.TimeFormat;
import org.echoic.ui.training.LossChart;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.echoic.label.FeatureSpec;
import org.echoic.label.LabelNetwork;
import org.echoic.label.TrainingParams;
import org.echoic.service.LabelData;
import org.echoic.service.LabelTrainingJob;
import org.echoic.service.LabellerJob;
import org.echoic.service.MetricsBuffer;
import org.echoic.service.TrainingService;
import org.echoic.service.TrainingStatus;

/**
 * Training a labeller in the workbench: task (frame labeller as {@code annotate}, segment classifier as
 * {@code classify}), network, features and training settings (the command line's defaults), the model folder, and
 * Train / Pause / Stop on the workbench's one {@link TrainingService} (the Training tab's chart follows the run too);
 * the run's loss and accuracy curves update live here from a copy of its metrics, polled by the view. JavaFX thread
 * only.
 */
final class LabelTrainPane extends VBox {
    /** Frames per window of each task, as on the command line. */
    static final int FRAMES_WINDOW = 256;
    static final int SEGMENTS_WINDOW = 96;

    private final TrainingService service;
    private final Supplier<List<LabelData.Source>> sources;
    private final MetricsBuffer curves = new MetricsBuffer(4096);
    final ChoiceBox<LabelNetwork.Task> task = new ChoiceBox<>(FXCollections.observableArrayList(
            LabelNetwork.Task.values()));
    final ChoiceBox<LabelNetwork> network = new ChoiceBox<>(FXCollections.observableArrayList(LabelNetwork.values()));
    final ChoiceBox<FeatureSpec.Kind> features = new ChoiceBox<>(FXCollections.observableArrayList(
            FeatureSpec.Kind.values()));
    final TextField hidden = field("hiddenUnits", "64");
    final TextField epochs = field("labelEpochs", "8");
    final TextField patience = field("labelPatience", "3");
    final TextField windowFrames = field("labelWindowFrames", "");
    final TextField batch = field("labelBatch", "8");
    final TextField validation = field("labelValidation", "0.2");
    final TextField learningRate = field("labelLearningRate", "2e-3");
    final TextField seed = field("labelSeed", "1");
    final TextField modelDir = new TextField();
    final Button train = Buttons.button("Train", "trainLabeller", "Train a labeller on the annotated open recordings");
    final Button pause = Buttons.button("Pause", "pauseLabeller", "Pause at the next batch (or resume)");
    final Button stop = Buttons.button("Stop", "stopLabeller", "Stop after this batch; the best weights so far are kept");
    private final Label state = new Label("Idle");
    private final Label details = new Label();
    private final Label notice = new Label();
    private final ProgressBar progress = new ProgressBar(0);
    private final LossChart chart = new LossChart();
    private final BiConsumer<LabelTrainingJob, Path> onFinished;
    private LabelTrainingJob running;

    /**
     * @param sources    the open recordings with tables (read when Train is pressed)
     * @param onFinished called on the JavaFX thread with the job and its model folder when a run of this pane ended
     */
    LabelTrainPane(TrainingService service, Supplier<List<LabelData.Source>> sources,
                   BiConsumer<LabelTrainingJob, Path> onFinished) {
        super(6);
        this.service = service;
        this.sources = sources;
        this.onFinished = onFinished;
        setId("labelTrainPane");
        task.setId("labelTask");
        task.setValue(LabelNetwork.Task.FRAMES);
        task.setConverter(LabelView.converter(t -> t == LabelNetwork.Task.FRAMES
                ? "Frame labeller (finds and names syllables)" : "Segment classifier (names given segments)"));
        network.setId("labelNetwork");
        network.setValue(LabelNetwork.BILSTM);
        network.setConverter(LabelView.converter(LabelNetwork::cliName));
        features.setId("labelFeatures");
        features.setValue(FeatureSpec.Kind.SPECTROGRAM);
        features.setConverter(LabelView.converter(k -> switch (k) {
            case SPECTROGRAM -> "log spectrogram 500 Hz–10 kHz";
            case MEL -> "64 log-mel bands";
            case MFCC -> "20 MFCCs";
        }));
        windowFrames.setPromptText("256 / 96");
        modelDir.setId("labelModelDir");
        modelDir.setPromptText("default: <first recording>-labellers/labeller-<time>");
        HBox.setHgrow(modelDir, Priority.ALWAYS);
        FlowPane g = new FlowPane(14, 6);
        g.getChildren().addAll(pair("Task", task), pair("Network", network), pair("Features", features),
                pair("Hidden units", hidden), pair("Epochs at most", epochs), pair("Patience", patience),
                pair("Window frames", windowFrames), pair("Batch", batch), pair("Validation", validation),
                pair("Learning rate", learningRate), pair("Seed", seed));
        state.setId("labelState");
        details.setId("labelDetails");
        details.setWrapText(true);
        state.setWrapText(true);
        notice.setId("labelNotice");
        notice.setWrapText(true);
        notice.setStyle("-fx-text-fill: #a4301c;");
        progress.setMaxWidth(Double.MAX_VALUE);
        chart.setId("labelChart");
        chart.setCurves(LabellerJob.CURVES);
        chart.setNormalised(true);
        chart.setWheelNeedsControl(true);
        CheckBox each = new CheckBox("each curve to its range");
        each.setSelected(true);
        each.selectedProperty().addListener((o, a, b) -> chart.setNormalised(b));
        FlowPane legend = new FlowPane(8, 2);
        legend.getChildren().add(each);
        for (String name : chart.seriesNames()) {
            CheckBox b = new CheckBox(name);
            b.setSelected(true);
            b.setTextFill(chart.color(name));
            b.selectedProperty().addListener((o, was, on) -> chart.setSeriesVisible(name, on));
            legend.getChildren().add(b);
        }
        train.setOnAction(e -> start());
        pause.setOnAction(e -> togglePause());
        stop.setOnAction(e -> service.stop());
        getChildren().addAll(g, new HBox(4, new Label("Model folder"), modelDir), new HBox(6, train, pause, stop),
                notice, state, progress, details, chart, legend);
    }

    private static HBox pair(String label, javafx.scene.Node control) {
        HBox b = new HBox(4, new Label(label), control);
        b.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return b;
    }

    private static TextField field(String id, String value) {
        TextField f = new TextField(value);
        f.setId(id);
        f.setPrefColumnCount(5);
        return f;
    }

    LossChart chart() {
        return chart;
    }

    String notice() {
        return notice.getText();
    }

    void setNotice(String text) {
        notice.setText(text);
    }

    /** The features and training settings as entered (errors name the field). */
    TrainingParams params() {
        int window = windowFrames.getText().isBlank()
                ? task.getValue() == LabelNetwork.Task.FRAMES ? FRAMES_WINDOW : SEGMENTS_WINDOW
                : whole(windowFrames, "window frames");
        return new TrainingParams(network.getValue(), new LabelNetwork.Settings(whole(hidden, "hidden units"),
                number(learningRate, "learning rate"), whole(seed, "seed")), window, whole(batch, "batch"),
                whole(epochs, "epochs"), whole(patience, "patience"), number(validation, "validation"),
                TrainingParams.ClassWeighting.SQRT);
    }

    private static int whole(TextField f, String what) {
        try {
            return Integer.parseInt(f.getText().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a whole number: '" + f.getText() + "'");
        }
    }

    private static double number(TextField f, String what) {
        try {
            return Double.parseDouble(f.getText().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a number: '" + f.getText() + "'");
        }
    }

    private void start() {
        try {
            List<LabelData.Source> src = sources.get();
            if (src.isEmpty()) {
                throw new IllegalArgumentException("no open recording has an annotation table beside it (or in the "
                        + "project)");
            }
            Path dir = modelDir.getText().isBlank() ? defaultModelDir(src.get(0).recording())
                    : Path.of(modelDir.getText().trim());
            modelDir.setText(dir.toString());
            LabelTrainingJob job = new LabelTrainingJob(new LabelTrainingJob.Request(task.getValue(), src,
                    FeatureSpec.DEFAULT.withKind(features.getValue()), params(), dir), service.appVersion(), curves);
            chart.setCurves(LabellerJob.CURVES);
            notice.setText("");
            running = job;
            service.start(job).whenComplete((s, err) -> Platform.runLater(() -> finished(job, dir)));
        } catch (IllegalArgumentException | IllegalStateException e) {
            notice.setText("Cannot train: " + e.getMessage());
        }
    }

    private void finished(LabelTrainingJob job, Path dir) {
        poll();
        if (running == job) {
            running = null;
        }
        if (job.result() != null) {
            onFinished.accept(job, dir);
        } else {
            notice.setText(service.status().message());
        }
    }

    /** {@code <dir>/<name>-labellers/labeller-<yyyyMMdd-HHmmss>} beside {@code recording}. */
    static Path defaultModelDir(Path recording) {
        Path r = recording.toAbsolutePath();
        String base = r.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        return r.resolveSibling(base + "-labellers").resolve("labeller-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    }

    private void togglePause() {
        if (service.status().state() == TrainingService.State.PAUSED) {
            service.resume();
        } else {
            service.pause();
        }
    }

    /** Drains this pane's curves and shows the service's status (the view's poll timer calls it). */
    void poll() {
        chart.addDrained(curves.drain());
        TrainingStatus s = service.status();
        boolean active = s.state().isActive();
        boolean mine = running != null;
        LabelView.setText(state, !mine && active ? "Another training run is active (Training tab)"
                : s.state() == TrainingService.State.IDLE ? "Idle" : s.state() + " — " + s.message());
        if (mine) {
            progress.setProgress(s.progress());
            if (s.totalEpochs() > 0) {
                LabelView.setText(details, String.format(Locale.ROOT, "epoch %d/%d · batch %d/%d · %.0f frames/s · "
                                + "elapsed %s · remaining %s · %s", s.epoch() + 1, s.totalEpochs(), s.batch(),
                        s.batchesPerEpoch(), s.framesPerSecond(), TimeFormat.hms(s.elapsedSeconds()),
                        Double.isFinite(s.remainingSeconds()) ? TimeFormat.hms(s.remainingSeconds()) : "–",
                        s.threads()));
            }
        }
        train.setDisable(active);
        pause.setDisable(!mine || !active || s.state() == TrainingService.State.STOPPING);
        pause.setText(s.state() == TrainingService.State.PAUSED ? "Resume" : "Pause");
        stop.setDisable(!mine || !active);
    }
}
