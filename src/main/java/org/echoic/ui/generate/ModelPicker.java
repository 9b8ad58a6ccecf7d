package org.echoic.ui.generate;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Tooltip;
import javafx.stage.DirectoryChooser;

import org.echoic.project.TrainingRunEntry;

/**
 * The Generate tab's model drop-down: the project's training runs (name, epochs, folder), the Training tab's
 * current run (its latest checkpoint) and "Folder…" (a chooser). Picking one hands its checkpoint folder and run
 * name (null for a plain folder) to the listener. The list is rebuilt each time it opens. JavaFX thread only.
 */
final class ModelPicker extends ComboBox<ModelPicker.Choice> {
    /**
     * One entry.
     *
     * @param label  what the list shows
     * @param folder the checkpoint folder, or null for "Folder…"
     * @param run    the project's run name, or null
     */
    record Choice(String label, Path folder, String run) {
        @Override
        public String toString() {
            return label;
        }
    }

    static final Choice FOLDER = new Choice("Folder…", null, null);

    private Supplier<List<TrainingRunEntry>> runs = List::of;
    private ObservableValue<Path> latest;
    private final BiConsumer<Path, String> onPick;
    private boolean refreshing;

    /** @param onPick receives the chosen checkpoint folder and run name (null when not a project run) */
    ModelPicker(BiConsumer<Path, String> onPick) {
        this.onPick = onPick;
        setId("modelChoice");
        setPromptText("Choose a model…");
        setTooltip(new Tooltip("A training run of the project, the Training tab's current run, or a checkpoint folder"));
        setMaxWidth(Double.MAX_VALUE);
        refresh();
        setOnShowing(e -> refresh());
        setOnAction(e -> picked(getValue()));
    }

    /** The project's training runs and the Training tab's latest checkpoint (either may give nothing). */
    void link(Supplier<List<TrainingRunEntry>> runs, ObservableValue<Path> latest) {
        this.runs = runs;
        this.latest = latest;
        refresh();
    }

    /** Rebuilds the list (keeps the selection's text). */
    void refresh() {
        List<Choice> out = new ArrayList<>();
        List<TrainingRunEntry> all = runs.get();
        Path current = latest == null ? null : latest.getValue();
        if (current != null) {
            out.add(new Choice("Current training run · " + current.getFileName(), current, runOf(current)));
        }
        for (TrainingRunEntry r : all) {
            out.add(new Choice(String.format(Locale.ROOT, "%s · %d epochs · %s", r.name(), r.epochs(), r.folder()),
                    r.folder(), r.name()));
        }
        out.add(FOLDER);
        Choice was = getValue();
        refreshing = true;
        try {
            getItems().setAll(FXCollections.observableArrayList(out));
            if (was != null && out.contains(was)) {
                getSelectionModel().select(was);
            }
        } finally {
            refreshing = false;
        }
    }

    /** The project run whose checkpoint folder is {@code folder}, or null. */
    String runOf(Path folder) {
        Path f = folder.toAbsolutePath().normalize();
        return runs.get().stream().filter(r -> r.folder().equals(f)).map(TrainingRunEntry::name).findFirst()
                .orElse(null);
    }

    private void picked(Choice c) {
        if (c == null || refreshing) {
            return;
        }
        if (c.folder() != null) {
            onPick.accept(c.folder(), c.run());
            return;
        }
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Choose a model checkpoint folder");
        File f = chooser.showDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) {
            onPick.accept(f.toPath(), runOf(f.toPath()));
        }
    }
}
