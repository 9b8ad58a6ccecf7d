package org.echoic.ui.model;

import org.echoic.ui.common.Buttons;
import org.echoic.ui.StatusBar;
import org.echoic.ui.WorkbenchView;
import org.echoic.ui.lanes.TimeSelection;
import org.echoic.ui.lanes.TimelineModel;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.util.Duration;

import org.echoic.dsp.ColorMap;
import org.echoic.service.InspectedSegment;
import org.echoic.service.InspectionExporter;
import org.echoic.service.InspectionService;
import org.echoic.service.LatestWins;
import org.echoic.service.OpenRecording;
import org.echoic.service.Playback;
import org.echoic.service.SegmentTables;
import org.echoic.segment.Segment;

/**
 * The workbench's "Model" tab: the checkpoint browser and the segments of the shown recording (from the segment
 * table beside it, or one chosen) or of the Training tab's corpus at the left, the activations view in the centre and the learned-features
 * gallery beneath; export buttons. The shown recording's segments are framed with the loaded model's own settings
 * (from its model.json) on the compute pool; the model work runs on the model thread through
 * {@link InspectionService}; a 5 Hz timeline picks up results. JavaFX thread only.
 */
public final class ModelView extends BorderPane {
    private static final String SHOWN = "the shown recording";
    private static final String CORPUS = "the training corpus";
    private final InspectionService service;
    private final TimelineModel timeline;
    private final Playback playback;
    private final StatusBar status;
    private final ExecutorService io;
    private final CheckpointBrowser browser;
    private final ActivationsPane activations = new ActivationsPane();
    private final FeatureGallery gallery;
    private final Label modelInfo = new Label("No model loaded");
    private final Label segmentsInfo = new Label("");
    private final javafx.scene.control.ChoiceBox<String> source = new javafx.scene.control.ChoiceBox<>();
    private final List<OpenRecording> openRecordings;
    private org.echoic.corpus.Corpus corpus;
    private final ListView<InspectedSegment> segments = new ListView<>();
    private final LatestWins<List<InspectedSegment>> framing;
    private final Timeline poll;
    private long seenVersion = -1;
    private InspectionService.InspectedModel shownModel;
    private Path table;
    private Object framedFor;
    private String shownProblem;

    ModelView(InspectionService service, TimelineModel timeline, Playback playback, StatusBar status,
              ExecutorService compute, ExecutorService io, List<OpenRecording> openRecordings) {
        this.service = service;
        this.openRecordings = openRecordings;
        this.timeline = timeline;
        this.playback = playback;
        this.status = status;
        this.io = io;
        this.framing = new LatestWins<>(compute);
        setId("modelView");
        browser = new CheckpointBrowser(service, status::setMessage);
        gallery = new FeatureGallery(activations::selectUnit, this::playDriver);
        activations.setOnUnitClicked(gallery::selectUnit);

        segments.setId("inspectSegments");
        segments.setPrefHeight(200);
        segments.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(InspectedSegment s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : s.name() + " (" + s.frames().length + " frames)");
            }
        });
        segments.getSelectionModel().selectedItemProperty().addListener((o, a, s) -> {
            if (s != null) {
                service.inspect(s);
            }
        });
        Button chooseTable = Buttons.button("Segments…", "chooseSegmentTable",
                "Choose the segment table (Raven, Audacity, CSV) of the shown recording");
        chooseTable.setOnAction(e -> {
            FileChooser c = new FileChooser();
            c.setTitle("Segment table");
            java.io.File f = c.showOpenDialog(getScene() == null ? null : getScene().getWindow());
            if (f != null) {
                useTable(f.toPath());
            }
        });
        Button selection = Buttons.button("Selection", "inspectSelection",
                "Look at the selected range of the shown recording through the model");
        selection.setOnAction(e -> inspectSelection());
        Button export = Buttons.button("Export…", "exportInspection",
                "Write activations.npy, recurrent states, templates.npy, unit-stats.csv and PNGs into a folder");
        export.setOnAction(e -> {
            DirectoryChooser c = new DirectoryChooser();
            c.setTitle("Export the inspection into");
            java.io.File f = c.showDialog(getScene() == null ? null : getScene().getWindow());
            if (f != null) {
                exportTo(f.toPath());
            }
        });
        modelInfo.setId("modelInfo");
        modelInfo.setWrapText(true);
        segmentsInfo.setWrapText(true);
        chooseTable.disableProperty().bind(source.valueProperty().isEqualTo(CORPUS));
        source.setId("inspectSource");
        source.getItems().add(SHOWN);
        source.setValue(SHOWN);
        source.valueProperty().addListener((o, a, b) -> {
            framedFor = null;
            reframe();
        });
        VBox left = new VBox(8, browser, modelInfo, new HBox(6, new Label("Segments of"), source),
                new HBox(6, chooseTable, selection), segmentsInfo, segments, export);
        left.setPadding(new Insets(8));
        left.setPrefWidth(330);
        VBox.setVgrow(segments, Priority.ALWAYS);
        ScrollPane centre = new ScrollPane(activations);
        centre.setFitToWidth(true);
        gallery.setPadding(new Insets(4, 8, 8, 8));
        SplitPane right = new SplitPane(centre, gallery);
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(0.6);
        setLeft(left);
        setCenter(right);

        timeline.recordingProperty().addListener((o, a, b) -> {
            table = null;
            reframe();
        });
        timeline.channelProperty().addListener((o, a, b) -> reframe());
        poll = new Timeline(new KeyFrame(Duration.millis(200), e -> pollOnce()));
        poll.setCycleCount(Timeline.INDEFINITE);
        poll.play();
        sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                scene.windowProperty().addListener((ow, aw, w) -> {
                    if (w != null) {
                        w.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> dispose());
                    }
                });
            }
        });
    }

    /** The "Model" tab holding a new view. */
    public static Tab tab(WorkbenchView view, InspectionService service, Playback playback) {
        ModelView m = new ModelView(service, view.model(), playback, view.statusBar(),
                view.service().executors().compute(), view.service().executors().io(),
                view.recordingList().getItems());
        Tab t = new Tab("Model", m);
        t.setId("modelTab");
        t.setClosable(false);
        t.setOnClosed(e -> m.dispose());
        return t;
    }

    /**
     * Follows a training run: a started run's folder is browsed and its newest checkpoint followed, each written
     * checkpoint refreshes the list, and a built corpus becomes the "Training corpus" segment source.
     */
    public void linkTraining(javafx.beans.value.ObservableValue<Path> runStarted,
                      javafx.beans.value.ObservableValue<Number> checkpointsWritten,
                      javafx.beans.value.ObservableValue<org.echoic.corpus.Corpus> trainingCorpus) {
        runStarted.addListener((o, a, dir) -> {
            if (dir != null) {
                browser.followRun(dir);
            }
        });
        checkpointsWritten.addListener((o, a, n) -> browser.refresh());
        trainingCorpus.addListener((o, a, c) -> setTrainingCorpus(c));
        setTrainingCorpus(trainingCorpus.getValue());
    }

    /** Offers {@code c} (null: none) as the "Training corpus" segment source and selects it. */
    void setTrainingCorpus(org.echoic.corpus.Corpus c) {
        corpus = c;
        framedFor = null;
        if (c == null) {
            source.getItems().remove(CORPUS);
            source.setValue(SHOWN);
        } else if (!source.getItems().contains(CORPUS)) {
            source.getItems().add(CORPUS);
        }
        if (c != null && !CORPUS.equals(source.getValue())) {
            source.setValue(CORPUS);
        } else {
            reframe();
        }
    }

    public CheckpointBrowser browser() {
        return browser;
    }

    public FeatureGallery gallery() {
        return gallery;
    }

    ActivationsPane activations() {
        return activations;
    }

    public ListView<InspectedSegment> segments() {
        return segments;
    }

    void dispose() {
        poll.stop();
        framing.cancel();
    }

    private void pollOnce() {
        long v = service.version();
        if (v == seenVersion) {
            return;
        }
        seenVersion = v;
        InspectionService.InspectedModel m = service.model();
        if (m != null && m != shownModel) {
            shownModel = m;
            modelInfo.setText(describe(m));
            status.setMessage("Model loaded: " + m.dir().getFileName() + " (epoch " + m.epochs() + ")");
            reframe();
        }
        InspectionService.SegmentInspection insp = service.inspection();
        if (insp != null && insp != activations.shown()) {
            activations.show(insp);
        }
        gallery.show(m, service.report());
        String problem = service.problem();
        if (!java.util.Objects.equals(problem, shownProblem)) {
            shownProblem = problem; // only a change: other notices (e.g. about playing) stay
            status.setNotice(problem == null ? null : "Model: " + problem);
        }
    }

    private static String describe(InspectionService.InspectedModel m) {
        String frames = m.frames() == null ? "frames from a data set" : String.format(Locale.ROOT,
                "STFT %d/%d, %.0f–%s Hz, %s", m.frames().stft().nperseg(), m.frames().stft().noverlap(),
                m.frames().minHz(), Double.isInfinite(m.frames().maxHz()) ? "Nyquist"
                        : String.format(Locale.ROOT, "%.0f", m.frames().maxHz()), m.frames().scaling().id());
        String best = m.bestEpoch() < 1 ? "" : " (best epoch " + m.bestEpoch() + ")";
        return String.format(Locale.ROOT, "%s · epoch %d%s · %d visible, %d hidden, %d recurrent · %s",
                m.dir().getFileName(), m.epochs(), best, m.config().nVisible(), m.config().nHidden(),
                m.config().nRecurrent(), frames);
    }

    /** Uses {@code t} as the shown recording's segment table. */
    void useTable(Path t) {
        table = t;
        framedFor = null;
        reframe();
    }

    /** Frames the shown recording's segments with the model's settings (compute pool), then asks for statistics. */
    private void reframe() {
        InspectionService.InspectedModel m = shownModel;
        if (CORPUS.equals(source.getValue()) && corpus != null) {
            if (m != null) {
                listCorpus(m, corpus);
            }
            return;
        }
        OpenRecording r = timeline.recordingProperty().get();
        int channel = timeline.channelProperty().get();
        Path chosen = table;
        if (m == null || r == null) {
            return;
        }
        if (m.frames() == null) {
            segmentsInfo.setText("This model was trained on a data set without audio settings");
            return;
        }
        List<Object> key = java.util.Arrays.asList(m.frames(), m.config().nVisible(), r, channel, chosen);
        if (key.equals(framedFor)) {
            return;
        }
        framedFor = key;
        segmentsInfo.setText("Framing the segments…");
        framing.submit(() -> {
            Path t = chosen != null ? chosen : SegmentTables.besides(r.recording().path()).orElse(null);
            if (t == null) {
                throw new IllegalArgumentException(r.name() + ": no segment table beside it; choose one with Segments…");
            }
            List<Segment> segs = SegmentTables.read(t, r.recording().sampleRateHz());
            return InspectedSegment.fromRecording(r.recording(), channel, segs, m.frames(), m.config().nVisible());
        }, list -> Platform.runLater(() -> showSegments(list, list.size() + " segments")), e -> Platform.runLater(() -> {
            segments.getItems().clear();
            segmentsInfo.setText(e.getMessage());
        }));
    }

    private void showSegments(List<InspectedSegment> list, String info) {
        segments.getItems().setAll(list);
        segmentsInfo.setText(info);
        if (!list.isEmpty()) {
            service.statistics(list, 5);
            segments.getSelectionModel().select(0);
        }
    }

    /** Lists the training corpus' segments (its frames as trained on) and asks for statistics over all of them. */
    private void listCorpus(InspectionService.InspectedModel m, org.echoic.corpus.Corpus c) {
        List<Object> key = java.util.Arrays.asList(m, c);
        if (!key.equals(framedFor)) {
            framedFor = key;
            try {
                List<InspectedSegment> list = CorpusSegments.of(c, m.config().nVisible(), openRecordings);
                showSegments(list, list.size() + " segments of the training corpus");
            } catch (IllegalArgumentException e) {
                segments.getItems().clear();
                segmentsInfo.setText(e.getMessage());
            }
        }
    }

    private void inspectSelection() {
        InspectionService.InspectedModel m = shownModel;
        OpenRecording r = timeline.recordingProperty().get();
        TimeSelection sel = timeline.selectionProperty().get();
        if (m == null || r == null || sel == null || m.frames() == null) {
            status.setNotice("Load an audio model and select a range of the shown recording first");
            return;
        }
        int channel = timeline.channelProperty().get();
        CompletableFuture.supplyAsync(() -> {
            try {
                return InspectedSegment.fromRecording(r.recording(), channel,
                        new Segment(sel.startFrame(), sel.endFrame()), m.frames(), m.config().nVisible(), "selection");
            } catch (InterruptedException e) {
                throw new java.util.concurrent.CancellationException("interrupted");
            }
        }, io).thenCompose(service::inspect).exceptionally(e -> {
            Platform.runLater(() -> status.setNotice("Cannot inspect the selection: "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage())));
            return null;
        });
    }

    private void playDriver(FeatureGallery.Driver d) {
        InspectedSegment s = d.segment();
        if (segments.getItems().contains(s)) {
            segments.getSelectionModel().select(s);
            segments.scrollTo(s);
        } else {
            service.inspect(s);
        }
        DriverPlayback.play(d, shownModel == null ? null : shownModel.frames(), openRecordings, playback, status);
    }

    /** Exports the shown model, segment and statistics into {@code dir} on the I/O thread. */
    CompletableFuture<List<Path>> exportTo(Path dir) {
        InspectionService.InspectedModel m = service.model();
        if (m == null) {
            status.setNotice("Load a checkpoint first");
            return CompletableFuture.failedFuture(new IllegalStateException("no model"));
        }
        InspectionService.SegmentInspection insp = activations.shown();
        InspectionService.UnitReport report = service.report();
        CompletableFuture<List<Path>> f = CompletableFuture.supplyAsync(() -> {
            try {
                return InspectionExporter.exportAll(dir, m, insp != null && insp.model() == m ? insp : null,
                        report != null && report.model() == m ? report : null, ColorMap.VIRIDIS);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, io);
        f.whenComplete((files, e) -> Platform.runLater(() -> {
            if (e != null) {
                status.setNotice("Export failed: " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
            } else {
                status.setMessage("Exported " + files.size() + " files into " + dir);
            }
        }));
        return f;
    }
}
