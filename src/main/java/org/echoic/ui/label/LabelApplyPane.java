package org.echoic.ui.label;

import org.echoic.ui.common.Buttons;
import org.echoic.ui.lanes.TimelineModel;
import org.echoic.ui.segmentation.SegmentationState;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;

import org.echoic.io.AnnotationFormat;
import org.echoic.io.LabellerFiles;
import org.echoic.label.CleanUp;
import org.echoic.label.LabelNetwork;
import org.echoic.label.Labeller;
import org.echoic.segment.Annotation;
import org.echoic.segment.SegmentEdits;
import org.echoic.service.LabelApply;
import org.echoic.service.LabelTables;
import org.echoic.service.ModelThread;
import org.echoic.service.OpenRecording;
import org.echoic.service.SegmentationSession;
import org.echoic.service.SegmentationSnapshot;

/**
 * Applying a labeller (the one just trained, or a model folder) to the shown or all open recordings on the model
 * thread: a frame labeller labels every frame and gives segments after TweetyNet's clean-up (a choice); a segment
 * classifier names the segments of each recording's segmentation (the Segments table). The labels go to the label
 * lane; they can be exported as tables (CSV, Raven, Audacity; written on the I/O thread, atomically) and taken into
 * the Segments table, where they can be edited and exported with the segments. JavaFX thread only.
 */
final class LabelApplyPane extends VBox {
    private final ModelThread modelThread;
    private final ExecutorService io;
    private final TimelineModel timeline;
    private final SegmentationState segmentation;
    private final Supplier<List<OpenRecording>> open;
    private final Function<Path, Path> tableBeside;
    private final LabelResults results;
    private final Label model = new Label("No labeller yet: train one above or load a model folder.");
    private final Label summary = new Label();
    private final Label notice = new Label();
    final CheckBox cleanUp = new CheckBox("TweetyNet clean-up: close gaps < 5 ms, drop segments < 20 ms, "
            + "majority label per segment");
    final ChoiceBox<AnnotationFormat> format = new ChoiceBox<>(FXCollections.observableArrayList(
            AnnotationFormat.values()));
    final Button applyShown = Buttons.button("Apply to shown", "applyLabellerShown",
            "Label the recording shown in the lanes");
    final Button applyAll = Buttons.button("Apply to all open", "applyLabellerAll", "Label every open recording");
    final Button exportShown = Buttons.button("Export shown…", "exportLabelsShown",
            "Write the shown recording's labels as a table");
    final Button exportAll = Buttons.button("Export all…", "exportLabelsAll",
            "Write one table per labelled recording into a folder");
    final Button accept = Buttons.button("Use as segments", "acceptLabels",
            "Replace the shown recording's segments by the labelled ones (undo steps back)");
    private Labeller labeller;
    private String modelName = "";

    LabelApplyPane(ModelThread modelThread, ExecutorService io, TimelineModel timeline, SegmentationState segmentation,
                   Supplier<List<OpenRecording>> open, Function<Path, Path> tableBeside, LabelResults results) {
        super(6);
        this.modelThread = modelThread;
        this.io = io;
        this.timeline = timeline;
        this.segmentation = segmentation;
        this.open = open;
        this.tableBeside = tableBeside;
        this.results = results;
        setId("labelApplyPane");
        model.setId("labelModel");
        model.setWrapText(true);
        summary.setId("labelSummary");
        summary.setWrapText(true);
        notice.setId("labelApplyNotice");
        notice.setWrapText(true);
        cleanUp.setId("labelCleanUp");
        cleanUp.setSelected(true);
        format.setId("labelFormat");
        format.setValue(AnnotationFormat.CSV);
        format.setConverter(LabelView.converter(f -> switch (f) {
            case CSV -> "CSV (onset_s, offset_s, label, confidence)";
            case RAVEN -> "Raven selection table";
            case AUDACITY -> "Audacity labels";
        }));
        Button load = Buttons.button("Load model…", "loadLabeller", "Use a labeller's model folder (annotate/classify train --out)");
        load.setOnAction(e -> chooseModel());
        applyShown.setOnAction(e -> {
            OpenRecording r = timeline.recordingProperty().get();
            apply(r == null ? List.of() : List.of(r));
        });
        applyAll.setOnAction(e -> apply(open.get()));
        exportShown.setOnAction(e -> chooseExportShown());
        exportAll.setOnAction(e -> chooseExportAll());
        accept.setOnAction(e -> acceptShown());
        getChildren().addAll(model, load, cleanUp, new FlowPane(6, 4, applyShown, applyAll),
                summary, new FlowPane(6, 4, new Label("Format"), format, exportShown, exportAll, accept), notice);
        updateButtons();
    }

    /** Uses {@code l} (on the model thread only), described as {@code name}. */
    void setLabeller(Labeller l, String name) {
        labeller = l;
        modelName = name;
        model.setText("Labeller: " + name + " — " + l.network().cliName() + ", "
                + (l.task() == LabelNetwork.Task.FRAMES ? "frame labeller" : "segment classifier") + ", classes "
                + String.join(", ", l.classes()) + ", " + (long) l.sampleRateHz() + " Hz");
        updateButtons();
    }

    String notice() {
        return notice.getText();
    }

    String summary() {
        return summary.getText();
    }

    private void updateButtons() {
        applyShown.setDisable(labeller == null);
        applyAll.setDisable(labeller == null);
    }

    private void chooseModel() {
        DirectoryChooser d = new DirectoryChooser();
        d.setTitle("Labeller model folder");
        File f = d.showDialog(getScene().getWindow());
        if (f != null) {
            loadModel(f.toPath());
        }
    }

    /** Loads the model folder {@code dir} on the model thread. */
    CompletableFuture<Void> loadModel(Path dir) {
        return modelThread.submit(() -> LabellerFiles.load(dir)).handle((loaded, err) -> {
            Platform.runLater(() -> {
                if (err != null) {
                    notice.setText("Cannot load: " + cause(err).getMessage());
                } else {
                    setLabeller(loaded.labeller(), dir.toString());
                }
            });
            return null;
        });
    }

    /** Labels {@code recordings} on the model thread; the future completes on the JavaFX thread when all are shown. */
    CompletableFuture<Void> apply(List<OpenRecording> recordings) {
        Labeller l = labeller;
        if (l == null || recordings.isEmpty()) {
            notice.setText(l == null ? "Train or load a labeller first" : "Open a recording first");
            return CompletableFuture.completedFuture(null);
        }
        CleanUp c = cleanUp.isSelected() ? CleanUp.DEFAULT : CleanUp.NONE;
        Map<OpenRecording, List<Annotation>> given = new LinkedHashMap<>();
        if (l.task() == LabelNetwork.Task.SEGMENTS) {
            for (OpenRecording r : recordings) {
                given.put(r, segmentsOf(r));
            }
        }
        String name = modelName;
        notice.setText("Labelling " + recordings.size() + " recording(s)…");
        List<String> problems = new ArrayList<>();
        CompletableFuture<Void> all = CompletableFuture.completedFuture(null);
        for (OpenRecording r : recordings) {
            all = all.thenCompose(v -> modelThread.submit(() -> l.task() == LabelNetwork.Task.FRAMES
                    ? LabelApply.frames(l, r.recording(), r.name(), c).segments()
                    : LabelApply.classify(l, r.recording().path(), segmentsOrTable(r, given.get(r))))
                    .handle((rows, err) -> {
                        Platform.runLater(() -> {
                            if (err != null) {
                                problems.add(cause(err).getMessage());
                            } else {
                                results.put(r.recording().path(), new LabelResults.Labelled(rows, name, l.classes(),
                                        r.recording().sampleRateHz()));
                            }
                        });
                        return null;
                    }));
        }
        CompletableFuture<Void> shown = new CompletableFuture<>();
        all.whenComplete((v, e) -> Platform.runLater(() -> {
            notice.setText(problems.isEmpty() ? "" : String.join("\n", problems));
            showSummary();
            shown.complete(null);
        }));
        return shown;
    }

    /** The segments of the recording's segmentation (the Segments table), if it has one yet. */
    private List<Annotation> segmentsOf(OpenRecording r) {
        SegmentationSession s = segmentation.service().session(r);
        SegmentationSnapshot snap = s == null ? null : s.snapshot();
        List<Annotation> rows = new ArrayList<>();
        if (snap != null) {
            for (SegmentEdits.Item it : snap.segments()) {
                rows.add(Annotation.of(it.segment(), r.recording().sampleRateHz()));
            }
        }
        return rows;
    }

    /** {@code segments}, or when there are none the rows of the table beside {@code r} (model thread: file I/O). */
    private List<Annotation> segmentsOrTable(OpenRecording r, List<Annotation> segments) throws IOException {
        Path table = segments.isEmpty() ? tableBeside.apply(r.recording().path()) : null;
        return table == null ? segments : AnnotationFormat.readAny(table);
    }

    /** Shows the shown recording's labels: how many of each class. */
    void showSummary() {
        OpenRecording r = timeline.recordingProperty().get();
        LabelResults.Labelled l = r == null ? null : results.of(r.recording().path());
        if (l == null) {
            summary.setText(r == null ? "" : r.name() + ": not labelled yet");
            return;
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        l.classes().forEach(c -> counts.put(c, 0));
        l.segments().forEach(a -> counts.merge(a.label(), 1, Integer::sum));
        StringBuilder b = new StringBuilder(r.name() + ": " + l.segments().size() + " labelled segments (");
        counts.forEach((k, v) -> {
            if (v > 0) {
                b.append(k).append(' ').append(v).append(", ");
            }
        });
        summary.setText(b.toString().replaceFirst(", $", "") + ") by " + l.model());
    }

    private void chooseExportShown() {
        OpenRecording r = timeline.recordingProperty().get();
        if (r == null || results.of(r.recording().path()) == null) {
            notice.setText("Apply a labeller to the shown recording first");
            return;
        }
        FileChooser c = new FileChooser();
        c.setTitle("Export labels");
        Path def = LabelTables.path(Path.of("."), r.recording().path(), format.getValue());
        c.setInitialFileName(def.getFileName().toString());
        File f = c.showSaveDialog(getScene().getWindow());
        if (f != null) {
            export(Map.of(r, f.toPath()));
        }
    }

    private void chooseExportAll() {
        DirectoryChooser d = new DirectoryChooser();
        d.setTitle("Folder for the label tables");
        File f = d.showDialog(getScene().getWindow());
        if (f != null) {
            exportAllTo(f.toPath());
        }
    }

    /** Writes one table per labelled open recording into {@code folder}. */
    CompletableFuture<Void> exportAllTo(Path folder) {
        Map<OpenRecording, Path> targets = new LinkedHashMap<>();
        for (OpenRecording r : open.get()) {
            if (results.of(r.recording().path()) != null) {
                targets.put(r, LabelTables.path(folder, r.recording().path(), format.getValue()));
            }
        }
        return export(targets);
    }

    /** Writes the labels of each recording to its target on the I/O thread. */
    CompletableFuture<Void> export(Map<OpenRecording, Path> targets) {
        AnnotationFormat fmt = format.getValue();
        Map<Path, LabelResults.Labelled> rows = new LinkedHashMap<>();
        Map<Path, Path> recording = new LinkedHashMap<>();
        targets.forEach((r, t) -> {
            rows.put(t, results.of(r.recording().path()));
            recording.put(t, r.recording().path());
        });
        return CompletableFuture.runAsync(() -> {
            List<String> done = new ArrayList<>();
            String msg;
            try {
                for (Map.Entry<Path, LabelResults.Labelled> e : rows.entrySet()) {
                    LabelTables.write(e.getKey(), tableBeside.apply(recording.get(e.getKey())),
                            e.getValue().segments(), fmt,
                            e.getValue().sampleRateHz() / 2);
                    done.add(e.getKey().getFileName().toString());
                }
                msg = done.isEmpty() ? "Nothing to export" : "Written: " + String.join(", ", done);
            } catch (IOException | RuntimeException ex) {
                msg = "Export failed: " + ex.getMessage();
            }
            String m = msg;
            Platform.runLater(() -> notice.setText(m));
        }, io);
    }

    /** Replaces the shown recording's segments by its labels (as manual edits of its segmentation). */
    void acceptShown() {
        OpenRecording r = timeline.recordingProperty().get();
        LabelResults.Labelled l = r == null ? null : results.of(r.recording().path());
        SegmentationSession s = segmentation.session();
        SegmentationSnapshot snap = segmentation.snapshot();
        if (l == null || s == null || snap == null) {
            notice.setText("Apply a labeller to the shown recording first (and wait for its segmentation)");
            return;
        }
        s.restoreEdits(LabelApply.replacingEdits(s.edits(), snap.segments(), l.segments(), l.sampleRateHz()));
        notice.setText(l.segments().size() + " labelled segments are now the Segments table's (undo steps back)");
    }

    private static Throwable cause(Throwable t) {
        return t instanceof java.util.concurrent.CompletionException && t.getCause() != null ? t.getCause() : t;
    }
}
