package org.echoic.ui;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;

import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import org.echoic.project.Project;
import org.echoic.project.ProjectRecording;
import org.echoic.project.RecordingProblem;
import org.echoic.service.ProjectService;

/**
 * Lists the recordings of a project that moved or changed and lets the user locate each one: the chosen file's
 * SHA-256 must equal the recorded one; a different file is used only after an explicit "Use the changed file".
 * Entries left as they are stay in the project (never dropped or replaced silently). Hashing runs on the I/O thread.
 * JavaFX thread only.
 */
final class RelinkDialog {
    private final ProjectService projects;
    private final List<ProjectRecording> entries = new ArrayList<>();
    private final List<Boolean> fixed = new ArrayList<>();

    private RelinkDialog(ProjectService projects, Project project, List<RecordingProblem> problems) {
        this.projects = projects;
        entries.addAll(project.recordings());
        for (int i = 0; i < entries.size(); i++) {
            int index = i;
            fixed.add(problems.stream().noneMatch(p -> p.index() == index));
        }
    }

    /** Shows the dialog modally; returns {@code project} with the relinked entries. */
    static Project show(Window owner, ProjectService projects, Project project, List<RecordingProblem> problems) {
        RelinkDialog d = new RelinkDialog(projects, project, problems);
        Alert a = new Alert(Alert.AlertType.WARNING, null, ButtonType.OK);
        a.initOwner(owner);
        a.setTitle("Echoic");
        a.setHeaderText(problems.size() == 1 ? "A recording of the project moved or changed"
                : problems.size() + " recordings of the project moved or changed");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        int row = 0;
        for (RecordingProblem p : problems) {
            Label message = new Label(p.message());
            message.setWrapText(true);
            message.setMaxWidth(520);
            Label state = new Label("not relinked: kept in the project, not opened");
            Button locate = new Button("Locate…");
            locate.setId("relink" + p.index());
            locate.setOnAction(e -> d.locate(a.getDialogPane().getScene().getWindow(), p.index(), state));
            grid.addRow(row++, message, locate);
            grid.add(state, 0, row++);
        }
        a.getDialogPane().setContent(grid);
        a.getDialogPane().setId("relinkDialog");
        a.setResizable(true);
        a.showAndWait();
        return project.withRecordings(d.entries).withView(project.view());
    }

    private void locate(Window owner, int index, Label state) {
        ProjectRecording old = entries.get(index);
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Locate " + old.name());
        if (old.path().getParent() != null && old.path().getParent().toFile().isDirectory()) {
            chooser.setInitialDirectory(old.path().getParent().toFile());
        }
        File f = chooser.showOpenDialog(owner);
        if (f != null) {
            relink(index, f.toPath(), false, state, owner);
        }
    }

    private void relink(int index, java.nio.file.Path file, boolean accept, Label state, Window owner) {
        state.setText("checking " + file.getFileName() + "…");
        ProjectRecording old = entries.get(index);
        projects.relink(old, file, accept).whenComplete((r, err) -> Platform.runLater(() -> {
            if (r != null) {
                entries.set(index, r);
                fixed.set(index, true);
                state.setText("relinked to " + r.path() + (accept ? " (changed file accepted)" : " (same file)"));
                return;
            }
            Throwable cause = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
            if (cause instanceof IllegalArgumentException && !accept) {
                Alert ask = new Alert(Alert.AlertType.CONFIRMATION, cause.getMessage(),
                        new ButtonType("Use the changed file"), ButtonType.CANCEL);
                ask.initOwner(owner);
                ask.getDialogPane().setId("acceptChangedDialog");
                if (ask.showAndWait().filter(b -> b != ButtonType.CANCEL).isPresent()) {
                    relink(index, file, true, state, owner);
                    return;
                }
                state.setText("not relinked: " + file.getFileName() + " is a different file");
            } else {
                state.setText("not relinked: " + cause.getMessage());
            }
        }));
    }
}
