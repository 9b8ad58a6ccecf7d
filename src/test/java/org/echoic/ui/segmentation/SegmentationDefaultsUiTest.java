package org.echoic.ui.segmentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

import org.echoic.io.WavWriter;
import org.echoic.segment.SegmentEdits;
import org.echoic.segment.SegmentationParams;
import org.echoic.service.AppExecutors;
import org.echoic.service.RecentFiles;
import org.echoic.service.RecordingService;
import org.echoic.service.SegmentationService;
import org.echoic.service.SegmentationSnapshot;
import org.echoic.ui.TestPlayback;
import org.echoic.ui.WorkbenchView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Segmentation tab with Echoic's defaults, headless: a recording with a DC offset is segmented right away (the
 * high-pass), turning the high-pass off loses the calls, padded neighbours never overlap, the threshold mode switches
 * between dB above the noise floor and a percentile, the suggestion sets band and maximum length, and a tuned maximum
 * beyond 2,000 ms widens the length slider instead of pinning it.
 */
@ExtendWith(ApplicationExtension.class)
class SegmentationDefaultsUiTest {
    private static final double FS = 16_000;
    private static final int CALLS = 8;
    private AppExecutors executors;
    private RecordingService service;
    private SegmentationService segmentation;
    private WorkbenchView view;
    private SegmentationWorkbench seg;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("echoic-seg-defaults");
        float[] x = new float[(int) (4 * FS)];
        java.util.Random r = new java.util.Random(4);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.25 + 0.002 * r.nextGaussian());
        }
        for (int k = 0; k < CALLS; k++) {
            int s = (int) ((0.2 + 0.45 * k) * FS);
            int n = (int) ((k % 2 == 0 ? 0.12 : 0.3) * FS);
            for (int i = 0; i < n; i++) {
                x[s + i] += (float) ((k % 2 == 0 ? 0.3 : 0.05) * Math.sin(Math.PI * i / n)
                        * Math.sin(2 * Math.PI * 3000 * i / FS));
            }
        }
        Path wav = dir.resolve("offset-calls.wav");
        WavWriter.write(wav, x, FS, WavWriter.Format.PCM16);
        executors = new AppExecutors(2);
        service = new RecordingService(executors, new RecentFiles(dir.resolve("recent.txt")));
        view = WorkbenchView.showIn(stage, service, TestPlayback.silent());
        segmentation = new SegmentationService(executors.compute(), null);
        seg = SegmentationWorkbench.install(view, segmentation);
        TabPane tabs = (TabPane) view.lookup("#toolTabs");
        tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> t.getText().equals("Segmentation"))
                .findFirst().orElseThrow());
        view.open(List.of(wav));
    }

    @AfterEach
    void tearDown() {
        segmentation.close();
        service.close();
        executors.close();
    }

    private void awaitSettled() throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> {
            SegmentationSnapshot s = seg.state().snapshot();
            return seg.state().session() != null && s != null && s.automatic() != null && !s.computing()
                    && s.params().equals(seg.state().session().params())
                    && s.version() == seg.state().session().snapshot().version();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void assertNoOverlaps() {
        List<SegmentEdits.Item> items = seg.state().snapshot().segments();
        for (int i = 1; i < items.size(); i++) {
            assertTrue(items.get(i - 1).segment().endFrame() <= items.get(i).segment().startFrame(),
                    "segments " + (i - 1) + " and " + i + " overlap: " + items);
        }
    }

    @Test
    void defaultsFindTheCallsUnderADcOffsetWithoutOverlapsAndTheControlsFollow(FxRobot robot) throws Exception {
        awaitSettled();
        assertEquals(SegmentationParams.DEFAULTS, seg.state().session().params());
        assertEquals(CALLS, seg.state().snapshot().segments().size(), "loud and soft calls over the offset");
        @SuppressWarnings("unchecked")
        ComboBox<String> mode = robot.lookup("#thresholdMode").queryAs(ComboBox.class);
        assertEquals(SegmentationPanel.ABOVE_NOISE, mode.getValue());
        assertTrue(robot.lookup("#aboveNoiseSlider").query().getParent().isVisible());
        assertFalse(robot.lookup("#percentileSlider").query().getParent().isVisible());
        CheckBox overlap = robot.lookup("#overlapFreeToggle").queryAs(CheckBox.class);
        assertTrue(overlap.isSelected());

        @SuppressWarnings("unchecked")
        Spinner<Double> buffer = robot.lookup("#bufferSpinner").queryAs(Spinner.class);
        robot.interact(() -> buffer.getValueFactory().setValue(100.0));
        awaitSettled();
        assertEquals(100, seg.state().session().params().bufferMs(), 0);
        assertNoOverlaps();
        robot.interact(() -> overlap.setSelected(false));
        awaitSettled();
        assertFalse(seg.state().session().params().overlapFree(), "the check box reaches the parameters");

        @SuppressWarnings("unchecked")
        Spinner<Double> highPass = robot.lookup("#highPassSpinner").queryAs(Spinner.class);
        robot.interact(() -> highPass.getValueFactory().setValue(0.0));
        awaitSettled();
        assertFalse(seg.state().session().params().hasHighPass());
        assertEquals(0, seg.state().snapshot().segments().size(), "without the high-pass the offset hides the calls");

        robot.interact(() -> mode.setValue(SegmentationPanel.PERCENTILE));
        awaitSettled();
        assertFalse(seg.state().session().params().usesNoiseThreshold());
        assertTrue(robot.lookup("#percentileSlider").query().getParent().isVisible());
        assertFalse(robot.lookup("#aboveNoiseSlider").query().getParent().isVisible());
    }

    @Test
    void theSuggestionSetsBandAndMaximumLengthAndLongMaximaWidenTheSlider(FxRobot robot) throws Exception {
        awaitSettled();
        robot.interact(() -> robot.lookup("#suggestButton").queryAs(Button.class).fire());
        Label why = robot.lookup("#suggestionLabel").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> why.getText().startsWith("Suggested: "));
        awaitSettled();
        SegmentationParams p = seg.state().session().params();
        assertTrue(p.hasBand() && p.bandLowHz() < 3000 && p.bandHighHz() > 3000, why.getText() + " " + p);
        assertEquals(500, p.maxLengthMs(), 0, "1.5 x the 0.3 s calls, rounded up: " + why.getText());
        assertEquals(CALLS, seg.state().snapshot().segments().size());
        assertTrue(robot.lookup("#bandToggle").queryAs(CheckBox.class).isSelected(), "the band shows as set");

        robot.interact(() -> seg.state().session().setParams(p.withMaxLengthMs(5298)));
        awaitSettled();
        SegmentationPanel panel = robot.lookup("#segmentationPanel").queryAs(SegmentationPanel.class);
        double[] range = panel.lengthRange();
        assertTrue(range[1] >= 5298 * 1.2, "an auto-tuned 5,298 ms maximum is not pinned at the slider's end: "
                + range[1]);
    }
}
