package org.echoic.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.stage.Stage;

import org.echoic.dsp.ColorMap;
import org.echoic.dsp.StftParams;
import org.echoic.dsp.WindowFunction;
import org.echoic.io.WavWriter;
import org.echoic.segment.Agreement;
import org.echoic.service.AppExecutors;
import org.echoic.service.ProjectService;
import org.echoic.service.RecentFiles;
import org.echoic.service.RecordingService;
import org.echoic.service.SpectrogramSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole workbench as the application assembles it: clean after start (no * in the title, Quit does not ask),
 * clean after a save, and every setting the user changed back after save and reopen.
 */
@ExtendWith(ApplicationExtension.class)
class AppProjectFlowTest {
    private Path dir;
    private Path wav;
    private AppExecutors executors;
    private RecordingService service;
    private ProjectService projects;
    private EchoicApp.Assembled app;
    private Stage stage;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        dir = Files.createTempDirectory("echoic-app-flow");
        wav = dir.resolve("recordings").resolve("calls.wav");
        Files.createDirectories(wav.getParent());
        float[] x = new float[2 * 22_050];
        for (int i = 0; i < x.length; i++) {
            double t = i / 22_050.0;
            x[i] = (float) ((t % 0.25 < 0.08 ? 0.5 : 0.002) * Math.sin(2 * Math.PI * 3000 * t));
        }
        WavWriter.write(wav, x, 22_050, WavWriter.Format.PCM16);
        executors = new AppExecutors(2);
        service = new RecordingService(executors, new RecentFiles(dir.resolve("settings/recent.txt")));
        projects = new ProjectService(executors, new RecentFiles(dir.resolve("settings/recent-projects.txt")),
                dir.resolve("settings/recovery"));
        app = EchoicApp.assemble(stage, executors, service, TestPlayback.silent(), projects);
    }

    @AfterEach
    void tearDown() {
        app.segmentations().close();
        app.training().close();
        app.inspection().close();
        projects.close();
        service.close();
        executors.close();
    }

    private String title() throws Exception {
        WaitForAsyncUtils.sleep(400, TimeUnit.MILLISECONDS);
        return WaitForAsyncUtils.asyncFx(stage::getTitle).get(5, TimeUnit.SECONDS);
    }

    @Test
    void cleanAfterStartAndAfterSave(FxRobot robot) throws Exception {
        robot.interact(() -> app.view().open(List.of(wav)).thenRun(app.project()::startClean));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> projects.project().recordings().size() == 1);
        assertEquals(wav.getParent(), app.project().initialFolder().orElseThrow(),
                "an untitled project's dialogs open beside its recording, not in the program's folder");
        WaitForAsyncUtils.sleep(2, TimeUnit.SECONDS);
        var atStart = projects.project();
        assertEquals("Untitled — Echoic", title(), "nothing changed since start: " + atStart);
        assertFalse(projects.isDirty());

        Path file = dir.resolve("projects").resolve("day.echoic.json");
        assertTrue(WaitForAsyncUtils.asyncFx(() -> app.project().saveTo(file)).get(5, TimeUnit.SECONDS)
                .get(30, TimeUnit.SECONDS));
        WaitForAsyncUtils.sleep(2, TimeUnit.SECONDS);
        assertEquals("day — Echoic", title(), "saved and unchanged since: " + projects.project());

        robot.interact(() -> {
            stage.setWidth(1000);
            stage.setHeight(700);
        });
        assertEquals("day — Echoic", title(), "a resize of a fitted view is no change");
        robot.interact(() -> stage.setWidth(1013));
        assertFalse(projects.project().view().hasRange(), "a fitted view is stored as the whole recording, whatever "
                + "rounding its width gives: " + projects.project().view());
        assertEquals("day — Echoic", title());
    }

    @Test
    void everySettingTheUserChangedComesBackAfterSaveAndReopen(FxRobot robot) throws Exception {
        robot.interact(() -> app.view().open(List.of(wav, wav2())).thenRun(app.project()::startClean));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> projects.project().recordings().size() == 2
                && app.view().model().recordingProperty().get() != null);
        SpectrogramSettings spectrogram = SpectrogramSettings.DEFAULT
                .withStft(new StftParams(1024, 512, 1024, WindowFunction.parse("hann"), StftParams.Detrend.CONSTANT,
                        StftParams.Scaling.DENSITY, StftParams.Mode.PSD))
                .withColorMap(ColorMap.MAGMA).withBand(500, 8000).withLevels(-90, 70);
        Agreement.Criterion overlap = Agreement.Criterion.overlap(0.4);
        robot.interact(() -> {
            app.view().spectrogramLane().settingsProperty().set(spectrogram);
            app.segmentations().session(app.view().model().recordingProperty().get()).setCriterion(overlap);
            app.training().corpusPanel().tickAll(false);
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> projects.project().recordings().get(0).agreement()
                .equals(overlap) && projects.project().corpora().size() == 1);
        robot.interact(() -> ((javafx.scene.control.CheckBox) robot.lookup("#corpusPanel").queryAs(
                javafx.scene.layout.VBox.class).lookupAll(".check-box").stream()
                .filter(n -> ((javafx.scene.control.CheckBox) n).getText().equals("calls_2.wav")).findFirst()
                .orElseThrow()).setSelected(true));

        Path file = dir.resolve("projects").resolve("settings.echoic.json");
        assertTrue(WaitForAsyncUtils.asyncFx(() -> app.project().saveTo(file)).get(5, TimeUnit.SECONDS)
                .get(30, TimeUnit.SECONDS));
        robot.interact(() -> {
            app.view().closeAllRecordings();
            app.view().spectrogramLane().settingsProperty().set(SpectrogramSettings.DEFAULT);
            projects.newProject();
        });
        robot.interact(() -> app.project().openProject(file));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.view().recordingList().getItems().size() == 2
                && app.view().model().recordingProperty().get() != null);
        WaitForAsyncUtils.sleep(1, TimeUnit.SECONDS);
        assertEquals(spectrogram, app.view().spectrogramLane().settingsProperty().get(), "1024 / magma / band");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> overlap.equals(app.segmentations()
                .session(app.view().model().recordingProperty().get()).criterion()));
        assertEquals(overlap, app.segmentations().session(app.view().model().recordingProperty().get()).criterion(),
                "the overlap criterion, not ± 20 ms");
        assertEquals(Agreement.Kind.OVERLAP, app.segmentations().session(
                app.view().model().recordingProperty().get()).criterion().kind());
        var draft = app.training().corpusPanel().draft();
        assertEquals(List.of(wav2().toAbsolutePath().normalize()), draft.recordings(), "only calls_2.wav ticked");
        assertEquals("settings — Echoic", title(), "just opened: clean");
        assertEquals(file.getParent(), app.project().initialFolder().orElseThrow(), "dialogs open beside the project");

        robot.interact(() -> app.view().closeRecording(app.view().model().recordingProperty().get()));
        assertEquals(1, app.view().recordingList().getItems().size());
        assertEquals(1, projects.project().recordings().size(), "a closed recording leaves the project");
        assertEquals("settings* — Echoic", title());
    }

    private Path wav2() throws IOException {
        Path p = wav.resolveSibling("calls_2.wav");
        if (!Files.exists(p)) {
            Files.copy(wav, p);
        }
        return p;
    }
}
