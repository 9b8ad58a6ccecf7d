package org.echoic.ui.training;

import org.echoic.ui.TestPlayback;
import org.echoic.ui.WorkbenchView;
import org.echoic.ui.common.PulseMonitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.image.Image;
import javafx.stage.Stage;

import javax.imageio.ImageIO;

import org.echoic.service.AppExecutors;
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

/** Training in the window on the sample: segment and build a corpus, train with live curves, pause, resume, stop. */
@ExtendWith(ApplicationExtension.class)
class TrainingFlowTest {
    private static final Path BIRD = Path.of("sample-data", "bird-song.wav");
    private Path dir;
    private AppExecutors executors;
    private RecordingService service;
    private ProjectService projects;
    private WorkbenchView view;
    private TrainingTab training;
    private Stage stage;
    private final java.util.concurrent.atomic.AtomicBoolean closeHandled = new java.util.concurrent.atomic.AtomicBoolean();

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("echoic-training-ui");
        executors = new AppExecutors(2);
        service = new RecordingService(executors, new RecentFiles(dir.resolve("recent.txt")));
        projects = new ProjectService(executors, new RecentFiles(dir.resolve("recent-projects.txt")),
                dir.resolve("recovery"));
        view = WorkbenchView.showIn(stage, service, TestPlayback.silent());
        this.stage = stage;
        stage.setOnCloseRequest(e -> {
            e.consume();
            closeHandled.set(true);
        });
        training = TrainingTab.install(stage, view, projects, executors, "test");
    }

    @AfterEach
    void tearDown() {
        training.close();
        projects.close();
        service.close();
        executors.close();
    }

    private void waitFor(String what, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
    }

    private int batchPoints() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> training.trainingPanel().chart().pointCount(("CD cost" + LossChart.BATCH_SUFFIX)))
                .get(10, TimeUnit.SECONDS);
    }

    /** Opens the sample, sets a tiny model and band-limited frames, and builds the corpus (automatic segments or the
     * reference annotations beside the sample). */
    private void prepareCorpus(FxRobot robot, boolean annotated) throws Exception {
        robot.interact(() -> view.open(List.of(BIRD)));
        waitFor("the recording", () -> view.recordingList().getItems().size() == 1);
        robot.interact(() -> {
            ((TabPane) view.lookup("#viewTabs")).getSelectionModel().select(training.tab());
            ((SplitPane) view.lookup(".split-pane")).setDividerPositions(0.12, 0.45);
            CorpusPanel c = training.corpusPanel();
            assertEquals(CorpusPanel.TABLES_ELSE_AUTOMATIC, robot.lookup("#segmentSource")
                    .queryAs(javafx.scene.control.ChoiceBox.class).getSelectionModel().getSelectedIndex(),
                    "the song recipe by default: the table beside each recording, else its segmentation");
            assertEquals("auto", c.joinGapMs.getText(), "bouts joined at the gap chosen from the data by default");
            assertEquals(org.echoic.dsp.FrameScaling.CORPUS_DB, c.frames().scaling());
            c.joinGapMs.setText("0");
            c.lowHz.setText("2000");
            c.highHz.setText("5500");
            ModelSchedulePanel m = training.modelPanel();
            m.hidden.setText("8");
            m.recurrent.setText("6");
            m.k.getValueFactory().setValue(1);
            m.batch.getValueFactory().setValue(2);
            m.rates.setText("1e-3");
            m.epochsPerStage.getValueFactory().setValue(500);
            training.trainingPanel().runDir.setText(dir.resolve("runs").resolve("run-1").toString());
        });
        robot.interact(() -> {
            robot.lookup("#corpusNperseg").queryAs(javafx.scene.control.ChoiceBox.class).setValue(128);
            robot.lookup("#segmentSource").queryAs(javafx.scene.control.ChoiceBox.class).getSelectionModel()
                    .select(annotated ? 1 : 0);
        });
        robot.clickOn("#buildCorpus");
        waitFor("the corpus", () -> training.corpusPanel().corpusProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        String summary = robot.lookup("#corpusSummary").queryAs(Label.class).getText();
        assertTrue(summary.matches("\\d+ segments .*validation \\d+ segments.*"), summary);
        assertEquals(10, training.corpusPanel().corpusProperty().get().dataset().nVisible());
        assertNotNull(robot.lookup("#framePreview").queryAs(javafx.scene.image.ImageView.class).getImage());
        if (annotated) {
            var c = training.corpusPanel().corpusProperty().get();
            long rows = Files.readAllLines(Path.of("sample-data", "bird-song.csv")).size() - 1;
            assertEquals(rows, c.dataset().size() + c.skippedSegments(), "one sequence per row of bird-song.csv");
        }
    }

    @Test
    void closingDuringTrainingAsksThenStopsWithACheckpointBeforeTheUsualClose(FxRobot robot) throws Exception {
        prepareCorpus(robot, true);
        robot.clickOn("#startTraining");
        waitFor("curve points", () -> batchPoints() >= 2);
        javafx.application.Platform.runLater(() -> stage.fireEvent(
                new javafx.stage.WindowEvent(stage, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
        waitFor("the question", () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        javafx.scene.control.DialogPane pane = robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class);
        assertTrue(pane.getHeaderText().contains("Stop training"), pane.getHeaderText());
        robot.clickOn(pane.lookupButton(javafx.scene.control.ButtonType.CANCEL));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(training.service().isActive(), "Cancel keeps training");
        assertTrue(!closeHandled.get(), "Cancel does not close");

        javafx.application.Platform.runLater(() -> stage.fireEvent(
                new javafx.stage.WindowEvent(stage, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
        waitFor("the question again", () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        pane = robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class);
        robot.clickOn(pane.lookupButton(javafx.scene.control.ButtonType.OK));
        waitFor("the usual close handling", closeHandled::get);
        assertEquals(TrainingService.State.STOPPED, training.service().status().state(), "stopped before closing");
        assertTrue(Files.isRegularFile(dir.resolve("runs").resolve("run-1").resolve("model.json")));
    }

    @Test
    void segmentBuildTrainPauseResumeStop(FxRobot robot) throws Exception {
        prepareCorpus(robot, false);
        PulseMonitor idle = WaitForAsyncUtils.asyncFx(() -> {
            PulseMonitor p = new PulseMonitor();
            p.start();
            p.arm();
            return p;
        }).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.sleep(1500, TimeUnit.MILLISECONDS);
        robot.interact(idle::stop);
        System.out.println("longest JavaFX stall before training (baseline of this machine): " + idle.longestStallMs() + " ms");
        robot.clickOn("#startTraining");
        waitFor("curve points", () -> batchPoints() >= 5);
        saveScreenshot();
        robot.interact(() -> training.trainingPanel().restartStallMeasurement());
        WaitForAsyncUtils.sleep(1500, TimeUnit.MILLISECONDS);
        double stall = WaitForAsyncUtils.asyncFx(() -> training.trainingPanel().longestStallMs()).get(5, TimeUnit.SECONDS);
        System.out.println("longest JavaFX stall while training (1.5 s without snapshots or clicks): " + stall + " ms");
        assertTrue(stall > 0, "the pulse monitor measures while training");

        robot.clickOn("#pauseTraining");
        waitFor("the pause", () -> training.service().status().state() == TrainingService.State.PAUSED);
        WaitForAsyncUtils.sleep(600, TimeUnit.MILLISECONDS);
        int paused = batchPoints();
        WaitForAsyncUtils.sleep(600, TimeUnit.MILLISECONDS);
        assertEquals(paused, batchPoints(), "no new points while paused");
        assertEquals("Resume", robot.lookup("#pauseTraining").queryButton().getText());

        robot.clickOn("#pauseTraining");
        waitFor("points after resuming", () -> batchPoints() > paused);

        robot.clickOn("#stopTraining");
        waitFor("the stop", () -> training.service().status().state() == TrainingService.State.STOPPED);
        Path run = dir.resolve("runs").resolve("run-1");
        assertTrue(Files.isRegularFile(run.resolve("model.json")), "checkpoint after stop");
        waitFor("the latest checkpoint in the tab", () -> run.equals(training.latestCheckpointProperty().get()));
        int epochsOnDisk = org.echoic.io.CheckpointSummaries.read(run).epochs();
        waitFor("the run recorded in the project", () -> projects.project().trainingRunEntries().size() == 1
                && projects.project().trainingRunEntries().get(0).epochs() == epochsOnDisk);
        org.echoic.project.TrainingRunEntry recorded = projects.project().trainingRunEntries().get(0);
        assertEquals(run.toAbsolutePath().normalize(), recorded.folder());
        assertEquals(org.echoic.corpus.SegmentSource.AUTOMATIC, projects.project().corpusEntries().get(0).source());
        assertEquals(8, projects.project().modelEntries().get(0).nHidden());
        org.echoic.service.RunReproduction.Check again = org.echoic.service.RunReproduction.check(projects.project(),
                recorded, dir, false, "test", () -> false);
        assertTrue(again.dataReproduced(), "the project rebuilds the same corpus: " + again);
        Path csv = dir.resolve("curves.csv");
        Path png = dir.resolve("curves.png");
        WaitForAsyncUtils.asyncFx(() -> training.trainingPanel().exportCsv(csv)).get(5, TimeUnit.SECONDS)
                .get(20, TimeUnit.SECONDS);
        WaitForAsyncUtils.asyncFx(() -> training.trainingPanel().exportPng(png)).get(5, TimeUnit.SECONDS)
                .get(20, TimeUnit.SECONDS);
        List<String> lines = Files.readAllLines(csv);
        assertEquals("series,epoch,value", lines.get(0));
        assertTrue(lines.stream().filter(l -> l.startsWith("\"" + ("CD cost" + LossChart.BATCH_SUFFIX) + "\",")).count() >= 5, "batch points in CSV");
        assertTrue(ImageIO.read(png.toFile()).getWidth() > 100);
        int before = WaitForAsyncUtils.asyncFx(() -> training.trainingPanel().chart().seriesNames().size())
                .get(5, TimeUnit.SECONDS);
        robot.interact(() -> training.trainingPanel().overlay(run));
        assertEquals(before + 2, (int) WaitForAsyncUtils.asyncFx(() -> training.trainingPanel().chart().seriesNames()
                .size()).get(5, TimeUnit.SECONDS), "an earlier run's curves overlaid");
        waitFor("the stopped state shown", () -> robot.lookup("#trainingState").queryAs(Label.class).getText()
                .startsWith("STOPPED"));

        robot.interact(() -> training.trainingPanel().resumeFrom(run));
        waitFor("points after resuming from the checkpoint", () -> batchPoints() >= 2);
        robot.clickOn("#stopTraining");
        waitFor("the second stop", () -> training.service().status().state() == TrainingService.State.STOPPED);
    }

    private static FxRobot robot() {
        return new FxRobot();
    }

    private void saveScreenshot() throws Exception {
        robot().interact(() -> ((javafx.scene.control.ScrollPane) view.lookup("#trainingScroll")).setVvalue(1));
        WaitForAsyncUtils.sleep(1200, TimeUnit.MILLISECONDS);
        Image shot = WaitForAsyncUtils.asyncFx(() -> view.getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        Path out = Path.of("target", "screenshots", "training-tab.png");
        Files.createDirectories(out.getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(shot, null), "png", out.toFile());
    }
}
