package org.echoic.ui;

import org.echoic.ui.lanes.TimelineModel;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.util.Duration;

import org.echoic.project.Project;
import org.echoic.project.ProjectRecording;
import org.echoic.project.RecordingProblem;
import org.echoic.project.ViewState;
import org.echoic.render.Viewport;
import org.echoic.service.OpenRecording;
import org.echoic.service.ProjectService;

/**
 * Projects in the workbench: File ▸ New project, Open project…, Save (Ctrl+S), Save As…, Recent projects; the window
 * title ({@code name* — Echoic} while there are unsaved changes); the Save / Don't save / Cancel question before
 * closing; the recovery offer; the relink dialog; and the binding that keeps {@link ProjectService}'s state in step
 * with the workbench (open recordings, shown recording, channel, visible range). JavaFX thread only.
 */
public final class ProjectController {
    private final Stage stage;
    private final WorkbenchView view;
    private final ProjectService projects;
    private boolean restoring;

    private ProjectController(Stage stage, WorkbenchView view, ProjectService projects) {
        this.stage = stage;
        this.view = view;
        this.projects = projects;
    }

    /** Adds the project menu items, title, close confirmation and state binding to a workbench window. */
    public static ProjectController install(Stage stage, WorkbenchView view, ProjectService projects) {
        ProjectController c = new ProjectController(stage, view, projects);
        c.addMenuItems(view.fileMenu());
        c.bind();
        view.setOnQuit(() -> c.closeThen(Platform::exit));
        stage.setOnCloseRequest(e -> {
            e.consume();
            c.closeThen(() -> {
                stage.hide();
                Platform.exit();
            });
        });
        Timeline title = new Timeline();
        title.getKeyFrames().add(new KeyFrame(Duration.millis(250), e -> {
            if (stage.getScene() == null || stage.getScene().getRoot() != view) {
                title.stop();
            } else {
                c.updateTitle();
            }
        }));
        title.setCycleCount(Timeline.INDEFINITE);
        title.play();
        c.updateTitle();
        return c;
    }

    /** The window title: the project's name, {@code *} when dirty. */
    String title() {
        return projects.displayName() + (projects.isDirty() ? "*" : "") + " — Echoic";
    }

    private void updateTitle() {
        String t = title();
        if (!t.equals(stage.getTitle())) {
            stage.setTitle(t);
        }
    }

    private void addMenuItems(Menu file) {
        MenuItem newProject = item("New project", "newProject", null, () -> closeThen(this::newProject));
        MenuItem open = item("Open project…", "openProject", "Shortcut+Shift+P", this::chooseProject);
        Menu recent = new Menu("Recent projects");
        recent.setId("recentProjects");
        recent.getItems().add(new MenuItem());
        recent.setOnShowing(e -> fillRecent(recent));
        fillRecent(recent);
        MenuItem save = item("Save", "saveProject", "Shortcut+S", this::save);
        MenuItem saveAs = item("Save As…", "saveProjectAs", "Shortcut+Shift+S", this::saveAs);
        MenuItem reproduce = item("Reproduce…", "reproduceProject", null,
                () -> ReproduceAction.run(stage, projects));
        file.getItems().addAll(0, List.of(newProject, open, recent, save, saveAs, reproduce, new SeparatorMenuItem()));
    }

    private static MenuItem item(String text, String id, String keys, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setId(id);
        if (keys != null) {
            m.setAccelerator(KeyCombination.keyCombination(keys));
        }
        m.setOnAction(e -> action.run());
        return m;
    }

    private void fillRecent(Menu menu) {
        menu.getItems().clear();
        List<Path> paths = projects.recentProjects().list();
        if (paths.isEmpty()) {
            MenuItem none = new MenuItem("(none)");
            none.setDisable(true);
            menu.getItems().add(none);
        }
        for (Path p : paths) {
            MenuItem m = new MenuItem(p.toString());
            m.setMnemonicParsing(false);
            m.setOnAction(e -> closeThen(() -> openProject(p)));
            menu.getItems().add(m);
        }
    }

    private void bind() {
        view.recordingList().getItems().addListener((ListChangeListener<OpenRecording>) change -> {
            while (change.next()) {
                for (OpenRecording r : change.getAddedSubList()) {
                    if (!restoring) {
                        projects.update(p -> p.withRecordingAdded(ProjectRecording.of(r.recording().path(),
                                r.recording().sampleRateHz(), r.recording().channels())));
                    }
                }
            }
        });
        TimelineModel m = view.model();
        m.recordingProperty().addListener((o, a, b) -> syncView());
        m.viewportProperty().addListener((o, a, b) -> syncView());
        m.channelProperty().addListener((o, a, b) -> syncView());
    }

    private void syncView() {
        if (restoring) {
            return;
        }
        TimelineModel m = view.model();
        OpenRecording r = m.recordingProperty().get();
        ViewState v = r == null ? ViewState.NONE
                : new ViewState(Math.max(-1, projects.project().indexOf(r.recording().path())),
                Math.max(0, m.viewport().startFrame()), Math.max(0, m.viewport().endFrame()), m.channelProperty().get());
        projects.update(p -> v.selectedRecording() < p.recordings().size() ? p.withView(v) : p);
    }

    /** Runs {@code then} when there are no unsaved changes, or after Save / Don't save; not after Cancel. */
    public void closeThen(Runnable then) {
        if (!projects.isDirty()) {
            then.run();
            return;
        }
        Optional<ButtonType> answer = ProjectDialogs.ask(ProjectDialogs.saveChanges(stage, projects.displayName()));
        if (answer.isEmpty() || answer.get() == ButtonType.CANCEL) {
            return;
        }
        if (answer.get() == ProjectDialogs.DONT_SAVE) {
            projects.discardRecovery();
            then.run();
            return;
        }
        save().thenAccept(ok -> {
            if (ok) {
                then.run();
            }
        });
    }

    private void newProject() {
        restoring = true;
        view.closeAllRecordings();
        restoring = false;
        projects.newProject();
        view.statusBar().setMessage("New project");
    }

    private void chooseProject() {
        closeThen(() -> {
            FileChooser chooser = chooser("Open project");
            File f = chooser.showOpenDialog(stage);
            if (f != null) {
                openProject(f.toPath());
            }
        });
    }

    /**
     * Opens {@code file} (offering its recovery file when one is newer), lets the user relink moved recordings and
     * restores the workbench. The future completes on the JavaFX thread when the project is shown.
     */
    public CompletableFuture<Void> openProject(Path file) {
        Path read = file;
        boolean recovered = false;
        Optional<Path> recovery = projects.recoveryFor(file);
        if (recovery.isPresent()) {
            Optional<ButtonType> answer = ProjectDialogs.ask(ProjectDialogs.offerRecovery(stage,
                    file.getFileName().toString(), recovery.get()));
            if (answer.isPresent() && answer.get() == ProjectDialogs.RECOVER) {
                read = recovery.get();
                recovered = true;
            } else {
                deleteQuietly(recovery.get());
            }
        }
        boolean dirty = recovered;
        view.statusBar().setMessage("Opening project " + file.getFileName() + "…");
        CompletableFuture<Void> shown = new CompletableFuture<>();
        projects.load(read).whenComplete((loaded, err) -> Platform.runLater(() -> {
            if (err != null) {
                Throwable cause = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
                ProjectDialogs.error(stage, "Could not open the project", cause.getMessage());
                view.statusBar().setMessage("Project not opened");
                shown.complete(null);
                return;
            }
            Project p = loaded.project();
            if (!loaded.problems().isEmpty()) {
                Project relinked = RelinkDialog.show(stage, projects, p, loaded.problems());
                restore(relinked, file, dirty || !relinked.equals(p), problemPaths(relinked, loaded.problems()))
                        .thenRun(() -> shown.complete(null));
            } else {
                restore(p, file, dirty, List.of()).thenRun(() -> shown.complete(null));
            }
            loaded.notes().forEach(view.statusBar()::setNotice);
            if (!loaded.skipped().isEmpty()) {
                view.statusBar().setNotice(loaded.skipped().size() + " recording(s) of the project skipped: outside "
                        + "its folder and the allowed folders");
                ProjectDialogs.skippedRecordings(stage, loaded.skipped());
            }
        }));
        return shown;
    }

    /** The entries still pointing at their problem files after relinking (not opened). */
    private static List<Path> problemPaths(Project relinked, List<RecordingProblem> problems) {
        List<Path> out = new ArrayList<>();
        for (RecordingProblem p : problems) {
            ProjectRecording now = relinked.recordings().get(p.index());
            if (now.equals(p.recording())) {
                out.add(now.path());
            }
        }
        return out;
    }

    private CompletableFuture<Void> restore(Project p, Path file, boolean dirty, List<Path> skip) {
        restoring = true;
        view.closeAllRecordings();
        List<Path> paths = p.recordings().stream().map(ProjectRecording::path)
                .filter(x -> !skip.contains(x) && Files.isRegularFile(x)).toList();
        return view.open(paths).thenAccept(outcome -> {
            ViewState v = p.view();
            if (v.selectedRecording() >= 0) {
                Path selected = p.recordings().get(v.selectedRecording()).path();
                view.recordingList().getItems().stream()
                        .filter(r -> r.recording().path().toAbsolutePath().normalize().equals(selected))
                        .findFirst().ifPresent(r -> {
                            view.showRecording(r);
                            view.showChannel(v.channel());
                            if (v.hasRange()) {
                                Viewport vp = view.model().viewport();
                                view.model().setViewport(vp.showRange(v.startFrame(), v.endFrame()));
                            }
                        });
            }
            restoring = false;
            projects.adopt(p, file, dirty);
            view.statusBar().setMessage("Opened project " + projects.displayName());
        });
    }

    /** Saves (Save As for an untitled project); the future tells whether it was saved, on the JavaFX thread. */
    public CompletableFuture<Boolean> save() {
        Optional<Path> f = projects.file();
        return f.isPresent() ? saveTo(f.get()) : saveAs();
    }

    private CompletableFuture<Boolean> saveAs() {
        FileChooser chooser = chooser("Save project as");
        chooser.setInitialFileName(projects.displayName() + ProjectService.EXTENSION);
        File f = chooser.showSaveDialog(stage);
        if (f == null) {
            return CompletableFuture.completedFuture(false);
        }
        String name = f.getName();
        Path target = name.endsWith(ProjectService.EXTENSION) ? f.toPath()
                : f.toPath().resolveSibling((name.endsWith(".json") ? name.substring(0, name.length() - 5) : name)
                + ProjectService.EXTENSION);
        return saveTo(target);
    }

    /** Saves to {@code target} in the background; the future completes on the JavaFX thread. */
    public CompletableFuture<Boolean> saveTo(Path target) {
        view.statusBar().setMessage("Saving " + target.getFileName() + "…");
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        projects.saveAs(target).whenComplete((path, err) -> Platform.runLater(() -> {
            if (err != null) {
                Throwable cause = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
                ProjectDialogs.error(stage, "Could not save the project", target + ": " + cause.getMessage());
                view.statusBar().setMessage("Not saved");
                done.complete(false);
            } else {
                view.statusBar().setMessage("Saved " + path.getFileName());
                updateTitle();
                done.complete(true);
            }
        }));
        return done;
    }

    /** Treats the current state as the clean start, then offers an untitled project's recovery file if any. */
    public void startClean() {
        projects.adopt(projects.project(), null, false);
        projects.recoveryFor(null).ifPresent(r -> {
            Optional<ButtonType> answer = ProjectDialogs.ask(ProjectDialogs.offerRecovery(stage, "an untitled project", r));
            if (answer.isPresent() && answer.get() == ProjectDialogs.RECOVER) {
                projects.load(r).whenComplete((loaded, err) -> Platform.runLater(() -> {
                    if (loaded != null) {
                        restore(loaded.project(), null, true, loaded.problems().stream()
                                .map(p -> p.recording().path()).toList());
                    } else {
                        ProjectDialogs.error(stage, "Could not recover", String.valueOf(err.getMessage()));
                    }
                }));
            } else {
                deleteQuietly(r);
            }
        });
    }

    private FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Echoic projects", "*" + ProjectService.EXTENSION),
                new FileChooser.ExtensionFilter("All files", "*"));
        projects.recentProjects().list().stream().map(Path::getParent).filter(d -> d != null && Files.isDirectory(d))
                .findFirst().ifPresent(d -> chooser.setInitialDirectory(d.toFile()));
        return chooser;
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (java.io.IOException e) {
            // declined recovery that cannot be deleted is offered again next time, which is harmless
        }
    }
}
