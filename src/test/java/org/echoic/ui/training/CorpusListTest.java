package org.echoic.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.TabPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;

import org.echoic.io.WavWriter;
import org.echoic.service.AppExecutors;
import org.echoic.service.ProjectService;
import org.echoic.service.RecentFiles;
import org.echoic.service.RecordingService;
import org.echoic.ui.TestPlayback;
import org.echoic.ui.WorkbenchView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Training tab's list of recordings shows names with underscores as they are, and ticks all or none. */
@ExtendWith(ApplicationExtension.class)
class CorpusListTest {
    private static final List<String> NAMES = List.of("2021-B32-0415_05-11.wav", "2021-B32-0415_05-15.wav");
    private AppExecutors executors;
    private RecordingService service;
    private ProjectService projects;
    private WorkbenchView view;
    private TrainingTab training;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("echoic-corpus-list");
        executors = new AppExecutors(2);
        service = new RecordingService(executors, new RecentFiles(dir.resolve("recent.txt")));
        projects = new ProjectService(executors, new RecentFiles(dir.resolve("recent-projects.txt")),
                dir.resolve("recovery"));
        view = WorkbenchView.showIn(stage, service, TestPlayback.silent());
        training = TrainingTab.install(stage, view, projects, executors, "test");
        float[] x = new float[8000];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.3 * Math.sin(2 * Math.PI * 2000 * i / 16_000.0));
        }
        List<Path> files = new java.util.ArrayList<>();
        for (String n : NAMES) {
            Path f = dir.resolve(n);
            WavWriter.write(f, x, 16_000, WavWriter.Format.PCM16);
            files.add(f);
        }
        view.open(files);
    }

    @AfterEach
    void tearDown() {
        training.close();
        projects.close();
        service.close();
        executors.close();
    }

    @Test
    void underscoresStayAndNoneUnticksEveryRecording(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.recordingList().getItems().size() == NAMES.size());
        robot.interact(() -> ((TabPane) view.lookup("#viewTabs")).getSelectionModel().select(training.tab()));
        WaitForAsyncUtils.waitForFxEvents();
        List<CheckBox> boxes = robot.lookup(".check-box").queryAllAs(CheckBox.class).stream()
                .filter(b -> b.getUserData() != null).toList();
        assertEquals(NAMES.size(), boxes.size());
        for (CheckBox b : boxes) {
            assertTrue(NAMES.contains(b.getText()), b.getText());
            Text shown = (Text) b.lookup(".text");
            assertEquals(b.getText(), shown.getText(), "the underscore is shown, not taken as a mnemonic");
            assertTrue(b.isSelected(), "every recording starts ticked");
        }
        robot.interact(() -> robot.lookup("#corpusTickNone").queryAs(Hyperlink.class).fire());
        boxes.forEach(b -> assertFalse(b.isSelected(), "'none' unticks " + b.getText()));
        robot.interact(() -> robot.lookup("#corpusTickAll").queryAs(Hyperlink.class).fire());
        boxes.forEach(b -> assertTrue(b.isSelected(), "'all' ticks " + b.getText()));
    }
}
