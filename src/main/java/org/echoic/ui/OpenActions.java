package org.echoic.ui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import org.echoic.service.RecentFiles;
import org.echoic.service.RecordingService;

/**
 * The ways to open recordings: the File menu (Open files…, Open folder…, Open recent, Quit), drag and drop of files
 * and folders onto the window, and the error dialog for files that could not be opened (one dialog per open action,
 * listing every bad file). JavaFX thread only.
 */
final class OpenActions {
    private final Consumer<List<Path>> open;
    private final RecentFiles recent;

    /** @param open opens the given files and folders (the workbench's open action) */
    OpenActions(Consumer<List<Path>> open, RecentFiles recent) {
        this.open = open;
        this.recent = recent;
    }

    /** The File menu; {@code quit} runs on File ▸ Quit. */
    Menu fileMenu(Runnable quit) {
        MenuItem files = new MenuItem("Open files…");
        files.setId("openFiles");
        files.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        files.setOnAction(e -> chooseFiles(owner(files)));
        MenuItem folder = new MenuItem("Open folder…");
        folder.setId("openFolder");
        folder.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+O"));
        folder.setOnAction(e -> chooseFolder(owner(folder)));
        Menu recentMenu = new Menu("Open recent");
        recentMenu.setId("openRecent");
        recentMenu.getItems().add(new MenuItem());
        recentMenu.setOnShowing(e -> fillRecent(recentMenu));
        fillRecent(recentMenu);
        MenuItem quitItem = new MenuItem("Quit");
        quitItem.setId("quit");
        quitItem.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quitItem.setOnAction(e -> quit.run());
        Menu menu = new Menu("File");
        menu.getItems().addAll(files, folder, recentMenu, new SeparatorMenuItem(), quitItem);
        return menu;
    }

    private static Window owner(MenuItem item) {
        return item.getParentPopup() == null ? null : item.getParentPopup().getOwnerWindow();
    }

    private void fillRecent(Menu menu) {
        menu.getItems().clear();
        List<Path> paths = recent.list();
        if (paths.isEmpty()) {
            MenuItem none = new MenuItem("(none)");
            none.setDisable(true);
            menu.getItems().add(none);
        }
        for (Path p : paths) {
            MenuItem item = new MenuItem(p.toString());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> open.accept(List.of(p)));
            menu.getItems().add(item);
        }
    }

    private void chooseFiles(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open recordings");
        List<String> patterns = RecordingService.AUDIO_EXTENSIONS.stream().sorted().map(x -> "*." + x).toList();
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Audio files", patterns),
                new FileChooser.ExtensionFilter("All files", "*"));
        initialDirectory().ifPresent(chooser::setInitialDirectory);
        List<File> files = chooser.showOpenMultipleDialog(owner);
        if (files != null && !files.isEmpty()) {
            open.accept(files.stream().map(File::toPath).toList());
        }
    }

    private void chooseFolder(Window owner) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open all recordings in a folder");
        initialDirectory().ifPresent(chooser::setInitialDirectory);
        File dir = chooser.showDialog(owner);
        if (dir != null) {
            open.accept(List.of(dir.toPath()));
        }
    }

    private java.util.Optional<File> initialDirectory() {
        return recent.list().stream().map(p -> Files.isDirectory(p) ? p : p.getParent())
                .filter(p -> p != null && Files.isDirectory(p)).map(Path::toFile).findFirst();
    }

    /** Accepts files and folders dropped anywhere on {@code scene}. */
    void installDragAndDrop(Scene scene) {
        scene.addEventHandler(DragEvent.DRAG_OVER, e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY_OR_MOVE);
                e.consume();
            }
        });
        scene.addEventHandler(DragEvent.DRAG_DROPPED, e -> {
            boolean ok = e.getDragboard().hasFiles();
            if (ok) {
                open.accept(e.getDragboard().getFiles().stream().map(File::toPath).toList());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    /** Shows one non-blocking error dialog listing every file of an open action that could not be opened. */
    static Alert showErrors(Window owner, List<String> errors) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(owner);
        alert.setTitle("Echoic");
        alert.setHeaderText(errors.size() == 1 ? "Could not open a recording" : "Could not open " + errors.size() + " recordings");
        alert.setContentText(String.join("\n", errors));
        alert.getDialogPane().setId("openErrorDialog");
        alert.setResizable(true);
        alert.show();
        return alert;
    }
}
