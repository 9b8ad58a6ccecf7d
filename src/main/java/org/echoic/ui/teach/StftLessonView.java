package org.echoic.ui.teach;

import org.echoic.ui.charts.Charts;
import org.echoic.ui.charts.ImagePlot;
import org.echoic.ui.charts.NiceAxis;
import org.echoic.ui.common.Buttons;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.echoic.dsp.ColorMap;
import org.echoic.label.StftLesson;
import org.echoic.service.ModelThread;

/**
 * Seed 004 as a teaching view: one linear layer without bias learns to map raw frames of n samples to their
 * Hann-windowed DFT (real parts of bins 0..n/2, then imaginary parts) from white-noise frames, and its weights are
 * drawn next to the true basis as they turn into windowed cosines and sines; one basis function (learned against
 * true) and the relative error ‖W − B‖ / ‖B‖ over the steps are drawn below. Training runs on the model thread in
 * chunks (between training batches when a run is active); Stop ends after the current chunk. JavaFX thread only.
 */
public final class StftLessonView extends ScrollPane {
    private static final int BATCH = 32;
    private static final int CHUNKS = 30;

    /** What a chunk of training leaves to show. */
    private record Snapshot(int steps, double mse, double relativeError, float[][] weights, float[][] basis) {
    }

    private final ModelThread modelThread;
    final ChoiceBox<Integer> samples = new ChoiceBox<>(FXCollections.observableArrayList(16, 32, 64, 128));
    final TextField steps = new TextField("3000");
    final TextField learningRate = new TextField("1e-2");
    final TextField seed = new TextField("1");
    final Button start = Buttons.button("Train", "stftLessonStart", "Train the layer from a fresh random start");
    final Button stop = Buttons.button("Stop", "stftLessonStop", "Stop after the current chunk of steps");
    private final Spinner<Integer> bin = new Spinner<>(0, 512, 3);
    private final Label status = new Label("A bias-free linear layer y = x·W, trained on white-noise frames to give "
            + "their windowed DFT. Press Train.");
    final ImagePlot learned = new ImagePlot("Output (real parts of bins 0…n/2, then imaginary)", "Sample t");
    private final ImagePlot truth = new ImagePlot("Output (real parts of bins 0…n/2, then imaginary)", "Sample t");
    private final NiceAxis tAxis = new NiceAxis("Sample t");
    private final NiceAxis wAxis = new NiceAxis("Weight");
    private final LineChart<Number, Number> function = Charts.lineChart(tAxis, wAxis);
    private final NiceAxis stepAxis = new NiceAxis("Step (batches of 32 frames)");
    private final NiceAxis errorAxis = new NiceAxis("‖W − B‖ / ‖B‖");
    private final LineChart<Number, Number> error = Charts.lineChart(stepAxis, errorAxis);
    private final XYChart.Series<Number, Number> errorSeries = new XYChart.Series<>();
    private volatile boolean stopRequested;
    private int run;
    private Snapshot last;

    public StftLessonView(ModelThread modelThread) {
        this.modelThread = modelThread;
        setId("stftLessonView");
        samples.setId("stftLessonSamples");
        samples.setValue(64);
        steps.setId("stftLessonSteps");
        steps.setPrefColumnCount(6);
        learningRate.setPrefColumnCount(6);
        seed.setPrefColumnCount(4);
        bin.setId("stftLessonBin");
        bin.setEditable(true);
        bin.setPrefWidth(80);
        bin.valueProperty().addListener((o, a, b) -> drawFunction());
        status.setId("stftLessonStatus");
        status.setWrapText(true);
        learned.setId("stftLearned");
        learned.setTitle("Learned weights W");
        learned.setExtent(0, 66, 0, 64);
        truth.setExtent(0, 66, 0, 64);
        truth.setId("stftTrue");
        truth.setTitle("True basis B: Hann · cos and −Hann · sin");
        truth.setColorBarTitle("Weight (scaled to the true basis' largest)");
        for (ImagePlot p : new ImagePlot[] {learned, truth}) {
            p.setPrefSize(460, 380);
            HBox.setHgrow(p, Priority.ALWAYS);
        }
        function.setId("stftFunction");
        function.setPrefHeight(260);
        error.setId("stftError");
        error.setPrefHeight(220);
        error.setLegendVisible(false);
        errorAxis.setLog10(true);
        errorAxis.setFixedRange(-3, 0);
        stepAxis.setFixedRange(0, 3000);
        tAxis.setFixedRange(0, 64);
        wAxis.setFixedRange(-1, 1);
        errorSeries.setName("relative error");
        error.getData().add(errorSeries);
        start.setOnAction(e -> start());
        stop.setOnAction(e -> stopRequested = true);
        stop.setDisable(true);
        HBox controls = new HBox(6, new Label("Frame length n"), samples, new Label("Steps"), steps,
                new Label("Adam rate"), learningRate, new Label("Seed"), seed, start, stop);
        HBox plots = new HBox(12, learned, truth);
        HBox charts = new HBox(12, new VBox(4, new HBox(6, new Label("Basis function of bin"), bin), function), error);
        HBox.setHgrow(charts.getChildren().get(0), Priority.ALWAYS);
        HBox.setHgrow(error, Priority.ALWAYS);
        VBox content = new VBox(8, controls, status, plots, charts);
        setContent(Charts.styled(content));
        setFitToWidth(true);
    }

    /** Starts a fresh lesson; the future completes on the JavaFX thread when it ends (or fails). */
    CompletableFuture<Void> start() {
        int n = samples.getValue();
        int total;
        double rate;
        long s;
        try {
            total = Integer.parseInt(steps.getText().trim());
            rate = Double.parseDouble(learningRate.getText().trim());
            s = Long.parseLong(seed.getText().trim());
            if (total < 1 || !(rate > 0)) {
                throw new NumberFormatException("steps ≥ 1 and rate > 0");
            }
        } catch (NumberFormatException e) {
            status.setText("Steps, rate and seed must be numbers (steps ≥ 1, rate > 0): " + e.getMessage());
            return CompletableFuture.completedFuture(null);
        }
        int id = ++run;
        stopRequested = false;
        start.setDisable(true);
        stop.setDisable(false);
        errorSeries.getData().clear();
        stepAxis.setFixedRange(0, total);
        tAxis.setFixedRange(0, n);
        errorAxis.setAutoRanging(true);
        wAxis.setAutoRanging(true);
        bin.getValueFactory().setValue(Math.min(bin.getValue(), n / 2));
        status.setText("Training…");
        CompletableFuture<Void> done = new CompletableFuture<>();
        modelThread.submit(() -> {
            StftLesson lesson = new StftLesson(n, s);
            return new Object[] {lesson, snapshot(lesson, Double.NaN)};
        }).whenComplete((pair, err) -> Platform.runLater(() -> {
            if (err != null) {
                end(done, "Failed: " + err.getMessage());
                return;
            }
            show((Snapshot) pair[1], total);
            chunk((StftLesson) pair[0], id, total, rate, done);
        }));
        return done;
    }

    private void chunk(StftLesson lesson, int id, int total, double rate, CompletableFuture<Void> done) {
        if (id != run) {
            done.complete(null);
            return;
        }
        if (stopRequested || last.steps() >= total) {
            end(done, summary(total) + (stopRequested ? " — stopped" : " — done"));
            return;
        }
        int size = Math.max(1, Math.min(total - last.steps(), total / CHUNKS));
        modelThread.submit(() -> snapshot(lesson, lesson.train(size, BATCH, rate))).whenComplete((snap, err) ->
                Platform.runLater(() -> {
                    if (err != null) {
                        end(done, "Failed: " + err.getMessage());
                        return;
                    }
                    show(snap, total);
                    chunk(lesson, id, total, rate, done);
                }));
    }

    private void end(CompletableFuture<Void> done, String text) {
        status.setText(text);
        start.setDisable(false);
        stop.setDisable(true);
        done.complete(null);
    }

    private static Snapshot snapshot(StftLesson lesson, double mse) {
        return new Snapshot(lesson.steps(), mse, lesson.relativeError(), lesson.weights(), lesson.basis());
    }

    private void show(Snapshot s, int total) {
        last = s;
        int n = s.basis().length;
        int outputs = s.basis()[0].length;
        double max = 1e-12;
        for (float[] row : s.basis()) {
            for (float v : row) {
                max = Math.max(max, Math.abs(v));
            }
        }
        if (learned.yAxis().getUpperBound() != n) {
            for (ImagePlot p : new ImagePlot[] {learned, truth}) {
                p.setExtent(0, outputs, 0, n);
                p.yAxis().requestLayout();
                p.xAxis().requestLayout();
                p.requestLayout();
            }
        }
        learned.setValues(s.weights(), -max, max, ColorMap.VIRIDIS);
        truth.setValues(s.basis(), -max, max, ColorMap.VIRIDIS);
        errorSeries.getData().add(new XYChart.Data<>(s.steps(), Math.log10(s.relativeError())));
        status.setText(summary(total));
        drawFunction();
    }

    private String summary(int total) {
        return String.format(Locale.ROOT, "step %d / %d · MSE of the last batch %s · ‖W − B‖ / ‖B‖ = %.4f", last.steps(),
                total, Double.isNaN(last.mse()) ? "–" : String.format(Locale.ROOT, "%.3g", last.mse()),
                last.relativeError());
    }

    private void drawFunction() {
        if (last == null) {
            return;
        }
        int n = last.basis().length;
        int bins = last.basis()[0].length / 2;
        int k = Math.max(0, Math.min(bins - 1, bin.getValue()));
        function.getData().clear();
        String[] names = {"learned Re", "true Re", "learned Im", "true Im"};
        float[][][] from = {last.weights(), last.basis(), last.weights(), last.basis()};
        int[] column = {k, k, bins + k, bins + k};
        for (int i = 0; i < names.length; i++) {
            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            series.setName(names[i] + " (bin " + k + ")");
            for (int t = 0; t < n; t++) {
                series.getData().add(new XYChart.Data<>(t, from[i][t][column[i]]));
            }
            function.getData().add(series);
            if (i % 2 == 1) {
                Charts.dashed(series);
            }
        }
    }

    /** The last snapshot's relative error (NaN before the first). */
    double relativeError() {
        return last == null ? Double.NaN : last.relativeError();
    }

    /** Steps trained in the last snapshot. */
    int stepsDone() {
        return last == null ? 0 : last.steps();
    }
}
