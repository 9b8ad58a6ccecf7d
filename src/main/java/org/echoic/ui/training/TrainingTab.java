package org.echoic.ui.training;

import org.echoic.ui.WorkbenchView;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.event.EventHandler;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

import org.echoic.project.ProjectRecording;
import org.echoic.segment.SegmentationParams;
import org.echoic.service.AppExecutors;
import org.echoic.service.CorpusService;
import org.echoic.service.OpenRecording;
import org.echoic.service.ProjectService;
import org.echoic.service.TrainingService;

/**
 * The Training tab: corpus builder, model and schedule, and the run with its live curves, over one
 * {@link TrainingService}. Closing the window while a run is active asks first, then stops the run (a checkpoint
 * is written) before the usual close handling. Model inspection views hook in through
 * {@link #latestCheckpointProperty()} and {@link #service()}. JavaFX thread only.
 */
public final class TrainingTab {
    private final Tab tab = new Tab("Training");
    private final TrainingService service;
    private final CorpusPanel corpus;
    private final ModelSchedulePanel model = new ModelSchedulePanel();
    private final TrainingPanel panel;
    private final VBox content;
    private final javafx.beans.property.ReadOnlyObjectWrapper<Path> runStarted =
            new javafx.beans.property.ReadOnlyObjectWrapper<>();

    private TrainingTab(WorkbenchView view, ProjectService projects, AppExecutors executors, String appVersion) {
        service = new TrainingService(executors.model(), appVersion, TrainingService.threadsLeavingOneCore());
        corpus = new CorpusPanel(view.recordingList().getItems(), new CorpusService(executors.compute()),
                new CorpusPanel.RecordingSettings() {
                    @Override
                    public SegmentationParams params(Path recording) {
                        return projects.project().recording(recording).map(ProjectRecording::segmentation)
                                .orElse(SegmentationParams.DEFAULTS);
                    }

                    @Override
                    public List<Path> annotationFiles(Path recording) {
                        return projects.project().recording(recording).map(ProjectRecording::annotationFiles)
                                .orElse(List.of());
                    }

                    @Override
                    public List<org.echoic.segment.SegmentEdits.Edit> edits(Path recording) {
                        return projects.project().recording(recording)
                                .map(r -> org.echoic.service.SegmentationService.editsFromItems(r.manualEdits()))
                                .orElse(List.of());
                    }
                });
        panel = new TrainingPanel(service, corpus, model, executors.io(), () -> defaultRunDir(view, projects));
        CorpusSync.install(corpus, projects);
        panel.setOnRunStarted(dir -> runBegan(projects, dir, true));
        panel.setOnRunResumed(dir -> runBegan(projects, dir, false));
        panel.checkpointsWrittenProperty().addListener((o, was, now) -> {
            Path latest = panel.latestCheckpointProperty().get();
            if (latest != null) {
                try {
                    executors.io().execute(() -> RunRecords.checkpointed(projects, latest));
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    // the workbench is closing: its I/O thread is gone and the project is no longer saved
                }
            }
        });
        TitledPane corpusPane = new TitledPane("Corpus", corpus);
        TitledPane modelPane = new TitledPane("Model and schedule", model);
        modelPane.setExpanded(false);
        TitledPane runPane = new TitledPane("Run", panel);
        content = new VBox(4, corpusPane, modelPane, runPane);
        content.setId("trainingTab");
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setId("trainingScroll");
        tab.setContent(scroll);
        tab.setClosable(false);
        tab.setId("trainingTabHeader");
    }

    /**
     * A run started (or resumed from {@code dir}): records it in the project unless a resumed run is already
     * there, and tells the views that follow runs.
     */
    private void runBegan(ProjectService projects, Path dir, boolean started) {
        Path key = dir.toAbsolutePath().normalize();
        if (started || projects.project().trainingRunEntries().stream().noneMatch(r -> r.folder().equals(key))) {
            RunRecords.started(projects, corpus.built(), corpus.validationFraction(),
                    model.model(corpus.corpusProperty().get().dataset().nVisible()), model.training(), dir);
        }
        runStarted.set(null);
        runStarted.set(dir);
    }

    /** Adds the Training tab to the centre of {@code view}, after Sound, and guards closing {@code stage} during a run. */
    public static TrainingTab install(Stage stage, WorkbenchView view, ProjectService projects, AppExecutors executors,
                                      String appVersion) {
        TrainingTab t = new TrainingTab(view, projects, executors, appVersion);
        view.addViewTab(t.tab, 1);
        t.guardClose(stage, view);
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> t.panel.dispose());
        return t;
    }

    /** Next to the project file, else next to the first open recording: {@code <name>-runs/run-<time>}. */
    private static Path defaultRunDir(WorkbenchView view, ProjectService projects) {
        Optional<Path> file = projects.file();
        Path base;
        if (file.isPresent()) {
            base = file.get().toAbsolutePath();
        } else if (!view.recordingList().getItems().isEmpty()) {
            OpenRecording r = view.recordingList().getItems().get(0);
            base = r.recording().path().toAbsolutePath();
        } else {
            base = Path.of(System.getProperty("user.home"), "echoic").toAbsolutePath();
        }
        return TrainingService.defaultRunDir(base.getParent(), base.getFileName().toString(), LocalDateTime.now());
    }

    private void guardClose(Stage stage, WorkbenchView view) {
        EventHandler<WindowEvent> previous = stage.getOnCloseRequest();
        stage.setOnCloseRequest(e -> {
            if (!service.isActive()) {
                if (previous != null) {
                    previous.handle(e);
                }
                return;
            }
            e.consume();
            stopThen(stage, () -> {
                WindowEvent again = new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST);
                if (previous != null) {
                    previous.handle(again);
                }
                if (!again.isConsumed()) {
                    stage.hide();
                }
            });
        });
        Runnable quit = view.onQuit();
        view.setOnQuit(() -> {
            if (service.isActive()) {
                stopThen(stage, quit);
            } else {
                quit.run();
            }
        });
    }

    /** Asks whether to stop the active run; on OK stops it (checkpoint written) and then runs {@code then}. */
    private void stopThen(Stage stage, Runnable then) {
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "A model is training. Stop it (the weights so far are "
                + "saved as a checkpoint) and close?", ButtonType.OK, ButtonType.CANCEL);
        ask.setHeaderText("Stop training and close?");
        ask.initOwner(stage);
        if (ask.showAndWait().orElse(ButtonType.CANCEL) != ButtonType.OK) {
            return;
        }
        service.stop().whenComplete((s, err) -> Platform.runLater(then));
    }

    /** The training service (its model thread runs inspection tasks between batches). */
    public TrainingService service() {
        return service;
    }

    /** The folder of the latest checkpoint written in this session; null before the first. */
    public ReadOnlyObjectProperty<Path> latestCheckpointProperty() {
        return panel.latestCheckpointProperty();
    }

    /** The run folder of the run started last in this tab; null before the first. */
    public ReadOnlyObjectProperty<Path> runStartedProperty() {
        return runStarted.getReadOnlyProperty();
    }

    /** How many checkpoints runs of this tab have written (grows by one with each). */
    public javafx.beans.property.ReadOnlyIntegerProperty checkpointsWrittenProperty() {
        return panel.checkpointsWrittenProperty();
    }

    /** The corpus built in the Corpus part; null until one is built. */
    public ReadOnlyObjectProperty<org.echoic.corpus.Corpus> corpusProperty() {
        return corpus.corpusProperty();
    }

    /** The tab's content, for panels that add themselves under the run (e.g. model inspection). */
    public VBox content() {
        return content;
    }

    Tab tab() {
        return tab;
    }

    public CorpusPanel corpusPanel() {
        return corpus;
    }

    ModelSchedulePanel modelPanel() {
        return model;
    }

    TrainingPanel trainingPanel() {
        return panel;
    }

    /** Stops an active run, waiting a bounded time for its checkpoint (application exit). */
    public void close() {
        service.close();
    }
}
