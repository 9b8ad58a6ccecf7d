package org.echoic.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/**
 * The project's questions to the user: save changes before closing (Save / Don't save / Cancel), recover unsaved
 * changes found after a crash, and errors. Each dialog's pane has an id for tests. JavaFX thread only.
 */
final class ProjectDialogs {
    static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.YES);
    static final ButtonType DONT_SAVE = new ButtonType("Don't save", ButtonBar.ButtonData.NO);
    static final ButtonType RECOVER = new ButtonType("Recover", ButtonBar.ButtonData.YES);
    static final ButtonType DISCARD = new ButtonType("Discard", ButtonBar.ButtonData.NO);

    private ProjectDialogs() {
    }

    /** Save / Don't save / Cancel for the unsaved changes of project {@code name}. */
    static Alert saveChanges(Window owner, String name) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "Your changes will be lost if you don't save them.",
                SAVE, DONT_SAVE, ButtonType.CANCEL);
        a.initOwner(owner);
        a.setTitle("Echoic");
        a.setHeaderText("Save the changes to " + name + "?");
        a.getDialogPane().setId("saveChangesDialog");
        return a;
    }

    /** Recover / Discard for a recovery file. */
    static Alert offerRecovery(Window owner, String name, Path recovery) {
        String when;
        try {
            when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault())
                    .format(Files.getLastModifiedTime(recovery).toInstant());
        } catch (java.io.IOException e) {
            when = "an earlier session";
        }
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "Echoic kept unsaved changes to " + name + " from " + when
                + " (" + recovery + "). Recover them? Discarding deletes them.", RECOVER, DISCARD);
        a.initOwner(owner);
        a.setTitle("Echoic");
        a.setHeaderText("Recover unsaved changes?");
        a.getDialogPane().setId("recoveryDialog");
        return a;
    }

    /** A non-blocking error dialog. */
    static void error(Window owner, String header, String message) {
        Alert a = new Alert(Alert.AlertType.ERROR, message);
        a.initOwner(owner);
        a.setTitle("Echoic");
        a.setHeaderText(header);
        a.getDialogPane().setId("projectErrorDialog");
        a.setResizable(true);
        a.show();
    }

    /**
     * A non-blocking warning listing the recordings a project named but was not allowed to open (outside its folder
     * and the allowed folders, or not regular files), one line each with the reason.
     */
    static void skippedRecordings(Window owner, java.util.List<String> lines) {
        Alert a = new Alert(Alert.AlertType.WARNING, String.join("\n", lines)
                + "\n\nThey stay in the project file. To open them, add their folders to recording-folders.txt in the "
                + "settings folder and reopen the project, or open the recordings again in the workbench.");
        a.initOwner(owner);
        a.setTitle("Echoic");
        a.setHeaderText(lines.size() == 1 ? "A recording of the project was skipped"
                : lines.size() + " recordings of the project were skipped");
        a.getDialogPane().setId("skippedRecordingsDialog");
        a.setResizable(true);
        a.show();
    }

    /** The button chosen in {@code a} (shown modally). */
    static Optional<ButtonType> ask(Alert a) {
        return a.showAndWait();
    }
}
