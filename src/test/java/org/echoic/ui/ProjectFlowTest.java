package org.echoic.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.echoic.audio.ArrayRecording;
import org.echoic.io.WavWriter;
import org.echoic.render.Viewport;
import org.echoic.service.AppExecutors;
import org.echoic.service.ProjectService;
import org.echoic.service.RecentFiles;
import org.echoic.service.RecordingService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Projects in the window: open a recording, change the view, save, close, reopen the same state; the title's *. */
@ExtendWith(ApplicationExtension.class)
class ProjectFlowTest {
    private Path dir;
    private Path wav;
    private AppExecutors executors;
    private RecordingService service;
    private ProjectService projects;
    private WorkbenchView view;
    private ProjectController controller;
    private Stage stage;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        dir = Files.createTempDirectory("echoic-project-ui");
        wav = dir.resolve("recordings").resolve("stereo.wav");
        Files.createDirectories(wav.getParent());
        float[] left = new float[2 * 16_000];
        float[] right = new float[left.length];
        for (int i = 0; i < left.length; i++) {
            left[i] = (float) (0.5 * Math.sin(2 * Math.PI * 1000 * i / 16_000.0) * ((i / 2000) % 2));
            right[i] = (float) (0.3 * Math.sin(2 * Math.PI * 3000 * i / 16_000.0));
        }
        WavWriter.write(wav, new ArrayRecording(wav, 16_000, left, right), WavWriter.Format.PCM16);
        executors = new AppExecutors(2);
        service = new RecordingService(executors, new RecentFiles(dir.resolve("settings/recent.txt")));
        projects = new ProjectService(executors, new RecentFiles(dir.resolve("settings/recent-projects.txt")),
                dir.resolve("settings/recovery"));
        view = WorkbenchView.showIn(stage, service, TestPlayback.silent());
        controller = ProjectController.install(stage, view, projects);
    }

    @AfterEach
    void tearDown() {
        projects.close();
        service.close();
        executors.close();
    }

    private String title() throws Exception {
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        return WaitForAsyncUtils.asyncFx(stage::getTitle).get(5, TimeUnit.SECONDS);
    }

    @Test
    void changeSaveCloseReopenGivesTheSameState(FxRobot robot) throws Exception {
        assertEquals("Untitled — Echoic", title());
        robot.interact(() -> view.open(List.of(wav)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> projects.project().recordings().size() == 1
                && projects.project().view().selectedRecording() == 0);
        assertEquals("Untitled* — Echoic", title(), "opening a recording is a change");

        robot.interact(() -> {
            view.showChannel(1);
            view.model().setViewport(view.model().viewport().showRange(4_000, 12_000));
        });
        Viewport before = view.model().viewport();
        assertEquals(1, projects.project().view().channel());
        assertEquals(4_000, projects.project().view().startFrame(), 1e-6);

        Path file = dir.resolve("projects").resolve("flow.echoic.json");
        assertTrue(WaitForAsyncUtils.asyncFx(() -> controller.saveTo(file)).get(5, TimeUnit.SECONDS)
                .get(30, TimeUnit.SECONDS));
        assertEquals("flow — Echoic", title());
        assertTrue(Files.readString(file).contains("\"../recordings/stereo.wav\""));

        robot.interact(() -> view.model().scrollPages(1));
        assertEquals("flow* — Echoic", title(), "a viewport change is a change");
        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !projects.isDirty());
        Viewport saved = view.model().viewport();
        assertTrue(saved.startFrame() > before.startFrame());

        AtomicBoolean closed = new AtomicBoolean();
        robot.interact(() -> controller.closeThen(() -> closed.set(true)));
        assertTrue(closed.get(), "a clean project closes without asking");
        robot.interact(() -> {
            view.closeAllRecordings();
            projects.newProject();
        });
        assertEquals(0, view.recordingList().getItems().size());
        assertEquals("Untitled — Echoic", title());

        robot.interact(() -> controller.openProject(file));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> "flow".equals(projects.displayName())
                && view.model().recordingProperty().get() != null && !projects.isDirty());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, view.recordingList().getItems().size());
        assertEquals(wav, view.model().recordingProperty().get().recording().path().toAbsolutePath().normalize());
        assertEquals(1, view.model().channelProperty().get(), "channel restored");
        assertEquals(saved.startFrame(), view.model().viewport().startFrame(), 1e-6, "visible range restored");
        assertEquals(saved.endFrame(), view.model().viewport().endFrame(), 1e-3);
        assertEquals("flow — Echoic", title());
    }

    @Test
    void aProjectNamingFilesOutsideItsFolderOpensWithoutThemAndSaysWhy(FxRobot robot) throws Exception {
        Path file = dir.resolve("sent").resolve("p.echoic.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"formatVersion\": \"1.1\", \"recordings\": [{\"path\": \"" + wav
                + "\", \"sampleRateHz\": 16000, \"channels\": 2}, {\"path\": \"/dev/zero\", \"sampleRateHz\": 8000,"
                + " \"channels\": 1}]}");
        robot.interact(() -> controller.openProject(file));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> robot.lookup("#skippedRecordingsDialog").tryQuery().isPresent());
        DialogPane pane = robot.lookup("#skippedRecordingsDialog").queryAs(DialogPane.class);
        String text = pane.getContentText();
        javafx.scene.image.Image shot = WaitForAsyncUtils.asyncFx(() -> pane.getScene().snapshot(null))
                .get(10, TimeUnit.SECONDS);
        Path out = Path.of("target", "screenshots", "skipped-recordings.png");
        Files.createDirectories(out.getParent());
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(shot, null), "png", out.toFile());
        assertTrue(text.contains("recording 1 skipped: " + wav + " is outside the project's folder"), text);
        assertTrue(text.contains("recording 2 skipped: /dev/zero is a device"), text);
        assertEquals(0, projects.project().recordings().size(), "neither was opened");
        assertEquals(0, view.recordingList().getItems().size());
    }

    @Test
    void closingWithUnsavedChangesAsks(FxRobot robot) throws Exception {
        robot.interact(() -> view.open(List.of(wav)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> projects.isDirty());
        AtomicBoolean closed = new AtomicBoolean();
        Platform.runLater(() -> controller.closeThen(() -> closed.set(true)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#saveChangesDialog").tryQuery().isPresent());
        DialogPane dialog = robot.lookup("#saveChangesDialog").queryAs(DialogPane.class);
        assertTrue(dialog.getHeaderText().contains("Untitled"));
        robot.interact(() -> ((Button) dialog.lookupButton(ButtonType.CANCEL)).fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(closed.get(), "Cancel keeps the project open");

        assertTrue(projects.autosaveNow());
        Platform.runLater(() -> controller.closeThen(() -> closed.set(true)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#saveChangesDialog").tryQuery().isPresent());
        DialogPane again = robot.lookup("#saveChangesDialog").queryAs(DialogPane.class);
        robot.interact(() -> ((Button) again.lookupButton(ProjectDialogs.DONT_SAVE)).fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, closed::get);
        assertFalse(Files.exists(projects.recoveryFile()), "Don't save removes the recovery file");
    }

    @Test
    void reproduceReportsTheSegmentationAndABitIdenticalRetrainedRun(FxRobot robot) throws Exception {
        org.echoic.project.Project p = org.echoic.service.RunReproductionTest.tinyProject();
        org.echoic.service.ProjectTraining.Outcome o = org.echoic.service.ProjectTraining.train(p, "run 1",
                p.corpusEntries().get(0), p.modelEntries().get(0), dir.resolve("runs/run-1"), 1, "test", () -> false,
                null);
        projects.adopt(p.withTrainingRun(o.run()), null, false);
        Platform.runLater(() -> ReproduceAction.run(stage, projects));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#reproduceAsk").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#reproduceRetrain").queryAs(javafx.scene.control.CheckBox.class)
                .setSelected(true));
        DialogPane ask = robot.lookup("#reproduceAsk").queryAs(DialogPane.class);
        robot.interact(() -> ((Button) ask.lookupButton(ButtonType.OK)).fire());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> robot.lookup("#reproduceReport").tryQuery().isPresent());
        String report = robot.lookup("#reproduceReport").queryAs(javafx.scene.control.TextArea.class).getText();
        assertTrue(report.contains("bird-song.wav: ok"), report);
        assertTrue(report.contains("✔ run 'run 1': data reproduced, weights bit-identical"), report);
    }
}
