package org.echoic.ui.label;

import org.echoic.ui.common.Buttons;
import org.echoic.ui.common.Converters;
import org.echoic.ui.lanes.TimelineModel;
import org.echoic.ui.segmentation.SegmentationState;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;

import org.echoic.io.AnnotationFormat;
import org.echoic.label.FrameLabels;
import org.echoic.segment.Annotation;
import org.echoic.service.LabelData;
import org.echoic.service.LabelTrainingJob;
import org.echoic.service.OpenRecording;
import org.echoic.service.SegmentTables;
import org.echoic.service.TrainingService;

/**
 * The Labelling view (issue 16): the training material (the open recordings with annotation tables, from the project
 * or beside them), training a frame labeller or segment classifier with live curves ({@link LabelTrainPane}), the
 * confusion matrix of the result ({@link ConfusionPane}), and applying it as a label lane with exports
 * ({@link LabelApplyPane}). A 4 Hz timeline polls the run. The tables are looked up on the I/O thread. JavaFX thread
 * only.
 */
public final class LabelView extends ScrollPane {
    static final double POLL_SECONDS = 0.25;

    private final ObservableList<OpenRecording> open;
    private final ExecutorService io;
    private final Function<Path, Path> tableOf;
    private final Label material = new Label("No open recording.");
    private final LabelTrainPane trainPane;
    private final ConfusionPane confusion = new ConfusionPane();
    private final LabelApplyPane applyPane;
    private final Timeline poll;
    private volatile List<LabelData.Source> sources = List.of();

    /**
     * @param tableOf the annotation table of a recording (the project's, else one beside it), or null; called on
     *                background threads
     */
    public LabelView(TrainingService service, ExecutorService io, TimelineModel timeline, SegmentationState segmentation,
                     ObservableList<OpenRecording> open, Function<Path, Path> tableOf, LabelResults results) {
        this.open = open;
        this.io = io;
        this.tableOf = tableOf;
        setId("labelView");
        material.setId("labelMaterial");
        material.setWrapText(true);
        trainPane = new LabelTrainPane(service, () -> sources, this::trained);
        applyPane = new LabelApplyPane(service.modelThread(), io, timeline, segmentation, () -> List.copyOf(open),
                tableOf, results);
        Button refresh = Buttons.button("Look again", "refreshLabelMaterial", "Look for the recordings' tables again");
        refresh.setOnAction(e -> refreshMaterial());
        TitledPane data = new TitledPane("Training material", new VBox(4, material, new HBox(refresh)));
        TitledPane train = new TitledPane("Train a labeller", trainPane);
        TitledPane matrix = new TitledPane("Confusion matrix", confusion);
        TitledPane apply = new TitledPane("Apply and export", applyPane);
        VBox content = new VBox(4, data, train, matrix, apply);
        setContent(content);
        setFitToWidth(true);
        open.addListener((javafx.collections.ListChangeListener<OpenRecording>) c -> refreshMaterial());
        timeline.recordingProperty().addListener((o, a, b) -> applyPane.showSummary());
        results.byRecording().addListener((javafx.collections.MapChangeListener<Object, Object>) c ->
                applyPane.showSummary());
        poll = new Timeline(new KeyFrame(Duration.seconds(POLL_SECONDS), e -> trainPane.poll()));
        poll.setCycleCount(Timeline.INDEFINITE);
        poll.play();
        refreshMaterial();
    }

    static <T> StringConverter<T> converter(Function<T, String> text) {
        return Converters.showing(text);
    }

    /** Sets a label's text only when it changed (no layout pass for an unchanged status). */
    static void setText(Label l, String text) {
        if (!text.equals(l.getText())) {
            l.setText(text);
        }
    }

    LabelTrainPane trainPane() {
        return trainPane;
    }

    ConfusionPane confusion() {
        return confusion;
    }

    LabelApplyPane applyPane() {
        return applyPane;
    }

    /** The training material found last. */
    List<LabelData.Source> sources() {
        return sources;
    }

    /** Looks up the open recordings' tables on the I/O thread and shows what was found. */
    CompletableFuture<Void> refreshMaterial() {
        List<Path> recordings = open.stream().map(r -> r.recording().path()).toList();
        try {
            return CompletableFuture.supplyAsync(() -> describe(recordings), io).thenAccept(found ->
                    Platform.runLater(() -> {
                        sources = found.sources();
                        material.setText(found.text());
                    }));
        } catch (RejectedExecutionException e) {
            return CompletableFuture.completedFuture(null);
        }
    }

    private record Found(List<LabelData.Source> sources, String text) {
    }

    private Found describe(List<Path> recordings) {
        List<LabelData.Source> out = new ArrayList<>();
        List<String> without = new ArrayList<>();
        TreeSet<String> labels = new TreeSet<>();
        long rows = 0;
        List<String> problems = new ArrayList<>();
        for (Path p : recordings) {
            Path table = tableOf.apply(p);
            if (table == null) {
                without.add(p.getFileName().toString());
                continue;
            }
            try {
                List<Annotation> read = AnnotationFormat.readAny(table);
                rows += read.size();
                read.forEach(a -> labels.add(FrameLabels.className(a)));
                out.add(new LabelData.Source(p, table));
            } catch (IOException | RuntimeException e) {
                problems.add(e.getMessage());
            }
        }
        if (recordings.isEmpty()) {
            return new Found(out, "No open recording: open annotated recordings (a table beside each: "
                    + SegmentTables.LOOKED_FOR + ").");
        }
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%d of %d open recordings have a table "
                + "(%d rows; labels: %s).", out.size(), recordings.size(), rows, labels.isEmpty() ? "none"
                : String.join(", ", labels)));
        for (LabelData.Source s : out) {
            b.append("\n  ").append(s.recording().getFileName()).append(" — ").append(s.table().getFileName());
        }
        if (!without.isEmpty()) {
            b.append("\nWithout a table (not used): ").append(String.join(", ", without));
        }
        problems.forEach(p -> b.append("\nUnreadable: ").append(p));
        return new Found(out, b.toString());
    }

    private void trained(LabelTrainingJob job, Path dir) {
        LabelTrainingJob.Result r = job.result();
        confusion.show(r.confusion(), r.confusionOn());
        applyPane.setLabeller(r.labeller(), dir.toString());
        trainPane.setNotice(r.bestEpoch() < 0 ? "Stopped before the first epoch ended: the weights so far are saved"
                : "");
    }

    /** The annotation table of {@code recording}: the first existing project table, else one beside it. */
    public static Path tableOf(Path recording, List<Path> projectTables) {
        for (Path t : projectTables) {
            if (Files.isRegularFile(t)) {
                return t;
            }
        }
        return SegmentTables.besides(recording).orElse(null);
    }

    /** Stops the poll timer. */
    public void dispose() {
        poll.stop();
    }
}
