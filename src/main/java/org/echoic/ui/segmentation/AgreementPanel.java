package org.echoic.ui.segmentation;

import org.echoic.ui.common.Buttons;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;

import org.echoic.segment.Agreement;
import org.echoic.segment.AutoTune;
import org.echoic.service.AutoTuneJob;
import org.echoic.service.SegmentationSession;
import org.echoic.service.SegmentationSnapshot;

/**
 * References and auto-tune in the segmentation tab: import a Raven table, Audacity labels or CSV; the live agreement
 * of the current segments with them (precision, recall, F1 with matches by onsets and offsets within a tolerance or by
 * an overlap of at least a minimum intersection over union; mean onset/offset errors); auto-tune
 * against them in the background with progress and cancel, its best settings and F1 against the current ones, and
 * one click to apply them. JavaFX thread only.
 */
public final class AgreementPanel extends VBox {
    static final String ONSET_OFFSET = "onsets and offsets within ± ms";
    static final String OVERLAP = "overlap ≥ IoU";
    private final SegmentationState state;
    private final Consumer<String> status;
    private final Label file = new Label("No references");
    private final Label figures = new Label();
    private final Spinner<Double> toleranceMs =
            new Spinner<>(new SpinnerValueFactory.DoubleSpinnerValueFactory(1, 1000, 20, 5));
    private final Spinner<Double> minIoU = new Spinner<>(new SpinnerValueFactory.DoubleSpinnerValueFactory(0.05, 1,
            Agreement.DEFAULT_MIN_IOU, 0.05));
    private final ChoiceBox<String> match = new ChoiceBox<>();
    private final Button tune = Buttons.button("Auto-tune", "autoTuneButton",
            "Search the parameters for the best F1 against the references (in the background)");
    private final Button cancel = Buttons.button("Cancel", "autoTuneCancel", "Stop the search");
    private final Button apply = Buttons.button("Apply", "autoTuneApply", "Use the best settings found");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label result = new Label();
    private final Timeline poll;
    private AutoTuneJob job;
    private AutoTune.Result best;

    private boolean showingSession;

    public AgreementPanel(SegmentationState state, Consumer<String> status) {
        super(6);
        this.state = state;
        this.status = status;
        setId("agreementPanel");
        Button load = Buttons.button("Import references…", "importReferences",
                "Read a Raven selection table, Audacity labels or CSV of this recording");
        load.setOnAction(e -> chooseReferences());
        file.setId("referenceFile");
        file.setWrapText(true);
        figures.setId("agreementLabel");
        figures.setWrapText(true);
        toleranceMs.setId("toleranceSpinner");
        toleranceMs.setEditable(true);
        toleranceMs.setPrefWidth(80);
        toleranceMs.valueProperty().addListener((o, a, b) -> applyCriterion());
        minIoU.setId("minIouSpinner");
        minIoU.setEditable(true);
        minIoU.setPrefWidth(80);
        minIoU.valueProperty().addListener((o, a, b) -> applyCriterion());
        match.setId("matchChoice");
        match.getItems().addAll(ONSET_OFFSET, OVERLAP);
        match.setValue(ONSET_OFFSET);
        match.setTooltip(new javafx.scene.control.Tooltip("How a reference and a detection may match: both onset "
                + "and offset within the tolerance, or intersection over union at least the minimum (multi-second songs)"));
        match.valueProperty().addListener((o, a, b) -> applyCriterion());
        showCriterionField();
        tune.setOnAction(e -> startTune());
        cancel.setOnAction(e -> cancelTune());
        apply.setOnAction(e -> applyBest());
        progress.setId("autoTuneProgress");
        progress.setMaxWidth(Double.MAX_VALUE);
        result.setId("autoTuneResult");
        result.setWrapText(true);
        cancel.setDisable(true);
        apply.setDisable(true);
        getChildren().addAll(new Label("Reference annotations"), load, file,
                new HBox(4, match, toleranceMs, minIoU), figures,
                new HBox(4, tune, cancel, apply), progress, result);
        state.snapshotProperty().addListener((o, a, b) -> {
            showSessionCriterion();
            show(b);
        });
        state.sessionProperty().addListener((o, a, b) -> {
            showSessionCriterion();
            cancelTune();
            best = null;
            apply.setDisable(true);
            result.setText("");
        });
        poll = new Timeline(new KeyFrame(Duration.millis(100), e -> pollTune()));
        poll.setCycleCount(Timeline.INDEFINITE);
        show(state.snapshot());
    }

    /** The criterion chosen in the panel. */
    public Agreement.Criterion criterion() {
        return OVERLAP.equals(match.getValue()) ? Agreement.Criterion.overlap(minIoU.getValue())
                : Agreement.Criterion.onsetOffset(toleranceMs.getValue() / 1000);
    }

    /**
     * Shows the shown recording's criterion (each recording keeps its own in the project) without applying it back.
     */
    private void showSessionCriterion() {
        SegmentationSession s = state.session();
        if (s == null || s.criterion().equals(criterion())) {
            return;
        }
        Agreement.Criterion c = s.criterion();
        showingSession = true;
        if (c.kind() == Agreement.Kind.OVERLAP) {
            minIoU.getValueFactory().setValue(c.value());
            match.setValue(OVERLAP);
        } else {
            toleranceMs.getValueFactory().setValue(c.value() * 1000);
            match.setValue(ONSET_OFFSET);
        }
        showingSession = false;
        showCriterionField();
    }

    private void applyCriterion() {
        showCriterionField();
        if (!showingSession && state.session() != null && toleranceMs.getValue() != null && minIoU.getValue() != null) {
            state.session().setCriterion(criterion());
        }
    }

    private void showCriterionField() {
        boolean overlap = OVERLAP.equals(match.getValue());
        toleranceMs.setVisible(!overlap);
        toleranceMs.setManaged(!overlap);
        minIoU.setVisible(overlap);
        minIoU.setManaged(overlap);
    }

    private void chooseReferences() {
        SegmentationSession s = state.session();
        if (s == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import reference annotations");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Raven, Audacity or CSV tables", "*.txt", "*.csv"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File f = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) {
            load(f.toPath());
        }
    }

    /** Loads references for the shown recording in the background; errors go to the status bar. */
    public void load(Path table) {
        SegmentationSession s = state.session();
        if (s == null) {
            return;
        }
        s.loadReferences(table).whenComplete((v, e) -> {
            long past = e == null ? s.referencesPastEnd() : 0;
            Platform.runLater(() -> status.accept(e != null
                    ? "Cannot import references: " + (e.getCause() == null ? e : e.getCause()).getMessage()
                    : past > 0 ? "Imported references " + table.getFileName() + " — warning: " + past + " of them start"
                    + " after the end of " + s.recording().path().getFileName() + " (a table of a longer recording?);"
                    + " they count as missed"
                    : "Imported references " + table.getFileName()));
        });
    }

    private void show(SegmentationSnapshot s) {
        boolean refs = s != null && s.referenceFile() != null;
        tune.setDisable(!refs || job != null);
        if (!refs) {
            file.setText("No references");
            figures.setText("");
            return;
        }
        file.setText(s.referenceFile().getFileName() + " (" + s.references().size() + " annotations)");
        Agreement.Result a = s.agreement();
        if (a != null) {
            figures.setText(String.format(Locale.ROOT,
                    "precision %.3f  recall %.3f  F1 %.3f\n%d of %d references matched (%s); onset error %s, "
                    + "offset error %s", a.precision(), a.recall(), a.f1(), a.matches(), a.references(),
                    a.criterion().describe(), ms(a.meanOnsetErrorSeconds()),
                    ms(a.meanOffsetErrorSeconds())));
        }
    }

    private static String ms(double seconds) {
        return Double.isNaN(seconds) ? "–" : String.format(Locale.ROOT, "%.1f ms", 1000 * seconds);
    }

    private void startTune() {
        SegmentationSession s = state.session();
        if (s == null || job != null) {
            return;
        }
        try {
            job = s.autoTune();
        } catch (IllegalStateException e) {
            result.setText(e.getMessage());
            return;
        }
        best = null;
        apply.setDisable(true);
        tune.setDisable(true);
        cancel.setDisable(false);
        result.setText("Searching…");
        poll.play();
    }

    private void pollTune() {
        if (job == null) {
            poll.stop();
            return;
        }
        progress.setProgress(job.progress());
        if (!job.future().isDone()) {
            return;
        }
        try {
            best = job.future().get();
            result.setText(String.format(Locale.ROOT, "Best F1 %.3f (current %.3f) after %d evaluations:\n%s",
                    best.bestF1(), best.startF1(), best.evaluations(), describe(best)));
            apply.setDisable(false);
        } catch (CancellationException e) {
            result.setText("Auto-tune cancelled");
        } catch (ExecutionException e) {
            result.setText("Auto-tune failed: " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        endTune();
    }

    private static String describe(AutoTune.Result r) {
        var p = r.best();
        return String.format(Locale.ROOT, "window %.1f ms, %s, spacing %.0f ms, length %.0f–%.0f ms, buffer %.0f ms",
                p.windowMs(), SegmentationPanel.thresholdText(p), p.minSpacingMs(), p.minLengthMs(), p.maxLengthMs(),
                p.bufferMs());
    }

    private void cancelTune() {
        if (job != null) {
            job.cancel();
            result.setText("Auto-tune cancelled");
            endTune();
        }
    }

    private void endTune() {
        job = null;
        poll.stop();
        cancel.setDisable(true);
        progress.setProgress(0);
        show(state.snapshot());
    }

    private void applyBest() {
        if (best != null && state.session() != null) {
            state.session().setParams(best.best());
            status.accept(String.format(Locale.ROOT, "Applied auto-tuned settings (F1 %.3f)", best.bestF1()));
        }
    }
}
