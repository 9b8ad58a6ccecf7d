package org.echoic.ui.training;

import org.echoic.ui.TestPlayback;
import org.echoic.ui.WorkbenchView;
import org.echoic.ui.model.FeatureGallery;
import org.echoic.ui.model.ModelView;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.image.Image;
import javafx.stage.Stage;

import javax.imageio.ImageIO;

import org.echoic.corpus.Corpus;
import org.echoic.service.AppExecutors;
import org.echoic.service.InspectedSegment;
import org.echoic.service.InspectionService;
import org.echoic.service.ProjectService;
import org.echoic.service.RecentFiles;
import org.echoic.service.RecordingService;
import org.echoic.service.TrainingService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Model tab linked to the Training tab as in the application: a run trained in the Training tab is browsed
 * with one checkpoint per epoch, an earlier epoch loads, and the features' drivers come from the training corpus
 * and play their recording range; a screenshot of the Model tab is written.
 */
@ExtendWith(ApplicationExtension.class)
class TrainingModelFlowTest {
    private static final Path BIRD = Path.of("sample-data", "bird-song.wav");
    private Path dir;
    private AppExecutors executors;
    private RecordingService service;
    private ProjectService projects;
    private InspectionService inspection;
    private WorkbenchView view;
    private TrainingTab training;
    private ModelView model;
    private Tab modelTab;
    private final TestPlayback playback = TestPlayback.silent();
    private final List<long[]> played = playback.played();

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("echoic-training-model");
        executors = new AppExecutors(2);
        service = new RecordingService(executors, new RecentFiles(dir.resolve("recent.txt")));
        projects = new ProjectService(executors, new RecentFiles(dir.resolve("recent-projects.txt")),
                dir.resolve("recovery"));
        inspection = new InspectionService(executors);
        view = WorkbenchView.showIn(stage, service, playback);
        modelTab = ModelView.tab(view, inspection, playback);
        view.addViewTab(modelTab, 1);
        training = TrainingTab.install(stage, view, projects, executors, "test");
        model = (ModelView) modelTab.getContent();
        model.linkTraining(training.runStartedProperty(), training.checkpointsWrittenProperty(),
                training.corpusProperty());
    }

    @AfterEach
    void tearDown() {
        training.close();
        inspection.close();
        projects.close();
        service.close();
        executors.close();
    }

    private static void waitFor(String what, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
    }

    private static <T> T fx(java.util.concurrent.Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aRunOfTheTrainingTabIsBrowsedByEpochAndInspectedOnItsCorpus(FxRobot robot) throws Exception {
        robot.interact(() -> view.open(List.of(BIRD)));
        waitFor("the recording", () -> view.recordingList().getItems().size() == 1);
        Path run = dir.resolve("runs").resolve("run-1");
        robot.interact(() -> {
            ((TabPane) view.lookup("#viewTabs")).getSelectionModel().select(training.tab());
            ((SplitPane) view.lookup(".split-pane")).setDividerPositions(0.12, 0.45);
            training.corpusPanel().joinGapMs.setText("0");
            training.corpusPanel().lowHz.setText("2000");
            training.corpusPanel().highHz.setText("5500");
            ModelSchedulePanel m = training.modelPanel();
            m.hidden.setText("8");
            m.recurrent.setText("6");
            m.k.getValueFactory().setValue(1);
            m.batch.getValueFactory().setValue(4);
            m.rates.setText("1e-3");
            m.epochsPerStage.getValueFactory().setValue(3);
            training.trainingPanel().runDir.setText(run.toString());
            training.trainingPanel().keepEpochs.setText("2");
            robot.lookup("#corpusNperseg").queryAs(ChoiceBox.class).setValue(128);
            robot.lookup("#segmentSource").queryAs(ChoiceBox.class).getSelectionModel().select(1);
        });
        robot.clickOn("#buildCorpus");
        waitFor("the corpus", () -> training.corpusPanel().corpusProperty().get() != null);
        Corpus corpus = training.corpusPanel().corpusProperty().get();

        robot.clickOn("#startTraining");
        waitFor("the run to complete", () -> training.service().status().state() == TrainingService.State.COMPLETED);
        robot.interact(() -> ((TabPane) view.lookup("#viewTabs")).getSelectionModel().select(modelTab));
        // the browser switched to the run and lists its checkpoint and the last two epochs' snapshots (keep 2)
        waitFor("the epochs listed", () -> fx(() -> model.browser().list().getItems().stream()
                .map(InspectionService.CheckpointInfo::epochs).toList()).equals(List.of(2, 3, 3)));
        List<InspectionService.CheckpointInfo> items = fx(() -> List.copyOf(model.browser().list().getItems()));
        assertEquals(List.of(2, 3, 3), items.stream().map(InspectionService.CheckpointInfo::epochs).toList());
        assertEquals("epoch-0002", items.get(0).dir().getFileName().toString());
        assertTrue(items.stream().anyMatch(i -> i.dir().equals(run.toAbsolutePath().normalize())));
        waitFor("the followed newest model", () -> inspection.model() != null && inspection.model().epochs() == 3);

        // stop following and load the earlier epoch
        robot.interact(() -> {
            robot.lookup("#followNewest").queryAs(CheckBox.class).setSelected(false);
            model.browser().list().getSelectionModel().select(0);
        });
        robot.clickOn("#loadCheckpoint");
        waitFor("epoch 2 loaded", () -> inspection.model() != null && inspection.model().epochs() == 2
                && inspection.model().dir().getFileName().toString().equals("epoch-0002"));

        // the training corpus is the segment source: statistics and drivers over its segments
        assertEquals("the training corpus", fx(() -> robot.lookup("#inspectSource").queryAs(ChoiceBox.class)
                .getValue()));
        waitFor("statistics over the corpus", () -> inspection.report() != null
                && inspection.report().model() == inspection.model()
                && inspection.report().segments().size() == corpus.dataset().size());
        assertEquals(corpus.dataset().size(), (int) fx(() -> model.segments().getItems().size()));
        waitFor("activations of a corpus segment", () -> inspection.inspection() != null
                && inspection.inspection().model() == inspection.model());
        int unit = fx(() -> model.gallery().order()[0]);
        robot.interact(() -> model.gallery().selectUnit(unit));
        waitFor("the unit's drivers", () -> fx(() -> !model.gallery().drivers().getItems().isEmpty()));
        FeatureGallery.Driver first = fx(() -> model.gallery().drivers().getItems().get(0));
        InspectedSegment seg = first.segment();
        assertTrue(first.wholeSegment());
        assertTrue(corpus.segments().stream().anyMatch(c -> c.startFrame() == seg.startFrame()
                && c.endFrame() == seg.endFrame() && Path.of(c.recording()).toAbsolutePath().normalize()
                .equals(Path.of(seg.source()).toAbsolutePath().normalize())), "a driver is a corpus segment");
        robot.interact(() -> model.gallery().drivers().getSelectionModel().select(0));
        assertFalse(played.isEmpty(), "choosing a driver plays it");
        assertEquals(seg.startFrame(), played.get(played.size() - 1)[0]);
        assertEquals(seg.endFrame(), played.get(played.size() - 1)[1]);

        robot.interact(() -> ((SplitPane) view.lookup(".split-pane")).setDividerPositions(0.08, 0.92));
        WaitForAsyncUtils.sleep(800, TimeUnit.MILLISECONDS);
        Image shot = fx(() -> view.getScene().snapshot(null));
        Path out = Path.of("target", "screenshots", "model-tab-training.png");
        Files.createDirectories(out.getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(shot, null), "png", out.toFile());

        // with its recording closed, a corpus segment cannot be played: the notice says so
        int plays = played.size();
        robot.interact(() -> {
            view.closeAllRecordings();
            model.gallery().drivers().getSelectionModel().select(1);
        });
        assertEquals(plays, played.size());
        String notice = fx(() -> robot.lookup("#noticeText").queryAs(javafx.scene.control.Label.class).getText());
        assertTrue(notice.contains("bird-song.wav is not open in the workbench"), notice);

        // resuming a run in the Training tab switches the Model tab to it as well
        Path elsewhere = Files.createDirectories(run.resolveSibling("elsewhere"));
        robot.interact(() -> model.browser().browse(elsewhere));
        assertEquals(elsewhere, fx(() -> model.browser().folder()));
        robot.interact(() -> training.trainingPanel().resumeFrom(run));
        assertEquals(run, fx(() -> model.browser().folder()), "the Model tab follows a resumed run");
    }
}
