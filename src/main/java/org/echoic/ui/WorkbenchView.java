package org.echoic.ui;

import org.echoic.ui.common.TimeFormat;
import org.echoic.ui.generate.GeneratePanel;
import org.echoic.ui.lanes.LaneStack;
import org.echoic.ui.lanes.PlaybackBar;
import org.echoic.ui.lanes.SpectrogramLane;
import org.echoic.ui.lanes.TimeSelection;
import org.echoic.ui.lanes.TimelineModel;
import org.echoic.ui.lanes.WaveformLane;
import org.echoic.ui.lanes.ZoomControls;
import org.echoic.ui.spectrogram.SpectrogramExportActions;
import org.echoic.ui.spectrogram.SpectrogramPanel;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;

import org.echoic.audio.Recording;
import org.echoic.render.WaveformParams;
import org.echoic.service.OpenOutcome;
import org.echoic.service.OpenRecording;
import org.echoic.service.Playback;
import org.echoic.service.PlaybackUnavailableException;
import org.echoic.service.RecordingService;
import org.echoic.service.SpectrogramService;

/**
 * The main window's content: menu and toolbar on top, the open recordings at the left, the lane stack in the centre
 * (waveform now; other parts add lanes through {@link #laneStack()}), tool tabs at the right ({@link #addToolTab}),
 * the status bar at the bottom. A poll timeline (20 Hz) repaints lanes that are filling in, shows build progress and
 * moves the play head. JavaFX thread only.
 */
public final class WorkbenchView extends BorderPane {
    private static final double POLL_SECONDS = 0.05;
    /** Narrowest the recording list, the centre views and the tool pane get (a maximise or resize keeps them). */
    static final double LIST_MIN_WIDTH = 150;
    static final double VIEWS_MIN_WIDTH = 360;
    static final double TOOLS_MIN_WIDTH = 300;

    private final RecordingService service;
    private final Playback playback;
    private final TimelineModel model = new TimelineModel();
    private final StatusBar status = new StatusBar();
    private final RecordingListView list = new RecordingListView();
    private final LaneStack lanes;
    private final TabPane tools = new TabPane();
    private final TabPane views = new TabPane();
    private final PlaybackBar playbackBar = new PlaybackBar();
    private final ChoiceBox<Integer> channelChoice = new ChoiceBox<>();
    private final OpenActions openActions;
    private final javafx.scene.control.Menu fileMenu;
    private Runnable quit = Platform::exit;
    private final Timeline poll;
    private final SpectrogramService spectrograms;
    private final SpectrogramLane spectrogramLane;
    private final GeneratePanel generatePanel;

    public WorkbenchView(RecordingService service, Playback playback) {
        this.service = service;
        this.playback = playback;
        this.openActions = new OpenActions(this::open, service.recentFiles());
        setId("workbench");
        lanes = new LaneStack(model, status::setCursorText);
        lanes.addLane(new WaveformLane(model));
        spectrograms = new SpectrogramService(service.executors().compute(), 2, SpectrogramService.DEFAULT_CACHE_BYTES);
        spectrogramLane = new SpectrogramLane(model, spectrograms);
        lanes.addLane(spectrogramLane);

        fileMenu = openActions.fileMenu(() -> quit.run());
        javafx.scene.control.MenuItem close = new javafx.scene.control.MenuItem("Close recording");
        close.setId("closeRecording");
        close.setAccelerator(javafx.scene.input.KeyCombination.keyCombination("Shortcut+W"));
        close.setOnAction(e -> closeRecording(model.recordingProperty().get()));
        close.disableProperty().bind(model.recordingProperty().isNull());
        fileMenu.getItems().add(3, close);
        MenuBar menus = new MenuBar(fileMenu, new ZoomControls(model).viewMenu(),
                HelpMenu.create(() -> getScene() == null ? null : getScene().getWindow()));
        ToolBar toolbar = new ToolBar();
        playbackBar.addTo(toolbar);
        toolbar.getItems().add(new Separator());
        new ZoomControls(model).addTo(toolbar);
        toolbar.getItems().add(new Separator());
        addChannelAndAmplitude(toolbar);
        toolbar.getItems().forEach(n -> {
            if (n instanceof javafx.scene.layout.Region r) {
                r.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
        });
        setTop(new VBox(menus, toolbar));

        tools.setId("toolTabs");
        tools.setPrefWidth(340);
        tools.setMinWidth(TOOLS_MIN_WIDTH);
        list.setMinWidth(LIST_MIN_WIDTH);
        views.setMinWidth(VIEWS_MIN_WIDTH);
        tools.getTabs().add(new Tab("Recording", new RecordingInfoView(model)));
        tools.getTabs().add(new Tab("Spectrogram", new SpectrogramPanel(spectrogramLane, model,
                new SpectrogramExportActions(model, spectrogramLane, service.executors(), status::setMessage))));
        tools.getTabs().forEach(t -> t.setClosable(false));
        views.setId("viewTabs");
        Tab sound = new Tab("Sound", lanes);
        sound.setClosable(false);
        views.getTabs().add(sound);
        generatePanel = GeneratePanel.create(service, playback, model);
        views.getTabs().add(GeneratePanel.tab(generatePanel));
        SplitPane split = new SplitPane(list, views, tools);
        split.setId("mainSplit");
        split.setDividerPositions(0.16, 0.72);
        SplitPane.setResizableWithParent(list, false);
        SplitPane.setResizableWithParent(views, true);
        SplitPane.setResizableWithParent(tools, false);
        setCenter(split);
        setBottom(status);

        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> show(b));
        javafx.scene.control.MenuItem closeThis = new javafx.scene.control.MenuItem("Close recording");
        closeThis.setOnAction(e -> closeRecording(list.getSelectionModel().getSelectedItem()));
        list.setContextMenu(new javafx.scene.control.ContextMenu(closeThis));
        model.selectionProperty().addListener((o, a, b) -> status.setSelectionText(describeSelection(b)));
        playbackBar.play.setOnAction(e -> play());
        playbackBar.stop.setOnAction(e -> stopPlaying());
        model.recordingProperty().addListener((o, a, r) -> {
            if (r != null) {
                playbackBar.fitTo(r.recording().sampleRateHz());
            }
        });
        poll = new Timeline(new KeyFrame(Duration.seconds(POLL_SECONDS), e -> pollOnce()));
        poll.setCycleCount(Timeline.INDEFINITE);
        poll.play();
        status.setMessage("Ready");
    }

    /** Builds the window: scene, stylesheet, keys, drag and drop, and closing everything with the stage. */
    public static WorkbenchView showIn(Stage stage, RecordingService service, Playback playback) {
        WorkbenchView view = new WorkbenchView(service, playback);
        WindowSizing.apply(stage);
        Scene scene = new Scene(view);
        scene.getStylesheets().add(WorkbenchView.class.getResource("workbench.css").toExternalForm());
        new WorkbenchKeys(view.model, view::togglePlay).install(scene, view.lanes);
        view.openActions.installDragAndDrop(scene);
        stage.setTitle("Echoic");
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            java.net.URL icon = WorkbenchView.class.getResource("/org/echoic/icons/echoic-" + size + ".png");
            if (icon != null) {
                stage.getIcons().add(new javafx.scene.image.Image(icon.toExternalForm()));
            }
        }
        stage.setScene(scene);
        stage.setOnHidden(e -> view.dispose());
        stage.show();
        return view;
    }

    private void addChannelAndAmplitude(ToolBar toolbar) {
        channelChoice.setId("channelChoice");
        channelChoice.setTooltip(new Tooltip("Channel shown (and played)"));
        channelChoice.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Integer c) {
                return c == null ? "" : c == Recording.MEAN_CHANNEL ? "Mean" : "Channel " + (c + 1);
            }

            @Override
            public Integer fromString(String s) {
                throw new UnsupportedOperationException("not editable");
            }
        });
        channelChoice.valueProperty().addListener((o, a, b) -> {
            if (b != null && b != model.channelProperty().get()) {
                model.channelProperty().set(b);
            }
        });
        ChoiceBox<WaveformParams.AmplitudeScale> scale =
                new ChoiceBox<>(FXCollections.observableArrayList(WaveformParams.AmplitudeScale.values()));
        scale.setId("amplitudeScale");
        scale.setValue(WaveformParams.AmplitudeScale.LINEAR);
        scale.setTooltip(new Tooltip("Amplitude axis: linear or dB relative to full scale"));
        scale.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(WaveformParams.AmplitudeScale s) {
                return s == WaveformParams.AmplitudeScale.DBFS ? "dBFS" : "Linear";
            }

            @Override
            public WaveformParams.AmplitudeScale fromString(String s) {
                throw new UnsupportedOperationException("not editable");
            }
        });
        scale.valueProperty().addListener((o, a, b) ->
                model.waveformParamsProperty().set(model.waveformParamsProperty().get().withScale(b)));
        ChoiceBox<Integer> gain = new ChoiceBox<>(FXCollections.observableArrayList(1, 2, 4, 8, 16, 32, 64));
        gain.setId("amplitudeGain");
        gain.setTooltip(new Tooltip("Vertical zoom of the waveform"));
        gain.setValue(1);
        gain.valueProperty().addListener((o, a, b) ->
                model.waveformParamsProperty().set(model.waveformParamsProperty().get().withGain(b)));
        toolbar.getItems().addAll(channelChoice, scale, new Label("×"), gain);
    }

    /** The shared state of the lanes (viewport, selection, shown recording). */
    public TimelineModel model() {
        return model;
    }

    /** The lane stack, for adding lanes. */
    public LaneStack laneStack() {
        return lanes;
    }

    /** The spectrogram lane (for adding overlay layers). */
    public SpectrogramLane spectrogramLane() {
        return spectrogramLane;
    }

    public StatusBar statusBar() {
        return status;
    }

    public RecordingService service() {
        return service;
    }

    /** The Generate view (for recording its exports in the project). */
    public GeneratePanel generatePanel() {
        return generatePanel;
    }

    /** Adds a main view beside the lanes ("Sound"), e.g. the Model tab. */
    public void addViewTab(Tab tab) {
        views.getTabs().add(tab);
    }

    /** Adds a main view tab at {@code index} of the centre tabs (0 is Sound). */
    public void addViewTab(Tab tab, int index) {
        views.getTabs().add(Math.min(index, views.getTabs().size()), tab);
    }

    /** Adds a tool panel at the right (segmentation, training, …). */
    public void addToolTab(Tab tab) {
        tools.getTabs().add(tab);
    }

    /**
     * Opens files and folders in the background; reports the outcome in the list, the status bar and a dialog. The
     * future completes on the JavaFX thread once the list shows the outcome.
     */
    public CompletableFuture<OpenOutcome> open(List<Path> paths) {
        if (paths.isEmpty()) {
            return CompletableFuture.completedFuture(new OpenOutcome(List.of(), List.of()));
        }
        status.setMessage("Opening " + (paths.size() == 1 ? paths.get(0).getFileName() : paths.size() + " files") + "…");
        CompletableFuture<OpenOutcome> shown = new CompletableFuture<>();
        service.open(paths).thenAccept(outcome -> Platform.runLater(() -> {
            onOpened(outcome);
            shown.complete(outcome);
        }));
        return shown;
    }

    /** The File menu, for adding items (projects). */
    public javafx.scene.control.Menu fileMenu() {
        return fileMenu;
    }

    /** What File ▸ Quit does now. */
    public Runnable onQuit() {
        return quit;
    }

    /** What File ▸ Quit does (default: exit the application). */
    public void setOnQuit(Runnable action) {
        quit = action;
    }

    /** The list of open recordings (its items and selection). */
    public RecordingListView recordingList() {
        return list;
    }

    /** Shows {@code r} (selects it in the list). */
    public void showRecording(OpenRecording r) {
        list.getSelectionModel().select(r);
    }

    /** Shows {@code channel} of the shown recording (or the mean, -1) when it has it. */
    public void showChannel(int channel) {
        if (channelChoice.getItems().contains(channel)) {
            channelChoice.setValue(channel);
        }
    }

    /**
     * Closes {@code r}: it leaves the list (and the project, which listens to the list) and the next one is shown.
     * Nothing happens for null.
     */
    public void closeRecording(OpenRecording r) {
        if (r == null) {
            return;
        }
        int index = list.getItems().indexOf(r);
        if (model.recordingProperty().get() == r) {
            stopPlaying();
        }
        list.getItems().remove(r);
        service.close(r);
        if (!list.getItems().isEmpty()) {
            list.getSelectionModel().select(Math.min(Math.max(0, index), list.getItems().size() - 1));
        } else {
            model.show(null);
        }
        status.setMessage("Closed " + r.name());
    }

    /** Closes every open recording and shows nothing. */
    public void closeAllRecordings() {
        stopPlaying();
        list.getSelectionModel().clearSelection();
        list.getItems().clear();
        service.close();
        model.show(null);
    }

    private void onOpened(OpenOutcome outcome) {
        for (OpenRecording r : outcome.opened()) {
            if (!list.getItems().contains(r)) {
                list.getItems().add(r);
            }
        }
        if (!outcome.opened().isEmpty()) {
            list.getSelectionModel().select(outcome.opened().get(0));
        }
        int n = outcome.opened().size();
        String opened = n == 0 ? "Nothing opened" : "Opened " + (n == 1 ? outcome.opened().get(0).name() : n + " recordings");
        status.setMessage(outcome.errors().isEmpty() ? opened : opened + "; " + outcome.errors().size() + " could not be opened");
        if (!outcome.errors().isEmpty()) {
            OpenActions.showErrors(getScene() == null ? null : getScene().getWindow(), outcome.errors());
        }
    }

    private void show(OpenRecording r) {
        stopPlaying();
        model.show(r);
        channelChoice.getItems().clear();
        if (r != null) {
            if (r.recording().channels() > 1) {
                channelChoice.getItems().add(Recording.MEAN_CHANNEL);
            }
            for (int c = 0; c < r.recording().channels(); c++) {
                channelChoice.getItems().add(c);
            }
            channelChoice.setValue(r.defaultChannel());
        }
    }

    /** Plays the selection (or the visible range) as the Play button does. */
    public void playSelection() {
        play();
    }

    private void play() {
        OpenRecording r = model.recordingProperty().get();
        if (r == null) {
            status.setNotice("Open a recording to play it");
            return;
        }
        TimeSelection range = model.playRange();
        try {
            playback.play(r.recording(), model.channelProperty().get(), range.startFrame(), range.endFrame(), playbackBar.params());
            status.setNotice(null);
        } catch (PlaybackUnavailableException | IllegalArgumentException e) {
            status.setNotice("Cannot play: " + e.getMessage());
        }
    }

    private void stopPlaying() {
        playback.stop();
        model.playheadFrameProperty().set(-1);
    }

    private void togglePlay() {
        if (playback.isPlaying()) {
            stopPlaying();
        } else {
            play();
        }
    }

    private void pollOnce() {
        lanes.repaintFilling();
        OpenRecording r = model.recordingProperty().get();
        int channel = model.channelProperty().get();
        String error = r == null ? null : r.buildError(channel);
        if (error != null) {
            status.setNotice(error);
        }
        if (r != null && lanes.isFilling()) {
            double f = r.buildProgress(channel);
            status.showProgress(String.format(Locale.ROOT, "Summarising %s %.0f%%", r.name(), 100 * f), f);
        } else {
            status.showProgress(null, 1);
        }
        double head = playback.isPlaying() ? playback.playheadFrame() : -1;
        if (head != model.playheadFrameProperty().get()) {
            model.playheadFrameProperty().set(head);
        }
    }

    private String describeSelection(TimeSelection s) {
        if (s == null) {
            return "";
        }
        double rate = model.sampleRateHz();
        double total = model.totalFrames() / rate;
        return String.format(Locale.ROOT, "selection %s – %s (%s)", TimeFormat.readout(s.startFrame() / rate, total),
                TimeFormat.readout(s.endFrame() / rate, total), TimeFormat.duration(s.frames() / rate));
    }

    /** Stops the timer and playback; the caller closes the service and executors. */
    public void dispose() {
        poll.stop();
        playback.stop();
        spectrograms.close();
        generatePanel.dispose();
    }
}
