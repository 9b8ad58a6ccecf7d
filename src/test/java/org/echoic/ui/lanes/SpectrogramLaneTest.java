package org.echoic.ui.lanes;

import org.echoic.ui.TestPlayback;
import org.echoic.ui.WorkbenchView;
import org.echoic.ui.spectrogram.SpectrogramExportActions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;

import javax.imageio.ImageIO;

import org.echoic.dsp.ColorMap;
import org.echoic.io.NpyReader;
import org.echoic.io.WavWriter;
import org.echoic.render.SpectrogramRenderer;
import org.echoic.service.AppExecutors;
import org.echoic.service.FeatureArrays;
import org.echoic.service.RecentFiles;
import org.echoic.service.RecordingService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The spectrogram lane headless (Monocle): a chirp fills in and rises, the colour map and the FFT size change the
 * image live (the old image stays while new tiles compute), band zoom on the ruler, the cursor readout, exports.
 */
@ExtendWith(ApplicationExtension.class)
class SpectrogramLaneTest {
    private static final double FS = 22_050;
    private Path dir;
    private AppExecutors executors;
    private RecordingService service;
    private WorkbenchView view;

    @Start
    void start(Stage stage) throws IOException {
        dir = Files.createTempDirectory("echoic-spec");
        Path wav = dir.resolve("chirp.wav");
        float[] x = new float[(int) (3 * FS)];
        for (int i = 0; i < x.length; i++) {
            double t = i / FS;
            x[i] = (float) (0.5 * Math.sin(2 * Math.PI * (1000 * t + 1300 * t * t)));
        }
        WavWriter.write(wav, x, FS, WavWriter.Format.PCM16);
        executors = new AppExecutors(2);
        service = new RecordingService(executors, new RecentFiles(dir.resolve("settings").resolve("recent.txt")));
        view = WorkbenchView.showIn(stage, service, TestPlayback.silent());
        view.open(List.of(wav));
    }

    @AfterEach
    void tearDown() {
        service.close();
        executors.close();
    }

    private static Image snapshot(Node node) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> node.snapshot(null, null)).get(10, TimeUnit.SECONDS);
    }

    /** Pixels right of the frequency ruler that show data (not the missing-tile colour). */
    private static double filledFraction(Image img) {
        PixelReader r = img.getPixelReader();
        int filled = 0;
        int all = 0;
        for (int y = 30; y < img.getHeight(); y += 2) {
            for (int x = (int) FrequencyRuler.WIDTH_PX + 2; x < img.getWidth(); x += 2) {
                all++;
                filled += r.getArgb(x, y) != SpectrogramRenderer.MISSING_ARGB ? 1 : 0;
            }
        }
        return filled / (double) all;
    }

    /** The row of the brightest pixel in column x. */
    private static int brightestRow(Image img, int x) {
        PixelReader r = img.getPixelReader();
        int best = 0;
        int bestLum = -1;
        for (int y = 0; y < img.getHeight(); y++) {
            int c = r.getArgb(x, y);
            int lum = ((c >> 16) & 255) + ((c >> 8) & 255) + (c & 255);
            if (lum > bestLum) {
                bestLum = lum;
                best = y;
            }
        }
        return best;
    }

    private static int differingPixels(Image a, Image b) {
        int n = 0;
        for (int y = 0; y < a.getHeight(); y += 2) {
            for (int x = 0; x < a.getWidth(); x += 2) {
                n += a.getPixelReader().getArgb(x, y) != b.getPixelReader().getArgb(x, y) ? 1 : 0;
            }
        }
        return n;
    }

    private void waitComplete(SpectrogramLane lane) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.model().recordingProperty().get() != null
                && view.model().viewport().endFrame() >= view.model().recordingProperty().get().recording().frames() - 1
                && lane.getWidth() > 100 && lane.service().pending(lane) == 0 && !lane.isIncomplete());
        WaitForAsyncUtils.asyncFx(lane::repaint).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void chirpFillsInAndSettingsApplyLive(FxRobot robot) throws Exception {
        SpectrogramLane lane = view.spectrogramLane();
        waitComplete(lane);
        Image first = snapshot(lane);
        assertTrue(filledFraction(first) > 0.99, "the lane fills in: " + filledFraction(first));
        int w = (int) first.getWidth();
        int early = brightestRow(first, (int) (FrequencyRuler.WIDTH_PX + 20));
        int late = brightestRow(first, w - 20);
        assertTrue(late < early - 40, "the chirp's bright pixels rise over time (low frequencies at the bottom): row "
                + early + " → " + late);
        double hzLate = lane.ruler(lane.getHeight()).yToHz(late);
        double tLate = view.model().viewport().xToFrame(w - 20) / FS;
        assertEquals(1000 + 2600 * tLate, hzLate, 250, "the bright row sits at the chirp's frequency");
        System.out.println("spectrogram lane paint from cached tiles: " + lane.lastPaintMs() + " ms");

        ChoiceBox<ColorMap> colorMap = robot.lookup("#colorMapChoice").queryAs(ChoiceBox.class);
        robot.interact(() -> colorMap.setValue(ColorMap.GREY));
        assertEquals(ColorMap.GREY, lane.settingsProperty().get().colorMap());
        Image grey = snapshot(lane);
        assertTrue(differingPixels(first, grey) > first.getWidth() * first.getHeight() / 8, "the colours change");
        int c = grey.getPixelReader().getArgb(w / 2, (int) lane.getHeight() / 2);
        assertEquals((c >> 16) & 255, c & 255, "grey map: red equals blue");
        assertEquals((c >> 8) & 255, c & 255, "grey map: green equals blue");

        long before = lane.service().completedTiles();
        ChoiceBox<Integer> nperseg = robot.lookup("#npersegChoice").queryAs(ChoiceBox.class);
        boolean[] pendingRightAfter = new boolean[1];
        Image[] rightAfter = new Image[1];
        robot.interact(() -> {
            nperseg.setValue(1024);
            pendingRightAfter[0] = lane.isIncomplete();
            rightAfter[0] = lane.snapshot(null, null);
        });
        assertEquals(1024, lane.settingsProperty().get().stft().nperseg());
        assertEquals(1024, lane.settingsProperty().get().stft().nfft(), "the FFT size follows a larger segment");
        assertTrue(pendingRightAfter[0], "new settings need new tiles");
        assertTrue(filledFraction(rightAfter[0]) > 0.99, "the old image stays until the new tiles arrive");
        waitComplete(lane);
        assertTrue(lane.service().completedTiles() > before, "tiles were recomputed");
        Image big = snapshot(lane);
        assertTrue(differingPixels(grey, big) > 500, "the image updates with the new FFT size");
        assertTrue(brightestRow(big, w - 20) < brightestRow(big, (int) (FrequencyRuler.WIDTH_PX + 20)) - 40);

        robot.moveTo(lane);
        String readout = robot.lookup("#cursorText").queryAs(Label.class).getText();
        assertTrue(readout.matches(".*cursor .* \\d+ Hz +-?\\d+\\.\\d dB.*"), readout);

        double nyquist = FS / 2;
        robot.moveTo(lane.localToScreen(20, 20)).press(MouseButton.PRIMARY)
                .moveBy(0, 60).moveBy(0, 60).release(MouseButton.PRIMARY);
        double lo = lane.settingsProperty().get().minHz();
        double hi = lane.settingsProperty().get().maxHzFor(FS);
        assertTrue(lo > 0 && hi < nyquist && hi - lo < nyquist / 2, "dragging on the ruler zooms into a band: " + lo
                + " – " + hi);
        assertTrue(view.model().selectionProperty().get() == null, "the ruler drag does not select time");
        waitComplete(lane);
        saveScreenshot();
        // the second press of a double click, fired directly: a loaded machine can stretch a robot's two clicks
        // beyond the multi-click interval
        javafx.geometry.Point2D at = lane.localToScreen(20, 100);
        robot.interact(() -> javafx.event.Event.fireEvent(lane, new javafx.scene.input.MouseEvent(
                javafx.scene.input.MouseEvent.MOUSE_PRESSED, 20, 100, at.getX(), at.getY(), MouseButton.PRIMARY, 2,
                false, false, false, false, true, false, false, true, false, false, null)));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Double.isNaN(lane.settingsProperty().get().maxHz()), "double-click shows the full band: " + lane.settingsProperty().get());

        SpectrogramExportActions exports = new SpectrogramExportActions(view.model(), lane, executors, s -> { });
        Path png = dir.resolve("view.png");
        Path mfcc = dir.resolve("mfcc.npy");
        WaitForAsyncUtils.asyncFx(() -> exports.exportPng(png, 0, 0, true)).get(10, TimeUnit.SECONDS).get(20, TimeUnit.SECONDS);
        java.awt.image.BufferedImage figure = ImageIO.read(png.toFile());
        assertEquals((int) lane.getWidth(), figure.getWidth());
        assertEquals(0xffffff, figure.getRGB(1, 1) & 0xffffff, "with axes: a figure on a white page");
        Files.copy(png, Path.of("target", "screenshots", "spectrogram-export-figure.png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path bare = dir.resolve("bare.png");
        WaitForAsyncUtils.asyncFx(() -> exports.exportPng(bare, 0, 0, false)).get(10, TimeUnit.SECONDS)
                .get(20, TimeUnit.SECONDS);
        assertTrue((ImageIO.read(bare.toFile()).getRGB(1, 1) & 0xffffff) != 0xffffff, "bare: the spectrogram alone");
        WaitForAsyncUtils.asyncFx(() -> exports.exportArray(mfcc, FeatureArrays.Kind.MFCC))
                .get(10, TimeUnit.SECONDS).get(20, TimeUnit.SECONDS);
        assertEquals(64, NpyReader.read(mfcc).shape()[0]);
        assertFalse(view.statusBar().message().startsWith("Export failed"));
        assertNotEquals(0, lane.service().completedTiles());
    }

    private void saveScreenshot() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> ((javafx.scene.control.TabPane) view.lookup("#toolTabs"))
                .getSelectionModel().select(1)).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        Image shot = WaitForAsyncUtils.asyncFx(() -> view.getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        Path out = Path.of("target", "screenshots", "spectrogram-workbench.png");
        Files.createDirectories(out.getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(shot, null), "png", out.toFile());
    }
}
