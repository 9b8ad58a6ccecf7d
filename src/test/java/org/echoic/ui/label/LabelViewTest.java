package org.echoic.ui.label;

import org.echoic.ui.TestPlayback;
import org.echoic.ui.WorkbenchView;
import org.echoic.ui.lanes.Lane;
import org.echoic.ui.segmentation.SegmentationWorkbench;
import org.echoic.ui.training.LossChart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.TabPane;
import javafx.scene.image.Image;
import javafx.stage.Stage;

import javax.imageio.ImageIO;

import org.echoic.io.AnnotationFormat;
import org.echoic.label.LabelNetwork;
import org.echoic.segment.Annotation;
import org.echoic.service.AppExecutors;
import org.echoic.service.RecentFiles;
import org.echoic.service.RecordingService;
import org.echoic.service.SegmentationService;
import org.echoic.service.TrainingService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Labelling view on the bundled sample (bird-song.wav with its A/B/C table beside it), headless: a small LSTM
 * trains on the workbench's training service with live curves, the confusion matrix of the validation frames
 * appears, the labeller labels the shown recording into the label lane, the labels are exported as a CSV table and
 * taken into the Segments table; screenshots of the view and of the lanes.
 */
@ExtendWith(ApplicationExtension.class)
class LabelViewTest {
    private static final Path BIRD = Path.of("sample-data", "bird-song.wav");
    private Path dir;
    private AppExecutors executors;
    private RecordingService service;
    private SegmentationService segmentations;
    private TrainingService training;
    private WorkbenchView view;
    private SegmentationWorkbench seg;
    private LabelWorkbench labels;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("echoic-label-ui");
        executors = new AppExecutors(2);
        service = new RecordingService(executors, new RecentFiles(dir.resolve("recent.txt")));
        view = WorkbenchView.showIn(stage, service, TestPlayback.silent());
        segmentations = new SegmentationService(executors.compute(), null);
        seg = SegmentationWorkbench.install(view, segmentations);
        training = new TrainingService(executors.model(), "test", 1);
        labels = LabelWorkbench.install(view, training, null, seg.state());
    }

    @AfterEach
    void tearDown() {
        labels.dispose();
        training.close();
        segmentations.close();
        service.close();
        executors.close();
    }

    private static void waitFor(String what, int seconds, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    private void shoot(String name) throws Exception {
        Image shot = fx(() -> view.getScene().snapshot(null));
        Path out = Path.of("target", "screenshots", name);
        Files.createDirectories(out.getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(shot, null), "png", out.toFile());
        assertTrue(Files.size(out) > 10_000);
    }

    /** Opens the sample, waits until its table is found and shows the Labelling tab. */
    private LabelView openSample(FxRobot robot) throws Exception {
        LabelView v = labels.view();
        robot.interact(() -> view.open(List.of(BIRD)));
        waitFor("the sample's table", 20, () -> fx(() -> v.sources().size() == 1));
        robot.interact(() -> ((TabPane) view.lookup("#viewTabs")).getSelectionModel().select(labels.tab()));
        return v;
    }

    @Test
    void trainsWithLiveCurvesShowsTheConfusionMatrixAndLabelsIntoALaneThatExportsAndBecomesSegments(FxRobot robot)
            throws Exception {
        LabelView v = openSample(robot);
        robot.interact(() -> {
            LabelTrainPane t = v.trainPane();
            t.network.setValue(LabelNetwork.LSTM);
            t.hidden.setText("12");
            t.epochs.setText("1");
            t.windowFrames.setText("64");
            t.batch.setText("16");
            t.modelDir.setText(dir.resolve("birds-labeller").toString());
        });
        assertTrue(fx(() -> robot.lookup("#labelMaterial").queryLabeled().getText())
                .startsWith("1 of 1 open recordings have a table (44 rows; labels: A, B, C)"));
        robot.clickOn("#trainLabeller");
        LossChart chart = v.trainPane().chart();
        waitFor("live batch points", 60, () -> fx(() -> chart.pointCount("Loss" + LossChart.BATCH_SUFFIX)) >= 2);
        waitFor("the end of the run", 120, () -> fx(() -> v.confusion().plot() != null));
        assertEquals(1, (int) fx(() -> chart.pointCount("Validation accuracy")), "one point per epoch");
        assertTrue(Files.isRegularFile(dir.resolve("birds-labeller").resolve("labeller.json")));
        String caption = fx(() -> v.confusion().caption());
        assertTrue(caption.matches("[\\d,]+ validation frames, accuracy \\d+\\.\\d %.*"), caption);
        assertEquals(List.of("(background)", "A", "B", "C"), fx(() -> v.confusion().shown().classes()));
        long[][] counts = fx(() -> v.confusion().shown().counts());
        long validationFrames = 0;
        for (long[] row : counts) {
            for (long c : row) {
                validationFrames += c;
            }
        }
        assertTrue(validationFrames > 2000 && validationFrames < 4000, "the last fifth of 15,000 frames: "
                + validationFrames);
        shoot("labelling-view.png");

        robot.interact(() -> v.applyPane().apply(List.of(view.model().recordingProperty().get())));
        waitFor("labels in the lane", 60, () -> fx(() -> !labels.lane().shown().isEmpty()));
        List<Annotation> shown = fx(() -> labels.lane().shown());
        assertTrue(shown.stream().allMatch(a -> List.of("A", "B", "C").contains(a.label())), shown.toString());
        assertTrue(shown.stream().allMatch(a -> a.attributes().containsKey("confidence")));
        assertTrue(fx(() -> v.applyPane().summary()).startsWith("bird-song.wav: " + shown.size() + " labelled"));

        robot.interact(() -> {
            v.setVvalue(1);
            v.layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
        shoot("labelling-confusion.png");

        Path out = dir.resolve("tables");
        fx(() -> v.applyPane().exportAllTo(out)).get(10, TimeUnit.SECONDS);
        Path csv = out.resolve("bird-song.csv");
        assertEquals("onset_s,offset_s,label,confidence", Files.readAllLines(csv).get(0));
        assertEquals(shown.size(), AnnotationFormat.readAny(csv).size());

        waitFor("the segmentation", 20, () -> fx(() -> seg.state().snapshot() != null));
        robot.interact(() -> v.applyPane().acceptShown());
        waitFor("labelled segments in the Segments table", 20, () -> fx(() ->
                seg.state().snapshot().segments().size() == shown.size()
                        && seg.state().snapshot().segments().stream().allMatch(i -> i.edited())));
        assertEquals(shown.get(0).label(), fx(() -> seg.state().snapshot().segments().get(0).segment().label()));
        robot.interact(() -> {
            ((TabPane) view.lookup("#viewTabs")).getSelectionModel().select(0);
            view.laneStack().lanes().forEach(Lane::repaint);
        });
        waitFor("the spectrogram", 20, () -> fx(() -> !view.spectrogramLane().isIncomplete()));
        robot.interact(() -> view.laneStack().lanes().forEach(Lane::repaint));
        shoot("labelling-lane.png");
        assertFalse(fx(() -> training.isActive()));
    }

    @Test
    void aSegmentClassifierNamesTheSegmentsOfTheSegmentation(FxRobot robot) throws Exception {
        LabelView v = openSample(robot);
        robot.interact(() -> {
            LabelTrainPane t = v.trainPane();
            t.task.setValue(LabelNetwork.Task.SEGMENTS);
            t.network.setValue(LabelNetwork.LSTM);
            t.hidden.setText("6");
            t.epochs.setText("1");
            t.windowFrames.setText("48");
            t.modelDir.setText(dir.resolve("birds-classifier").toString());
        });
        robot.clickOn("#trainLabeller");
        waitFor("the end of the run", 120, () -> fx(() -> v.confusion().plot() != null
                || !v.trainPane().notice().isEmpty()));
        assertEquals("", fx(() -> v.trainPane().notice()));
        assertEquals(List.of("A", "B", "C"), fx(() -> v.confusion().shown().classes()), "no background class");
        assertTrue(fx(() -> v.confusion().caption()).contains("validation segments"), fx(() -> v.confusion().caption()));
        waitFor("the segmentation", 20, () -> fx(() -> seg.state().snapshot() != null
                && !seg.state().snapshot().segments().isEmpty()));
        int segments = fx(() -> seg.state().snapshot().segments().size());
        robot.interact(() -> v.applyPane().apply(List.of(view.model().recordingProperty().get())));
        waitFor("labels in the lane", 60, () -> fx(() -> !labels.lane().shown().isEmpty()));
        List<Annotation> shown = fx(() -> labels.lane().shown());
        assertEquals(segments, shown.size(), "one label per segment of the Segments table");
        assertTrue(shown.stream().allMatch(a -> List.of("A", "B", "C").contains(a.label())), shown.toString());
    }

    @Test
    void refusesToTrainWithoutAnnotatedRecordings(FxRobot robot) throws Exception {
        robot.interact(() -> ((TabPane) view.lookup("#viewTabs")).getSelectionModel().select(labels.tab()));
        robot.clickOn("#trainLabeller");
        String notice = fx(() -> labels.view().trainPane().notice());
        assertTrue(notice.startsWith("Cannot train: no open recording has an annotation table"), notice);
        assertFalse(fx(() -> training.isActive()));
        assertNotNull(fx(() -> robot.lookup("#labelMaterial").queryLabeled().getText()));
    }
}
