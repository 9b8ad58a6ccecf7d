package org.echoic.ui;

import org.echoic.ui.label.LabelWorkbench;
import org.echoic.ui.model.ModelView;
import org.echoic.ui.teach.StftLessonView;
import org.echoic.ui.segmentation.SegmentationWorkbench;
import org.echoic.ui.training.TrainingTab;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javafx.application.Application;
import javafx.stage.Stage;

import org.echoic.service.AppExecutors;
import org.echoic.service.InspectionService;
import org.echoic.service.JavaSoundPlayback;
import org.echoic.service.Playback;
import org.echoic.service.ProjectService;
import org.echoic.service.SegmentationService;
import org.echoic.service.RecentFiles;
import org.echoic.service.RecordingService;

/**
 * The JavaFX application: the workbench window, opening the recordings named on the command line, or the bundled
 * sample {@code sample-data/bird-song.wav} when none are named.
 */
public final class EchoicApp extends Application {
    /** The bundled sample, relative to the working directory or to the folder of the jar. */
    static final Path SAMPLE = Paths.get("sample-data", "bird-song.wav");

    private AppExecutors executors;
    private RecordingService service;
    private Playback playback;
    private ProjectService projects;
    private InspectionService inspection;
    private SegmentationService segmentations;
    private TrainingTab training;

    /**
     * Starts the JavaFX runtime and opens the workbench with the given recordings (or the sample). Without a display
     * it prints one line and exits with status 1.
     */
    public static void launchWorkbench(String[] args) {
        Optional<String> noDisplay = missingDisplay();
        if (noDisplay.isPresent()) {
            System.err.println("echoic: " + noDisplay.get());
            System.exit(1);
        }
        try {
            Application.launch(EchoicApp.class, args);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            System.err.println("echoic: cannot start the graphical workbench: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Why no window can be shown (Linux or BSD with neither X11 nor Wayland, and not headless Monocle), if so. */
    static Optional<String> missingDisplay() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        boolean unixDesktop = !os.contains("win") && !os.contains("mac");
        boolean monocle = "Monocle".equalsIgnoreCase(System.getProperty("glass.platform"));
        if (unixDesktop && !monocle && isBlank(System.getenv("DISPLAY")) && isBlank(System.getenv("WAYLAND_DISPLAY"))) {
            return Optional.of("no display available (DISPLAY is not set): run the workbench in a desktop session "
                    + "or under xvfb-run, or use the command line (echoic --help)");
        }
        return Optional.empty();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public void start(Stage stage) {
        executors = new AppExecutors();
        service = new RecordingService(executors, new RecentFiles(RecentFiles.defaultFile()));
        playback = new JavaSoundPlayback();
        projects = new ProjectService(executors, new RecentFiles(ProjectService.defaultRecentProjectsFile()),
                ProjectService.defaultRecoveryDir());
        Assembled app = assemble(stage, executors, service, playback, projects);
        WorkbenchView view = app.view();
        ProjectController project = app.project();
        inspection = app.inspection();
        segmentations = app.segmentations();
        training = app.training();
        projects.startAutosave(ProjectService.AUTOSAVE_PERIOD);
        List<Path> files = getParameters().getRaw().stream().map(Paths::get).toList();
        if (files.size() == 1 && files.get(0).toString().endsWith(ProjectService.EXTENSION)) {
            project.openProject(files.get(0));
            return;
        }
        if (!files.isEmpty()) {
            view.open(files).thenRun(project::startClean);
            return;
        }
        Optional<Path> sample = findSample();
        if (sample.isPresent()) {
            view.open(List.of(sample.get())).thenRun(project::startClean);
        } else {
            project.startClean();
            view.statusBar().setMessage("The sample " + SAMPLE + " was not found: open recordings with File ▸ Open files… "
                    + "or drop files or folders on the window");
        }
    }

    /** The parts of an assembled workbench that its owner closes or drives. */
    record Assembled(WorkbenchView view, ProjectController project, InspectionService inspection,
                     SegmentationService segmentations, TrainingTab training) {
    }

    /**
     * The whole workbench in {@code stage}, every tool wired as the application runs it (tests build it the same
     * way); the caller owns and closes the services, and opens recordings or a project.
     */
    static Assembled assemble(Stage stage, AppExecutors executors, RecordingService service, Playback playback,
                              ProjectService projects) {
        WorkbenchView view = WorkbenchView.showIn(stage, service, playback);
        InspectionService inspection = new InspectionService(executors);
        javafx.scene.control.Tab modelTab = ModelView.tab(view, inspection, playback);
        view.addViewTab(modelTab, 1);
        ProjectController project = ProjectController.install(stage, view, projects);
        SegmentationService segmentations = new SegmentationService(executors.compute(), projects);
        SegmentationWorkbench segmentation = SegmentationWorkbench.install(view, segmentations);
        org.echoic.ui.measure.MeasureWorkbench.install(view, segmentation.state());
        String version = EchoicApp.class.getPackage().getImplementationVersion();
        TrainingTab training = TrainingTab.install(stage, view, projects, executors,
                version == null ? "development" : version);
        ((ModelView) modelTab.getContent()).linkTraining(training.runStartedProperty(),
                training.checkpointsWrittenProperty(), training.corpusProperty());
        view.addViewTab(org.echoic.ui.map.MapTab.tab(view, segmentations, training.service(), executors, playback,
                training.latestCheckpointProperty()));
        LabelWorkbench labelling = LabelWorkbench.install(view, training.service(), projects, segmentation.state());
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> labelling.dispose());
        javafx.scene.control.Tab lesson = new javafx.scene.control.Tab("STFT lesson",
                new StftLessonView(training.service().modelThread()));
        lesson.setClosable(false);
        view.addViewTab(lesson);
        view.generatePanel().setOnExported(entry -> projects.update(p -> p.withGenerated(entry)));
        view.generatePanel().link(segmentations, projects, training.latestCheckpointProperty(),
                training.corpusPanel().corpusProperty());
        return new Assembled(view, project, inspection, segmentations, training);
    }

    /** The sample in the working directory, else beside the jar (or one folder up, for target/echoic.jar). */
    static Optional<Path> findSample() {
        if (Files.isRegularFile(SAMPLE)) {
            return Optional.of(SAMPLE);
        }
        try {
            Path code = Paths.get(EchoicApp.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path dir = code.getParent(); dir != null && dir.getNameCount() >= code.getNameCount() - 3; dir = dir.getParent()) {
                if (Files.isRegularFile(dir.resolve(SAMPLE))) {
                    return Optional.of(dir.resolve(SAMPLE));
                }
            }
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    @Override
    public void stop() {
        if (segmentations != null) {
            segmentations.close();
        }
        if (training != null) {
            training.close();
        }
        if (projects != null) {
            projects.close();
        }
        if (inspection != null) {
            inspection.close();
        }
        if (playback != null) {
            playback.close();
        }
        if (service != null) {
            service.close();
        }
        if (executors != null) {
            executors.close();
        }
    }
}
