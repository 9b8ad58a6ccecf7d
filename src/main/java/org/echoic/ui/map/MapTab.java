package org.echoic.ui.map;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Future;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;

import org.echoic.audio.Recording;
import org.echoic.cluster.ClusterParams;
import org.echoic.embed.ListenerParams;
import org.echoic.segment.SegmentEdits;
import org.echoic.service.AppExecutors;
import org.echoic.service.CallTypeEmbedder;
import org.echoic.service.CallTypeMap;
import org.echoic.service.FigureExporter;
import org.echoic.service.ListenerJob;
import org.echoic.service.OpenRecording;
import org.echoic.service.Playback;
import org.echoic.service.PlaybackParams;
import org.echoic.service.PlaybackUnavailableException;
import org.echoic.service.SegmentEmbeddings;
import org.echoic.service.SegmentationService;
import org.echoic.service.SegmentationSession;
import org.echoic.service.TrainingService;
import org.echoic.render.MapRenderer;
import org.echoic.ui.WorkbenchView;

/**
 * The Map tab: every segment of the open recordings (as the workbench segments them) embedded, mapped with UMAP
 * and clustered with HDBSCAN* in the background; coloured by cluster, label, recording, time or an RNN-RBM hidden
 * unit; hover previews a segment's spectrogram, a click plays it, a lasso selects segments to label. Labels are
 * manual edits of the recordings' segmentations, so they show in the Segments tab, are saved in the project and
 * go into every export. The listener network trains in the training service (its curves in the Training tab),
 * the RNN-RBM embedding runs on the model thread. JavaFX thread only.
 */
public final class MapTab extends BorderPane {
    private static final String SPECTROGRAM = "Spectrogram (AVGN)";
    private static final String LISTENER = "Listener network (LSTM autoencoder)";
    private static final String RBM = "RNN-RBM hidden means (newest checkpoint)";

    private final WorkbenchView view;
    private final SegmentationService segmentations;
    private final TrainingService training;
    private final AppExecutors executors;
    private final Playback playback;
    private final ReadOnlyObjectProperty<Path> checkpoint;
    private final MapCanvas canvas = new MapCanvas();
    private final MapPlot plot = new MapPlot(canvas);
    private final MapPreview preview = new MapPreview();
    private final ChoiceBox<String> method = new ChoiceBox<>(FXCollections.observableArrayList(SPECTROGRAM, LISTENER,
            RBM));
    private final ChoiceBox<String> projection = new ChoiceBox<>(FXCollections.observableArrayList("UMAP", "t-SNE"));
    private final ChoiceBox<MapColours.By> colourBy = new ChoiceBox<>(FXCollections.observableArrayList(
            MapColours.By.values()));
    private final Spinner<Integer> unit = new Spinner<>(0, 10_000, 0);
    private final TextField labelField = new TextField();
    private final ProgressBar progress = new ProgressBar(0);
    private final Label status = new Label("Compute the map of the open recordings' segments.");
    private final Button compute = new Button("Compute map");
    private final Button cancel = new Button("Cancel");
    private volatile double progressValue;
    private Future<?> running;
    private CallTypeMap map;
    private volatile boolean tsne;
    private List<String> labels = new ArrayList<>();
    private int lastClicked = -1;

    private MapTab(WorkbenchView view, SegmentationService segmentations, TrainingService training,
                   AppExecutors executors, Playback playback, ReadOnlyObjectProperty<Path> checkpoint) {
        this.view = view;
        this.segmentations = segmentations;
        this.training = training;
        this.executors = executors;
        this.playback = playback;
        this.checkpoint = checkpoint;
        setId("mapTab");
        method.setValue(SPECTROGRAM);
        method.setId("mapMethod");
        projection.setValue("UMAP");
        projection.setId("mapProjection");
        colourBy.setValue(MapColours.By.CLUSTER);
        colourBy.setId("mapColourBy");
        unit.setPrefWidth(80);
        labelField.setPromptText("label");
        labelField.setPrefColumnCount(8);
        compute.setId("mapCompute");
        cancel.setDisable(true);
        Button label = new Button("Label selection");
        label.setId("mapLabel");
        Button clustersToLabels = new Button("Clusters → labels");
        Button prime = new Button("Prime Generate");
        Button png = new Button("PNG…");
        FlowPane first = new FlowPane(6, 6, new Label("Embedding"), method, projection, compute, cancel, progress);
        FlowPane second = new FlowPane(6, 6, new Label("Colour by"), colourBy, new Label("unit"), unit,
                new Label("  Label"), labelField, label, clustersToLabels, prime, png);
        VBox top = new VBox(6, first, second);
        top.setStyle("-fx-padding: 6");
        setTop(top);
        setCenter(plot);
        setRight(preview);
        setBottom(new VBox(status));
        status.setStyle("-fx-padding: 4 6 4 6");
        status.setId("mapStatus");
        compute.setOnAction(e -> compute());
        cancel.setOnAction(e -> cancel());
        colourBy.valueProperty().addListener((o, a, b) -> recolour());
        unit.valueProperty().addListener((o, a, b) -> recolour());
        canvas.setOnHover(i -> preview.show(map, labels, i));
        canvas.setOnClick(this::play);
        canvas.setOnSelect(s -> status.setText(count(s) + " segments selected: type a label and press Label selection"));
        label.setOnAction(e -> labelSelection(labelField.getText().trim()));
        clustersToLabels.setOnAction(e -> clustersToLabels());
        prime.setOnAction(e -> primeGenerate());
        png.setOnAction(e -> exportPng());
        Timeline poll = new Timeline(new KeyFrame(Duration.millis(250), e -> progress.setProgress(progressValue)));
        poll.setCycleCount(Timeline.INDEFINITE);
        poll.play();
    }

    /** The tab, for the centre of the workbench. */
    public static Tab tab(WorkbenchView view, SegmentationService segmentations, TrainingService training,
                          AppExecutors executors, Playback playback, ReadOnlyObjectProperty<Path> checkpoint) {
        Tab t = new Tab("Map", new MapTab(view, segmentations, training, executors, playback, checkpoint));
        t.setClosable(false);
        return t;
    }

    /** The map shown, or null. */
    public CallTypeMap map() {
        return map;
    }

    /** Starts computing the map with the chosen embedding. */
    public void compute() {
        List<OpenRecording> open = List.copyOf(view.recordingList().getItems());
        if (open.isEmpty()) {
            status.setText("Open recordings first.");
            return;
        }
        String m = method.getValue();
        Path model = checkpoint.get();
        if (RBM.equals(m) && model == null) {
            status.setText("The RNN-RBM embedding needs a trained model: train one in the Training tab first.");
            return;
        }
        tsne = "t-SNE".equals(projection.getValue());
        busy(true, "Collecting the segments of " + open.size() + " recordings…");
        CompletableFuture<List<SegmentEmbeddings.Item>> items = CompletableFuture.supplyAsync(() -> call(() ->
                MapSources.items(open, segmentations)), executors.compute());
        CompletableFuture<CallTypeMap> result = switch (m) {
            case LISTENER -> items.thenCompose(this::listener);
            case RBM -> items.thenCompose(list -> training.modelThread().submit(() -> CallTypeEmbedder.embed(list,
                    Recording.MEAN_CHANNEL, new CallTypeEmbedder.Request(CallTypeEmbedder.Method.RBM, null, null,
                            model), null, p -> progressValue = 0.5 * p)).thenApply(e -> mapOf(list, e, "rbm")));
            default -> items.thenApply(list -> mapOf(list, call(() -> SegmentEmbeddings.spectrogram(list,
                    Recording.MEAN_CHANNEL, SegmentEmbeddings.SpectrogramParams.DEFAULTS,
                    p -> progressValue = 0.3 * p)), "spectrogram"));
        };
        running = result;
        result.whenComplete((r, e) -> Platform.runLater(() -> finished(r, e)));
    }

    private CompletableFuture<CallTypeMap> listener(List<SegmentEmbeddings.Item> list) {
        Path first = list.isEmpty() ? Path.of(".") : list.get(0).source().recording().path().toAbsolutePath();
        Path runDir = TrainingService.defaultRunDir(first.getParent(), "listener", LocalDateTime.now());
        ListenerJob job = new ListenerJob(list, Recording.MEAN_CHANNEL, ListenerParams.DEFAULTS, runDir);
        Platform.runLater(() -> status.setText("Training the listener network on " + list.size()
                + " segments (curves in the Training tab; checkpoints in " + runDir + ")…"));
        return training.start(job).thenApplyAsync(state -> {
            if (job.embeddings() == null) {
                throw new IllegalStateException("the listener network's training ended " + state.name()
                        .toLowerCase(Locale.ROOT) + " without embeddings");
            }
            return mapOf(list, job.embeddings(), "listener");
        }, executors.compute());
    }

    private CallTypeMap mapOf(List<SegmentEmbeddings.Item> list, float[][] embeddings, String id) {
        ClusterParams params = ClusterParams.DEFAULTS.withProjection(tsne ? ClusterParams.Projection.TSNE
                : ClusterParams.Projection.UMAP);
        return call(() -> CallTypeMap.compute(list, Recording.MEAN_CHANNEL, embeddings, params, id,
                p -> progressValue = 0.3 + 0.7 * p));
    }

    private void finished(CallTypeMap r, Throwable e) {
        busy(false, null);
        if (e != null) {
            Throwable c = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            status.setText(c instanceof java.util.concurrent.CancellationException ? "Cancelled."
                    : "Cannot compute the map: " + c.getMessage());
            return;
        }
        map = r;
        labels = new ArrayList<>(r.items().stream().map(i -> i.segment().label()).toList());
        plot.setProjectionName(tsne ? "t-SNE" : "UMAP");
        plot.setData(r.map(), MapColours.of(r, labels, colourBy.getValue(), unit.getValue()),
                MapColours.legend(r, labels, colourBy.getValue(), unit.getValue()));
        status.setText(String.format(Locale.ROOT, "%d segments (%s embedding): %d clusters, %d noise. Hover to "
                + "preview, click to play, drag a lasso to select.", r.items().size(), r.method(), r.clusterCount(),
                r.noise()));
    }

    private void cancel() {
        if (running != null) {
            running.cancel(true);
        }
        if (LISTENER.equals(method.getValue()) && training.isActive()) {
            training.stop();
        }
    }

    private void busy(boolean on, String text) {
        compute.setDisable(on);
        cancel.setDisable(!on);
        progressValue = 0;
        progress.setProgress(on ? ProgressBar.INDETERMINATE_PROGRESS : 0);
        if (text != null) {
            status.setText(text);
        }
    }

    private void recolour() {
        if (map == null) {
            return;
        }
        if (colourBy.getValue() == MapColours.By.HIDDEN_UNIT && !"rbm".equals(map.method())) {
            status.setText("Colour by hidden unit needs the RNN-RBM embedding (" + RBM + ").");
        }
        plot.setColours(MapColours.of(map, labels, colourBy.getValue(), unit.getValue()),
                MapColours.legend(map, labels, colourBy.getValue(), unit.getValue()));
    }

    private void play(int i) {
        lastClicked = i;
        SegmentEmbeddings.Item it = map.items().get(i);
        try {
            playback.play(it.source().recording(), Recording.MEAN_CHANNEL, it.segment().startFrame(),
                    it.segment().endFrame(), PlaybackParams.NORMAL);
            status.setText("Playing " + MapPreview.describe(map, labels, i));
        } catch (PlaybackUnavailableException | IllegalArgumentException ex) {
            status.setText("Cannot play: " + ex.getMessage());
        }
    }

    /** Labels the lasso's segments with {@code label} (an edit of each recording's segmentation). */
    public void labelSelection(String label) {
        boolean[] s = canvas.selected();
        if (map == null || count(s) == 0) {
            status.setText("Select segments with a lasso first.");
            return;
        }
        int done = relabel(s, i -> label);
        status.setText("Labelled " + done + " segments '" + label + "'.");
    }

    /** Every clustered segment becomes labelled with its cluster ("c0", "c1", …); noise keeps its label. */
    public void clustersToLabels() {
        if (map == null) {
            return;
        }
        boolean[] all = new boolean[map.items().size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = map.clusters()[i] >= 0;
        }
        int done = relabel(all, i -> "c" + map.clusters()[i]);
        status.setText(done + " segments labelled by cluster.");
    }

    private int relabel(boolean[] which, java.util.function.IntFunction<String> label) {
        List<OpenRecording> open = List.copyOf(view.recordingList().getItems());
        java.util.Set<SegmentationSession> touched = new java.util.LinkedHashSet<>();
        int done = 0;
        for (int i = 0; i < which.length; i++) {
            if (!which[i]) {
                continue;
            }
            SegmentEmbeddings.Item it = map.items().get(i);
            SegmentationSession session = MapSources.sessionOf(it.source().id(), open, segmentations);
            if (session == null) {
                continue;
            }
            String l = label.apply(i);
            session.edit(new SegmentEdits.Relabel(it.segment().startFrame(), it.segment().endFrame(), l));
            labels.set(i, l);
            touched.add(session);
            done++;
        }
        touched.forEach(segmentations::syncWithProject);
        recolour();
        return done;
    }

    private void primeGenerate() {
        int i = lastClicked >= 0 ? lastClicked : canvas.hovered();
        if (map == null || i < 0 || map.clusters()[i] < 0) {
            status.setText("Click a segment of a cluster first: its cluster's exemplar will prime the Generate tab.");
            return;
        }
        int exemplar = map.exemplar(map.clusters()[i]);
        SegmentEmbeddings.Item it = map.items().get(exemplar);
        OpenRecording r = MapSources.recordingOf(it.source().id(), view.recordingList().getItems());
        if (r != null) {
            view.showRecording(r);
        }
        view.generatePanel().primeWith(it.index());
        status.setText("The Generate tab is primed with " + MapPreview.describe(map, labels, exemplar)
                + ", the exemplar of cluster " + map.clusters()[i] + ".");
    }

    private void exportPng() {
        if (map == null) {
            return;
        }
        FileChooser fc = new FileChooser();
        fc.setInitialFileName("map.png");
        java.io.File f = fc.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) {
            exportPng(f.toPath());
        }
    }

    /** Writes the map with the current colours as a figure (background, atomic). */
    public CompletableFuture<Void> exportPng(Path file) {
        int[] colours = MapColours.of(map, labels, colourBy.getValue(), unit.getValue());
        String title = map.items().size() + " segments, coloured by " + colourBy.getValue().toString()
                .toLowerCase(Locale.ROOT);
        float[][] points = map.map();
        return CompletableFuture.runAsync(() -> call(() -> {
            String axis = tsne ? "t-SNE" : "UMAP";
            FigureExporter.writePng(file, MapRenderer.figure(points, colours, title, axis + " 1", axis + " 2", 1200,
                    1000, 1), 96);
            return null;
        }), executors.io()).whenComplete((v, e) -> Platform.runLater(() -> status.setText(e == null
                ? "Wrote " + file : "Cannot write " + file + ": " + e.getMessage())));
    }

    private static int count(boolean[] s) {
        int n = 0;
        for (boolean b : s) {
            n += b ? 1 : 0;
        }
        return n;
    }

    @FunctionalInterface
    private interface Work<T> {
        T run() throws Exception;
    }

    private static <T> T call(Work<T> w) {
        try {
            return w.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }
}
