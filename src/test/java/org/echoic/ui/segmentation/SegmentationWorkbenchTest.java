package org.echoic.ui.segmentation;

import org.echoic.ui.TestPlayback;
import org.echoic.ui.WorkbenchView;
import org.echoic.ui.lanes.Lane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;

import javax.imageio.ImageIO;

import org.echoic.io.WavWriter;
import org.echoic.segment.Segment;
import org.echoic.segment.SegmentEdits;
import org.echoic.service.AppExecutors;
import org.echoic.service.RecentFiles;
import org.echoic.service.RecordingService;
import org.echoic.service.SegmentationService;
import org.echoic.service.SegmentationSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Segmentation in the workbench, headless: dragging the threshold slider re-segments live (count and overlay pixels
 * change while dragging), selecting a row selects and plays the segment, N moves to the next one, delete and undo,
 * references give agreement; and a screenshot on the bird-song sample with its reference table.
 */
@ExtendWith(ApplicationExtension.class)
class SegmentationWorkbenchTest {
    private static final double FS = 16_000;
    private Path dir;
    private AppExecutors executors;
    private RecordingService service;
    private SegmentationService segmentation;
    private WorkbenchView view;
    private SegmentationWorkbench seg;
    private final TestPlayback playback = TestPlayback.silent();

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("echoic-seg-ui");
        executors = new AppExecutors(2);
        service = new RecordingService(executors, new RecentFiles(dir.resolve("recent.txt")));
        view = WorkbenchView.showIn(stage, service, playback);
        segmentation = new SegmentationService(executors.compute(), null);
        seg = SegmentationWorkbench.install(view, segmentation);
        view.lookup("#toolTabs");
        TabPane tabs = (TabPane) view.lookup("#toolTabs");
        tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> t.getText().equals("Segmentation"))
                .findFirst().orElseThrow());
    }

    @AfterEach
    void tearDown() {
        segmentation.close();
        service.close();
        executors.close();
    }

    /** Calls of rising loudness, so that the threshold decides how many are kept. */
    private Path calls() throws Exception {
        float[] x = new float[(int) (4 * FS)];
        java.util.Random r = new java.util.Random(3);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.002 * (2 * r.nextDouble() - 1));
        }
        for (int k = 0; k < 12; k++) {
            int s = (int) ((0.2 + 0.3 * k) * FS);
            int n = (int) (0.08 * FS);
            double amp = 0.02 * Math.pow(1.4, k);
            for (int i = 0; i < n; i++) {
                x[s + i] += (float) (amp * Math.sin(Math.PI * i / n) * Math.sin(2 * Math.PI * 2500 * i / FS));
            }
        }
        Path wav = dir.resolve("calls.wav");
        WavWriter.write(wav, x, FS, WavWriter.Format.PCM16);
        return wav;
    }

    private void awaitSettled() throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> {
            SegmentationSnapshot s = seg.state().snapshot();
            return s != null && s.automatic() != null && !s.computing()
                    && s.params().equals(seg.state().session().params())
                    && s.version() == seg.state().session().snapshot().version();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Image snapshot(Node node) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> node.snapshot(null, null)).get(10, TimeUnit.SECONDS);
    }

    private static int differingPixels(Image a, Image b) {
        PixelReader ra = a.getPixelReader();
        PixelReader rb = b.getPixelReader();
        int n = 0;
        for (int y = 0; y < Math.min(a.getHeight(), b.getHeight()); y++) {
            for (int x = 0; x < Math.min(a.getWidth(), b.getWidth()); x++) {
                n += ra.getArgb(x, y) != rb.getArgb(x, y) ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void draggingTheThresholdReSegmentsLiveAndTheTableSelectsAndEdits(FxRobot robot) throws Exception {
        Path wav = calls();
        robot.interact(() -> view.open(List.of(wav)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.model().recordingProperty().get() != null
                && view.model().recordingProperty().get().buildProgress(0) == 1.0);
        awaitSettled();
        robot.interact(() -> robot.lookup("#thresholdMode").queryAs(javafx.scene.control.ComboBox.class)
                .setValue(SegmentationPanel.PERCENTILE));
        awaitSettled();
        robot.interact(() -> view.laneStack().lanes().forEach(Lane::repaint));
        int before = seg.state().snapshot().segments().size();
        Label count = robot.lookup("#segmentCount").queryAs(Label.class);
        assertTrue(count.getText().startsWith(before + " segments"), count.getText());
        Node waveform = robot.lookup("#waveformLane").query();
        Node spectrogram = robot.lookup("#spectrogramLane").query();
        Image waveBefore = snapshot(waveform);
        Image specBefore = snapshot(spectrogram);

        Node thumb = robot.lookup("#percentileSlider").lookup(".thumb").query();
        robot.drag(thumb, MouseButton.PRIMARY).moveBy(-40, 0).moveBy(-40, 0);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> seg.state().snapshot().automatic() != null
                && seg.state().snapshot().automatic().params().thresholdPercentile() < 85);
        assertTrue(seg.state().session().params().thresholdPercentile() < 85,
                "the segmentation follows the slider while it is dragged");
        robot.release(MouseButton.PRIMARY);
        awaitSettled();
        int after = seg.state().snapshot().segments().size();
        assertNotEquals(before, after, "a lower threshold keeps a different number of calls");
        assertEquals(1, seg.state().session().envelopeComputations(), "dragging the threshold reuses the envelope");
        assertTrue(robot.lookup("#segmentCount").queryAs(Label.class).getText().startsWith(after + " segments"));
        robot.interact(() -> view.laneStack().lanes().forEach(Lane::repaint));
        assertTrue(differingPixels(waveBefore, snapshot(waveform)) > 200, "the overlay on the waveform changed");
        assertTrue(differingPixels(specBefore, snapshot(spectrogram)) > 200, "the overlay on the spectrogram changed");

        robot.interact(() -> seg.table().table().getSelectionModel().select(1));
        Segment second = seg.state().snapshot().segments().get(seg.table().table().getItems().get(1).index()).segment();
        assertEquals(second.startFrame(), view.model().selectionProperty().get().startFrame());
        assertEquals(second.endFrame(), view.model().selectionProperty().get().endFrame());
        assertEquals(1, playback.calls(), "selecting a row plays the segment");
        robot.interact(() -> seg.step(1));
        assertEquals(2, seg.state().selectedIndexProperty().get(), "next segment");
        robot.clickOn("#waveformLane");
        robot.type(KeyCode.N);
        assertTrue(playback.calls() >= 2);

        Path table = dir.resolve("out").resolve("calls.segments.csv");
        Files.createDirectories(table.getParent());
        seg.exports().exportTable(table, org.echoic.io.AnnotationFormat.CSV).get(10, TimeUnit.SECONDS);
        List<Segment> shown = seg.state().snapshot().segments().stream().map(i -> i.segment()).toList();
        assertEquals(shown, org.echoic.io.CsvAnnotations.read(table).stream().map(a -> a.toSegment(FS)).toList(),
                "the exported table holds the shown segments");
        seg.exports().exportEach(dir.resolve("clips"), false).get(10, TimeUnit.SECONDS);
        try (var files = Files.list(dir.resolve("clips"))) {
            assertEquals(shown.size(), files.count(), "one WAV per segment");
        }

        int n = seg.state().snapshot().segments().size();
        robot.interact(() -> seg.state().selectedIndexProperty().set(0));
        robot.interact(() -> ((javafx.scene.control.Button) seg.table().lookup("#segmentDelete")).fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> seg.state().snapshot().segments().size() == n - 1);
        robot.interact(() -> ((javafx.scene.control.Button) seg.table().lookup("#segmentUndo")).fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> seg.state().snapshot().segments().size() == n);
    }

    @Test
    void birdSongWithItsReferencesScreenshot(FxRobot robot) throws Exception {
        Path wav = Path.of("sample-data", "bird-song.wav");
        Path csv = Path.of("sample-data", "bird-song.csv");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(wav) && Files.isRegularFile(csv),
                "the bundled sample sample-data/bird-song.wav is not in the working directory");
        robot.interact(() -> view.open(List.of(wav)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.model().recordingProperty().get() != null
                && view.model().recordingProperty().get().buildProgress(0) == 1.0);
        awaitSettled();
        robot.interact(() -> seg.agreement().load(csv));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> seg.state().snapshot().agreement() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#agreementLabel").queryAs(Label.class).getText().contains("F1"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !view.spectrogramLane().isIncomplete());
        robot.interact(() -> view.laneStack().lanes().forEach(Lane::repaint));
        WaitForAsyncUtils.waitForFxEvents();
        Image shot = WaitForAsyncUtils.asyncFx(() -> view.getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        Path out = Path.of("target", "screenshots", "segmentation.png");
        Files.createDirectories(out.getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(shot, null), "png", out.toFile());
        assertTrue(Files.size(out) > 10_000);
        robot.interact(() -> {
            view.model().setViewport(view.model().viewport().showRange(0.6 * 44_100, 3.6 * 44_100));
            seg.state().selectedIndexProperty().set(2);
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !view.spectrogramLane().isIncomplete());
        robot.interact(() -> view.laneStack().lanes().forEach(Lane::repaint));
        Segment third = seg.state().snapshot().segments().get(2).segment();
        Node segmentLane = robot.lookup("#segmentLane").query();
        double x = view.model().viewport().frameToX((third.startFrame() + third.endFrame()) / 2.0);
        robot.moveTo(segmentLane).moveTo(segmentLane.localToScreen(x, 10));
        WaitForAsyncUtils.waitForFxEvents();
        String readout = robot.lookup("#cursorText").queryAs(Label.class).getText();
        assertTrue(readout.contains("segment 3: "), "hovering names the segment: " + readout);
        double right = view.model().viewport().frameToX(third.endFrame());
        robot.moveTo(segmentLane.localToScreen(right, 10)).press(MouseButton.PRIMARY)
                .moveTo(segmentLane.localToScreen(right + 25, 10)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> seg.state().snapshot().segments().stream()
                .anyMatch(i -> i.edited() && i.segment().startFrame() == third.startFrame()));
        SegmentEdits.Move move = (SegmentEdits.Move) seg.state().session().edits().get(0);
        assertEquals(third.endFrame() + 25 * view.model().viewport().framesPerPixel(), move.newEndFrame(),
                2 * view.model().viewport().framesPerPixel(), "dragging the right edge moves it");
        assertEquals(third.startFrame(), move.newStartFrame());
        Image zoomed = WaitForAsyncUtils.asyncFx(() -> view.getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        ImageIO.write(SwingFXUtils.fromFXImage(zoomed, null), "png", out.resolveSibling("segmentation-zoomed.png").toFile());
    }
}
