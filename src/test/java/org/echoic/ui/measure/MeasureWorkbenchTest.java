package org.echoic.ui.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.image.Image;
import javafx.stage.Stage;

import javax.imageio.ImageIO;

import org.echoic.io.AnnotationFormat;
import org.echoic.io.WavWriter;
import org.echoic.measure.Measurement;
import org.echoic.service.AppExecutors;
import org.echoic.service.RecentFiles;
import org.echoic.service.RecordingService;
import org.echoic.service.SegmentationService;
import org.echoic.ui.TestPlayback;
import org.echoic.ui.WorkbenchView;
import org.echoic.ui.lanes.Lane;
import org.echoic.ui.lanes.TimeSelection;
import org.echoic.ui.segmentation.SegmentationWorkbench;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Measurements tab, headless: the time selection's values appear beside it, Measure fills the table for every
 * segment with F0, the trace is drawn over the spectrogram, and the export writes a Raven table and contours.
 */
@ExtendWith(ApplicationExtension.class)
class MeasureWorkbenchTest {
    private static final int FS = 32_000;
    private Path dir;
    private AppExecutors executors;
    private RecordingService service;
    private SegmentationService segmentation;
    private WorkbenchView view;
    private MeasureWorkbench measure;
    private SegmentationWorkbench seg;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("echoic-measure-ui");
        executors = new AppExecutors(2);
        service = new RecordingService(executors, new RecentFiles(dir.resolve("recent.txt")));
        view = WorkbenchView.showIn(stage, service, TestPlayback.silent());
        segmentation = new SegmentationService(executors.compute(), null);
        seg = SegmentationWorkbench.install(view, segmentation);
        measure = MeasureWorkbench.install(view, seg.state());
        this.stage = stage;
        TabPane tabs = (TabPane) view.lookup("#toolTabs");
        tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> t.getText().equals("Measurements"))
                .findFirst().orElseThrow());
    }

    @AfterEach
    void tearDown() {
        segmentation.close();
        service.close();
        executors.close();
    }

    /** Four 2→4 kHz chirps of 0.3 s and one 3 kHz tone in faint noise. */
    private Path calls() throws Exception {
        float[] x = new float[3 * FS];
        java.util.Random r = new java.util.Random(5);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.001 * r.nextGaussian());
        }
        for (int k = 0; k < 4; k++) {
            int s = (int) ((0.2 + 0.5 * k) * FS);
            for (int i = 0; i < 0.3 * FS; i++) {
                double t = i / (double) FS;
                x[s + i] += (float) (0.4 * Math.sin(2 * Math.PI * (2000 * t + 2000 / 0.3 * t * t / 2)));
            }
        }
        for (int i = (int) (2.3 * FS); i < (int) (2.7 * FS); i++) {
            x[i] += (float) (0.4 * Math.sin(2 * Math.PI * 3000 * i / FS));
        }
        Path wav = dir.resolve("calls.wav");
        WavWriter.write(wav, x, FS, WavWriter.Format.PCM16);
        return wav;
    }

    @Test
    void selectionValuesTableTraceAndExport(FxRobot robot) throws Exception {
        Path wav = calls();
        robot.interact(() -> view.open(List.of(wav)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.model().recordingProperty().get() != null);
        robot.interact(() -> ((CheckBox) robot.lookup("#measurePitch").query()).setSelected(true));
        robot.interact(() -> view.model().selectionProperty().set(new TimeSelection((long) (2.35 * FS),
                (long) (2.65 * FS))));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> measure.panel().selectionMeasurements() != null
                && measure.panel().selectionMeasurements().pitch() != null);
        WaitForAsyncUtils.waitForFxEvents();
        Label peak = robot.lookup("#sel-PEAK_FREQ").queryAs(Label.class);
        assertEquals(3000, Double.parseDouble(peak.getText()), 62.5, "the tone's Peak Freq beside the selection");
        Label f0 = robot.lookup("#sel-MEAN_F0").queryAs(Label.class);
        assertEquals(3000, Double.parseDouble(f0.getText()), 30);

        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> {
            var s = snapshot();
            return s != null && s.automatic() != null && !s.computing() && s.segments().size() >= 4;
        });
        robot.interact(() -> ((Button) robot.lookup("#measureAll").query()).fire());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !measure.panel().measured().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        var rows = measure.panel().measured();
        long chirps = rows.stream().filter(m -> Math.abs(Measurement.CENTER_FREQ.valueOf(m) - 3000) < 300).count();
        assertTrue(chirps >= 4, "the chirps' centre frequencies: " + rows.size() + " rows");
        assertTrue(rows.stream().allMatch(m -> m.pitch() != null));

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !view.spectrogramLane().isIncomplete());
        robot.interact(() -> view.laneStack().lanes().forEach(Lane::repaint));
        WaitForAsyncUtils.waitForFxEvents();
        Image shot = WaitForAsyncUtils.asyncFx(() -> view.getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        Path png = Path.of("target", "screenshots", "measurements.png");
        Files.createDirectories(png.getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(shot, null), "png", png.toFile());
        assertTrue(countTracePixels(shot) > 50, "the F0 trace is drawn over the spectrogram");

        Path out = dir.resolve("calls.measurements.txt");
        robot.interact(() -> exports().export(out, AnnotationFormat.RAVEN));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(dir.resolve("calls.pitch.csv")));
        String header = Files.readAllLines(out).get(0);
        assertTrue(header.contains("Peak Freq (Hz)") && header.contains("Mean F0 (Hz)"), header);
        assertEquals(rows.size() + 1, Files.readAllLines(out).size());
    }

    @Test
    void chorusRavenBoxesMeasuredWithF0Screenshots(FxRobot robot) throws Exception {
        Path wav = org.echoic.SharedData.recording("chorus-raven/Recording_1_Segment_07-snippet.wav");
        Path table = org.echoic.SharedData.recording(
                "chorus-raven/Recording_1_Segment_07-snippet.first10s.selections.txt");
        robot.interact(() -> view.open(List.of(wav)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.model().recordingProperty().get() != null);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> snapshot() != null && snapshot().automatic() != null);
        robot.interact(() -> seg.agreement().load(table));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> snapshot().references().size() == 9);
        robot.interact(() -> {
            ((CheckBox) robot.lookup("#measurePitch").query()).setSelected(true);
            robot.lookup("#measureSource").queryAs(javafx.scene.control.ChoiceBox.class).setValue("References");
            ((Button) robot.lookup("#measureAll").query()).fire();
        });
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> measure.panel().measured().size() == 9);
        var noca = measure.panel().measured().get(0);
        assertEquals("NOCA", noca.selection().label());
        assertEquals(2125, Measurement.PEAK_FREQ.valueOf(noca), 1e-6, "as scipy computes it for this box");
        robot.interact(() -> {
            robot.lookup("#measureLowHz").queryAs(javafx.scene.control.TextField.class).setText("1723.5");
            robot.lookup("#measureHighHz").queryAs(javafx.scene.control.TextField.class).setText("4048.9");
            view.model().selectionProperty().set(new TimeSelection((long) (0.92346 * 32000), (long) (2.30865 * 32000)));
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> measure.panel().selectionMeasurements() != null
                && measure.panel().selectionMeasurements().spectral().lowHz() == 1723.5);
        assertEquals(Measurement.PEAK_FREQ.valueOf(measure.panel().measured().get(1)),
                Measurement.PEAK_FREQ.valueOf(measure.panel().selectionMeasurements()), 1e-9,
                "a selection drawn over the WOTH box measures as its table row does");
        for (int[] size : new int[][] {{1280, 800}, {1024, 700}}) {
            robot.interact(() -> {
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
            });
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !view.spectrogramLane().isIncomplete());
            robot.interact(() -> view.laneStack().lanes().forEach(Lane::repaint));
            WaitForAsyncUtils.waitForFxEvents();
            Image shot = WaitForAsyncUtils.asyncFx(() -> view.getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
            Path png = Path.of("target", "screenshots", "measurements-chorus-" + size[0] + ".png");
            Files.createDirectories(png.getParent());
            ImageIO.write(SwingFXUtils.fromFXImage(shot, null), "png", png.toFile());
            assertTrue(countTracePixels(shot) > 20, "F0 traces over the chorus spectrogram");
        }
    }

    private org.echoic.service.SegmentationSnapshot snapshot() {
        var session = segmentation.session(view.model().recordingProperty().get());
        return session == null ? null : session.snapshot();
    }

    private MeasurementExportActions exports() {
        return measure.panel().exports();
    }

    private static int countTracePixels(Image img) {
        var pr = img.getPixelReader();
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int argb = pr.getArgb(x, y);
                int r = (argb >> 16) & 0xFF;
                int g = (argb >> 8) & 0xFF;
                int b = argb & 0xFF;
                n += r < 60 && g > 200 && b > 230 ? 1 : 0;
            }
        }
        return n;
    }
}
