package org.echoic.ui.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import org.echoic.audio.Recording;
import org.echoic.dsp.StftParams;
import org.echoic.dsp.WindowFunction;
import org.echoic.measure.MeasuredSelection;
import org.echoic.measure.Measurement;
import org.echoic.measure.PitchAlgorithm;
import org.echoic.measure.PitchContour;
import org.echoic.measure.PitchParams;
import org.echoic.segment.Annotation;
import org.echoic.service.MeasurementService;
import org.echoic.service.OpenRecording;
import org.echoic.service.SegmentationSnapshot;
import org.echoic.ui.common.Buttons;
import org.echoic.ui.lanes.TimeSelection;
import org.echoic.ui.lanes.TimelineModel;
import org.echoic.ui.segmentation.SegmentationState;

/**
 * The Measurements tab: the time selection's measurements (recomputed, latest wins, whenever it or the settings
 * change), settings (STFT segment, F0 on/off and YIN/MPM), the measurement chooser, a Measure button that measures
 * every segment or reference row in the background (progress, Cancel), the table, and exports to a Raven table or
 * CSV (atomic, with {@code <name>.pitch.csv} when F0 was measured). JavaFX thread only.
 */
public final class MeasurementsPanel extends VBox {
    private final TimelineModel model;
    private final SegmentationState segmentation;
    private final MeasurementService service;
    private final Runnable repaint;
    private final ColumnChooser chooser = new ColumnChooser();
    private final ChoiceBox<String> source = new ChoiceBox<>(FXCollections.observableArrayList("Segments", "References"));
    private final ChoiceBox<Integer> nperseg = new ChoiceBox<>(FXCollections.observableArrayList(256, 512, 1024, 2048));
    private final CheckBox pitch = new CheckBox("F0");
    private final ChoiceBox<PitchAlgorithm> algorithm =
            new ChoiceBox<>(FXCollections.observableArrayList(PitchAlgorithm.values()));
    private final TextField lowHz = new TextField();
    private final TextField highHz = new TextField();
    private final GridPane selectionGrid = new GridPane();
    private final Label selectionTitle = new Label("Selection: drag across a lane to measure it");
    private final ProgressBar progress = new ProgressBar(0);
    private final Button measure = Buttons.button("Measure", "measureAll", "Measure every row of the chosen source");
    private final Button cancel = Buttons.button("Cancel", "measureCancel", "Stop measuring");
    private final MeasurementsTable table;
    private final MeasurementExportActions exports;
    private List<MeasuredSelection> measured = List.of();
    private MeasuredSelection selected;

    public MeasurementsPanel(TimelineModel model, SegmentationState segmentation, MeasurementService service,
                             MeasurementExportActions exports, Runnable repaint) {
        super(6);
        this.model = model;
        this.segmentation = segmentation;
        this.service = service;
        this.exports = exports;
        this.repaint = repaint;
        setId("measurementsPanel");
        table = new MeasurementsTable(this::select);
        source.setId("measureSource");
        source.setValue("Segments");
        source.setTooltip(new Tooltip("Measure the current segments (with your edits) or the imported reference table"));
        nperseg.setId("measureNperseg");
        nperseg.setValue(512);
        nperseg.setTooltip(new Tooltip("STFT: Hann window of this many samples, 50 % overlap, PSD (detrend none)"));
        pitch.setId("measurePitch");
        pitch.setTooltip(new Tooltip("Track F0 with TarsosDSP (drawn over the spectrogram)"));
        algorithm.setId("measureAlgorithm");
        algorithm.setValue(PitchAlgorithm.YIN);
        lowHz.setId("measureLowHz");
        highHz.setId("measureHighHz");
        for (TextField f : new TextField[] {lowHz, highHz}) {
            f.setPrefColumnCount(5);
            f.setOnAction(e -> measureSelection());
            f.focusedProperty().addListener((o, a, b) -> {
                if (!b) {
                    measureSelection();
                }
            });
        }
        lowHz.setPromptText("0");
        highHz.setPromptText("Nyquist");
        lowHz.setTooltip(new Tooltip("Low Freq (Hz) of the selection's box (empty: 0 Hz)"));
        highHz.setTooltip(new Tooltip("High Freq (Hz) of the selection's box (empty: the Nyquist frequency)"));
        selectionGrid.setId("selectionMeasurements");
        selectionGrid.setHgap(8);
        selectionGrid.setVgap(1);
        progress.setVisible(false);
        progress.setPrefWidth(120);
        cancel.setDisable(true);
        measure.setOnAction(e -> measureAll());
        cancel.setOnAction(e -> {
            service.cancel();
            running(false);
        });
        FlowPane band = new FlowPane(4, 4, new Label("Selection band"), lowHz, new Label("–"), highHz,
                new Label("Hz"));
        FlowPane settings = new FlowPane(6, 4, new Label("Source"), source, new Label("nperseg"), nperseg, pitch,
                algorithm, chooser.button());
        FlowPane actions = new FlowPane(6, 4, measure, cancel, progress);
        FlowPane exportRow = new FlowPane(6, 4, exports.ravenButton(), exports.csvButton());
        VBox.setVgrow(table.view(), Priority.ALWAYS);
        getChildren().addAll(selectionTitle, band, selectionGrid, settings, actions, table.view(), exportRow);
        exports.bind(() -> measured, () -> chooser.chosenProperty().get(), this::recordingPath);

        model.selectionProperty().addListener((o, a, b) -> measureSelection());
        model.recordingProperty().addListener((o, a, b) -> {
            measured = List.of();
            table.show(measured, chooser.chosenProperty().get());
            measureSelection();
        });
        chooser.chosenProperty().addListener((o, a, b) -> {
            table.setColumns(b);
            showSelection();
        });
        nperseg.valueProperty().addListener((o, a, b) -> measureSelection());
        pitch.selectedProperty().addListener((o, a, b) -> measureSelection());
        algorithm.valueProperty().addListener((o, a, b) -> measureSelection());
        Timeline poll = new Timeline(new KeyFrame(Duration.millis(100), e -> pollProgress()));
        poll.setCycleCount(Timeline.INDEFINITE);
        poll.play();
        table.setColumns(chooser.chosenProperty().get());
    }

    /** The measured rows, then the selection's, that have an F0 contour (for the trace layer). */
    List<PitchContour> contours() {
        List<PitchContour> out = new ArrayList<>();
        for (MeasuredSelection m : measured) {
            if (m.pitch() != null) {
                out.add(m.pitch());
            }
        }
        if (selected != null && selected.pitch() != null) {
            out.add(selected.pitch());
        }
        return out;
    }

    /** The time selection's measurements, or null. */
    MeasuredSelection selectionMeasurements() {
        return selected;
    }

    MeasurementExportActions exports() {
        return exports;
    }

    /** The table's rows (for tests). */
    public List<MeasuredSelection> measured() {
        return measured;
    }

    StftParams stft() {
        int n = nperseg.getValue();
        return new StftParams(n, n / 2, n, WindowFunction.HANN, StftParams.Detrend.NONE, StftParams.Scaling.DENSITY,
                StftParams.Mode.PSD);
    }

    PitchParams pitchParams() {
        if (!pitch.isSelected()) {
            return null;
        }
        PitchParams d = PitchParams.DEFAULT;
        return new PitchParams(algorithm.getValue(), d.windowSamples(), d.hopSamples(), d.minHz(), d.maxHz(),
                d.minConfidence());
    }

    private void measureSelection() {
        OpenRecording r = model.recordingProperty().get();
        TimeSelection s = model.selectionProperty().get();
        if (r == null || s == null) {
            selected = null;
            showSelection();
            repaint.run();
            return;
        }
        double fs = r.recording().sampleRateHz();
        double low = parseHz(lowHz, 0);
        double high = parseHz(highHz, fs / 2);
        if (!(high > low) || low >= fs / 2) {
            selectionTitle.setText("Selection: the band must satisfy 0 ≤ low < high, low below " + fs / 2 + " Hz");
            return;
        }
        Annotation a = new Annotation(s.startFrame() / fs, s.endFrame() / fs, low, Math.min(high, fs / 2),
                "selection", java.util.Map.of());
        service.measureSelection(r.recording(), model.channelProperty().get(), a, stft(), pitchParams(),
                m -> Platform.runLater(() -> {
                    selected = m;
                    showSelection();
                    repaint.run();
                }),
                e -> Platform.runLater(() -> selectionTitle.setText("Selection: " + e.getMessage())));
    }

    private static double parseHz(TextField f, double fallback) {
        String t = f.getText() == null ? "" : f.getText().trim();
        if (t.isEmpty()) {
            return fallback;
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private void showSelection() {
        selectionGrid.getChildren().clear();
        if (selected == null) {
            selectionTitle.setText("Selection: drag across a lane to measure it");
            return;
        }
        selectionTitle.setText(String.format(java.util.Locale.ROOT, "Selection %.3f–%.3f s, %.0f–%.0f Hz",
                selected.selection().startSeconds(), selected.selection().endSeconds(), selected.spectral().lowHz(),
                selected.spectral().highHz()));
        int row = 0;
        Set<Measurement> chosen = chooser.chosenProperty().get();
        for (Measurement m : chosen) {
            Label name = new Label(m.column());
            Label value = new Label(m.format(selected));
            value.setId("sel-" + m.name());
            selectionGrid.add(name, 0, row);
            selectionGrid.add(value, 1, row);
            row++;
        }
    }

    private void measureAll() {
        OpenRecording r = model.recordingProperty().get();
        SegmentationSnapshot snap = segmentation.snapshot();
        if (r == null || snap == null) {
            exports.status("Open a recording (and let it segment) to measure its segments");
            return;
        }
        double fs = r.recording().sampleRateHz();
        List<Annotation> rows = "References".equals(source.getValue()) ? snap.references()
                : snap.segments().stream().map(i -> Annotation.of(i.segment(), fs)).toList();
        if (rows.isEmpty()) {
            exports.status("No " + source.getValue().toLowerCase(java.util.Locale.ROOT) + " to measure");
            return;
        }
        running(true);
        Recording rec = r.recording();
        service.measureAll(rec, model.channelProperty().get(), rows, stft(), pitchParams(),
                list -> Platform.runLater(() -> {
                    running(false);
                    measured = list;
                    table.show(list, chooser.chosenProperty().get());
                    exports.status("Measured " + list.size() + " " + source.getValue().toLowerCase(java.util.Locale.ROOT));
                    repaint.run();
                }),
                e -> Platform.runLater(() -> {
                    running(false);
                    exports.status("Measuring failed: " + e.getMessage());
                }));
    }

    private void running(boolean on) {
        measure.setDisable(on);
        cancel.setDisable(!on);
        progress.setVisible(on);
        progress.setProgress(0);
    }

    private void pollProgress() {
        double p = service.progress();
        if (progress.isVisible() && !Double.isNaN(p)) {
            progress.setProgress(p);
        }
    }

    private void select(MeasuredSelection m) {
        double fs = model.sampleRateHz();
        long a = Math.round(m.selection().startSeconds() * fs);
        long b = Math.round(m.selection().endSeconds() * fs);
        var vp = model.viewport();
        if (a < vp.startFrame() || b > vp.endFrame()) {
            model.setViewport(vp.withStartFrame((a + b) / 2.0 - vp.visibleFrames() / 2));
        }
        model.selectionProperty().set(TimeSelection.between(a, b));
    }

    private java.nio.file.Path recordingPath() {
        OpenRecording r = model.recordingProperty().get();
        return r == null ? null : r.recording().path();
    }
}
