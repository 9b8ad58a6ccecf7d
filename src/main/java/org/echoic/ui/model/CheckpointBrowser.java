package org.echoic.ui.model;

import org.echoic.ui.common.Buttons;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;

import org.echoic.service.InspectionService;

/**
 * The checkpoint browser of the Model tab: choose a run folder, list its checkpoints (the run's and its epoch
 * snapshots) with epochs and costs from their model.json, load one, or follow the newest while training writes
 * them. JavaFX thread only.
 */
public final class CheckpointBrowser extends VBox {
    private final InspectionService service;
    private final Consumer<String> status;
    private final ListView<InspectionService.CheckpointInfo> list = new ListView<>();
    private final Label folderLabel = new Label("No run folder chosen");
    private final CheckBox follow = new CheckBox("Follow newest");
    private Path folder;
    private long listing;

    CheckpointBrowser(InspectionService service, Consumer<String> status) {
        super(6);
        this.service = service;
        this.status = status;
        setId("checkpointBrowser");
        Button choose = Buttons.button("Run folder…", "chooseRunFolder",
                "Choose a training run folder (or a checkpoint folder)");
        choose.setOnAction(e -> {
            DirectoryChooser c = new DirectoryChooser();
            c.setTitle("Training run folder");
            java.io.File f = c.showDialog(getScene() == null ? null : getScene().getWindow());
            if (f != null) {
                browse(f.toPath());
            }
        });
        Button refresh = Buttons.button("Refresh", "refreshCheckpoints", "List the folder's checkpoints again");
        refresh.setOnAction(e -> refresh());
        Button load = Buttons.button("Load", "loadCheckpoint", "Load the chosen checkpoint into the views");
        load.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        load.setOnAction(e -> loadSelected());
        follow.setId("followNewest");
        follow.setTooltip(new Tooltip("Load each new checkpoint of the run folder as training writes it"));
        follow.selectedProperty().addListener((o, a, on) -> {
            if (on && folder != null) {
                service.follow(folder);
            } else {
                service.stopFollowing();
            }
        });
        list.setId("checkpointList");
        list.setPrefHeight(140);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(InspectionService.CheckpointInfo c, boolean empty) {
                super.updateItem(c, empty);
                setText(empty || c == null ? null : describe(c));
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                loadSelected();
            }
        });
        folderLabel.setWrapText(true);
        HBox buttons = new HBox(6, choose, refresh, load);
        getChildren().addAll(new Label("Checkpoints"), buttons, folderLabel, list, follow);
        VBox.setVgrow(list, Priority.SOMETIMES);
    }

    static String describe(InspectionService.CheckpointInfo c) {
        String name = c.dir().getFileName() == null ? c.dir().toString() : c.dir().getFileName().toString();
        String val = Double.isNaN(c.validationCost()) ? "" : String.format(Locale.ROOT, " · val %.4g", c.validationCost());
        String cost = Double.isNaN(c.trainCost()) ? "" : String.format(Locale.ROOT, " · cost %.4g", c.trainCost());
        String best = c.bestEpoch() < 1 ? ""
                : " · best epoch " + c.bestEpoch() + (c.weightsAreBest() ? " (these weights)" : "");
        return String.format(Locale.ROOT, "%s · epoch %d%s%s%s · %d/%d/%d", name, c.epochs(), best, cost, val,
                c.nVisible(), c.nHidden(), c.nRecurrent());
    }

    /**
     * Switches to the run folder of a run that is starting (it may not exist yet) and follows its newest
     * checkpoint; {@link #refresh} lists the checkpoints written since.
     */
    void followRun(Path runFolder) {
        folder = runFolder;
        follow.setSelected(true);
        browse(runFolder);
    }

    /** Lists the current run folder's checkpoints again (e.g. after training wrote one). */
    void refresh() {
        if (folder != null) {
            browse(folder);
        }
    }

    /** Lists the checkpoints of {@code runFolder} and selects the newest. */
    public void browse(Path runFolder) {
        folder = runFolder;
        folderLabel.setText(runFolder.toString());
        if (follow.isSelected()) {
            service.follow(runFolder);
        }
        if (!java.nio.file.Files.exists(runFolder)) {
            listing++;
            list.getItems().clear();
            folderLabel.setText(runFolder + " (no checkpoint yet)");
            return;
        }
        long mine = ++listing;
        service.listCheckpoints(runFolder).whenComplete((items, e) -> Platform.runLater(() -> {
            if (mine != listing) {
                return; // a newer listing was asked for
            }
            if (e != null) {
                Throwable c = e.getCause() != null ? e.getCause() : e;
                status.accept("Cannot list " + runFolder + ": " + c.getMessage());
                list.getItems().clear();
                return;
            }
            list.getItems().setAll(items);
            if (items.isEmpty()) {
                status.accept(runFolder + ": no checkpoints (folders with a model.json)");
            } else {
                list.getSelectionModel().select(items.size() - 1);
            }
        }));
    }

    private void loadSelected() {
        InspectionService.CheckpointInfo c = list.getSelectionModel().getSelectedItem();
        if (c != null) {
            status.accept("Loading " + c.dir() + "…");
            service.load(c.dir());
        }
    }

    /** The listed checkpoints (for tests). */
    /** The run folder shown (null before one is chosen). */
    public Path folder() {
        return folder;
    }

    public ListView<InspectionService.CheckpointInfo> list() {
        return list;
    }
}
