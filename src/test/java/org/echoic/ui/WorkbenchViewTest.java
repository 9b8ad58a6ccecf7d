package org.echoic.ui;

import org.echoic.ui.lanes.Lane;
import org.echoic.ui.lanes.TimeSelection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javafx.stage.Window;

import javax.imageio.ImageIO;

import org.echoic.io.WavWriter;
import org.echoic.render.Viewport;
import org.echoic.render.WaveformRenderer;
import org.echoic.service.AppExecutors;
import org.echoic.service.RecentFiles;
import org.echoic.service.RecordingService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The workbench flow headless (Monocle): open, draw, zoom, select, play without audio, a bad file, a screenshot. */
@ExtendWith(ApplicationExtension.class)
class WorkbenchViewTest {
    private Path dir;
    private AppExecutors executors;
    private RecordingService service;
    private WorkbenchView view;
    private final TestPlayback playback = TestPlayback.noOutput();

    @Start
    void start(Stage stage) throws IOException {
        dir = Files.createTempDirectory("echoic-ui");
        Path wav = dir.resolve("chirps.wav");
        float[] x = new float[3 * 22_050];
        for (int i = 0; i < x.length; i++) {
            double t = i / 22_050.0;
            x[i] = (float) (0.6 * Math.sin(2 * Math.PI * (2000 + 1500 * t) * t) * Math.exp(-8 * (t % 0.5)));
        }
        WavWriter.write(wav, x, 22_050, WavWriter.Format.PCM16);
        executors = new AppExecutors(2);
        service = new RecordingService(executors, new RecentFiles(dir.resolve("settings").resolve("recent.txt")));
        view = WorkbenchView.showIn(stage, service, playback);
        view.open(List.of(wav));
    }

    @AfterEach
    void tearDown() {
        service.close();
        executors.close();
    }

    private static int countColour(Image img, int argb) {
        PixelReader r = img.getPixelReader();
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                n += r.getArgb(x, y) == argb ? 1 : 0;
            }
        }
        return n;
    }

    private static Image snapshot(Node node) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> node.snapshot(null, null)).get(10, TimeUnit.SECONDS);
    }

    @Test
    void openDrawZoomSelectPlayAndSurviveABadFile(FxRobot robot) throws Exception {
        ListView<?> list = robot.lookup("#recordingList").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getItems().size() == 1
                && view.model().recordingProperty().get() != null
                && view.model().recordingProperty().get().buildProgress(0) == 1.0);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> view.laneStack().lanes().forEach(Lane::repaint));
        Node lane = robot.lookup("#waveformLane").query();
        Image drawn = snapshot(lane);
        assertTrue(countColour(drawn, WaveformRenderer.ENVELOPE) + countColour(drawn, WaveformRenderer.RMS) > 2000,
                "the waveform is drawn in the lane");

        @SuppressWarnings("unchecked")
        javafx.scene.control.Spinner<Double> carrier = robot.lookup("#carrierKHz").queryAs(javafx.scene.control.Spinner.class);
        assertEquals(9.0, carrier.getValue(), "a 45 kHz carrier cannot exist at 22.05 kHz: 40 % of the rate instead");
        assertEquals(11.0, ((javafx.scene.control.SpinnerValueFactory.DoubleSpinnerValueFactory) carrier.getValueFactory())
                .getMax(), "at most the Nyquist frequency");

        Viewport fit = view.model().viewport();
        assertEquals(0, fit.startFrame());
        assertEquals(3 * 22_050, fit.endFrame(), 1);
        robot.clickOn("#zoomIn");
        robot.type(KeyCode.ADD);
        assertEquals(fit.framesPerPixel() / 4, view.model().viewport().framesPerPixel(), 1e-9, "two zoom steps in");
        robot.type(KeyCode.MINUS);
        assertEquals(fit.framesPerPixel() / 2, view.model().viewport().framesPerPixel(), 1e-9, "one step out");
        robot.type(KeyCode.HOME);
        assertEquals(fit.framesPerPixel(), view.model().viewport().framesPerPixel(), 1e-9, "Home fits");

        robot.drag(lane, MouseButton.PRIMARY).moveBy(-200, 0).moveBy(-100, 0).release(MouseButton.PRIMARY);
        TimeSelection sel = view.model().selectionProperty().get();
        assertNotNull(sel, "dragging selects a range");
        assertEquals(300 * fit.framesPerPixel(), sel.frames(), 3 * fit.framesPerPixel());
        assertTrue(robot.lookup("#selectionText").queryAs(Label.class).getText().matches("selection [0-9.]+ s – [0-9.]+ s \\(.*\\)"),
                robot.lookup("#selectionText").queryAs(Label.class).getText());
        robot.type(KeyCode.Z);
        assertEquals(sel.startFrame(), view.model().viewport().startFrame(), 1, "Z zooms to the selection");
        assertEquals(sel.endFrame(), view.model().viewport().endFrame(), 1);

        robot.clickOn("#playButton");
        assertEquals(1, playback.calls());
        assertEquals("Cannot play: No audio output available", robot.lookup("#noticeText").queryAs(Label.class).getText());

        robot.type(KeyCode.HOME);
        saveScreenshot();

        Path bad = dir.resolve("not-audio.wav");
        Files.writeString(bad, "this is not a RIFF file");
        robot.interact(() -> view.open(List.of(bad, dir.resolve("missing.wav"))));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#openErrorDialog").tryQuery().isPresent());
        DialogPane dialog = robot.lookup("#openErrorDialog").queryAs(DialogPane.class);
        assertTrue(dialog.getContentText().contains("not-audio.wav"), dialog.getContentText());
        assertTrue(dialog.getContentText().contains("missing.wav"), dialog.getContentText());
        assertEquals("Could not open 2 recordings", dialog.getHeaderText());
        Window dialogWindow = dialog.getScene().getWindow();
        robot.interact(dialogWindow::hide);

        robot.type(KeyCode.HOME);
        robot.clickOn("#zoomIn");
        assertEquals(fit.framesPerPixel() / 2, view.model().viewport().framesPerPixel(), 1e-9, "still responds");
        assertEquals(1, list.getItems().size());
        robot.type(KeyCode.ESCAPE);
        assertNull(view.model().selectionProperty().get());
    }

    private void saveScreenshot() throws Exception {
        Image shot = WaitForAsyncUtils.asyncFx(() -> view.getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        Path out = Path.of("target", "screenshots", "workbench.png");
        Files.createDirectories(out.getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(shot, null), "png", out.toFile());
    }
}
