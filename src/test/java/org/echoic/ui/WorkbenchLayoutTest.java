package org.echoic.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.echoic.io.WavWriter;
import org.echoic.service.AppExecutors;
import org.echoic.service.RecentFiles;
import org.echoic.service.RecordingService;
import org.echoic.service.SegmentationService;
import org.echoic.ui.lanes.WaveformLane;
import org.echoic.ui.segmentation.SegmentationWorkbench;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window holds up: its size, panes that keep their width through a resize, lanes that follow it, a long status
 * message that is elided instead of widening the layout, keys that reach a focused slider, the Help menu.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchLayoutTest {
    private AppExecutors executors;
    private RecordingService service;
    private SegmentationService segmentations;
    private WorkbenchView view;
    private Stage stage;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        Path dir = Files.createTempDirectory("echoic-layout");
        Path wav = Files.createDirectories(dir.resolve("a-rather-long-folder-name-for-the-recording-pane")
                .resolve("and-another-long-folder-name")).resolve("tones.wav");
        float[] x = new float[4 * 16_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.5 * Math.sin(2 * Math.PI * 1500 * i / 16_000.0) * ((i / 4000) % 2));
        }
        WavWriter.write(wav, x, 16_000, WavWriter.Format.PCM16);
        executors = new AppExecutors(2);
        service = new RecordingService(executors, new RecentFiles(dir.resolve("recent.txt")));
        view = WorkbenchView.showIn(stage, service, TestPlayback.noOutput());
        segmentations = new SegmentationService(executors.compute(), null);
        SegmentationWorkbench.install(view, segmentations);
        view.open(List.of(wav));
    }

    @AfterEach
    void tearDown() {
        segmentations.close();
        service.close();
        executors.close();
    }

    private void waitOpen() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.model().recordingProperty().get() != null
                && view.model().recordingProperty().get().buildProgress(0) == 1.0);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theWindowHasItsOwnSizeAndAMinimumAWindowManagerHonours() {
        assertArrayEquals(new double[] {1280, 800}, WindowSizing.initialSize(new Rectangle2D(0, 0, 1920, 1050)));
        assertArrayEquals(new double[] {1024, 700}, WindowSizing.initialSize(new Rectangle2D(0, 0, 1024, 700)),
                "a small screen: all of it");
        assertArrayEquals(new double[] {800, 500}, WindowSizing.initialSize(new Rectangle2D(0, 0, 800, 500)));
        assertTrue(stage.getMinWidth() >= Math.min(WindowSizing.MIN_WIDTH, stage.getWidth()), "min " + stage.getMinWidth());
        assertTrue(stage.getMinHeight() >= 500, "min height " + stage.getMinHeight());
        assertTrue(stage.getWidth() >= 800 && stage.getHeight() >= 500, stage.getWidth() + " x " + stage.getHeight());
    }

    @Test
    void panesKeepTheirWidthAndLanesFollowAResize(FxRobot robot) throws Exception {
        waitOpen();
        for (double[] size : new double[][] {{1000, 700}, {1280, 800}, {900, 600}}) {
            robot.interact(() -> {
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
            });
            WaitForAsyncUtils.waitForFxEvents();
            Node tools = robot.lookup("#toolTabs").query();
            Node list = robot.lookup("#recordingList").query();
            double sceneWidth = view.getScene().getWidth();
            Bounds t = tools.localToScene(tools.getBoundsInLocal());
            assertTrue(t.getWidth() >= WorkbenchView.TOOLS_MIN_WIDTH - 1, "tool pane " + t.getWidth() + " at " + size[0]);
            assertTrue(t.getMaxX() <= sceneWidth + 1, "tool pane on screen");
            assertTrue(list.getBoundsInLocal().getWidth() >= WorkbenchView.LIST_MIN_WIDTH - 1);
            WaveformLane lane = robot.lookup("#waveformLane").queryAs(WaveformLane.class);
            assertEquals((int) Math.floor(lane.getWidth()), view.model().viewport().widthPx(), 1);
            WritableImage shot = WaitForAsyncUtils.asyncFx(() -> lane.snapshot(null, null)).get(5, TimeUnit.SECONDS);
            int right = (int) shot.getWidth() - 3;
            int argb = shot.getPixelReader().getArgb(right, (int) shot.getHeight() / 2);
            assertTrue((argb >>> 24) == 0xff && argb != 0xffffffff,
                    "the lane is painted to its new right edge at " + size[0] + ": " + Integer.toHexString(argb));
        }
    }

    @Test
    void aLongStatusMessageIsElidedInsteadOfWideningTheWindow(FxRobot robot) throws Exception {
        waitOpen();
        String longText = "No line matching interface SourceDataLine supporting format PCM_SIGNED 44100.0 Hz, "
                .repeat(30);
        robot.interact(() -> {
            view.statusBar().setMessage(longText);
            view.statusBar().setNotice(longText);
        });
        WaitForAsyncUtils.waitForFxEvents();
        double sceneWidth = view.getScene().getWidth();
        Node tools = robot.lookup("#toolTabs").query();
        assertTrue(tools.localToScene(tools.getBoundsInLocal()).getMaxX() <= sceneWidth + 1, "tool pane on screen");
        Node bar = robot.lookup("#statusBar").query();
        assertTrue(bar.getBoundsInParent().getWidth() <= sceneWidth + 1, "status bar " + bar.getBoundsInParent());
        Label message = robot.lookup("#statusText").queryAs(Label.class);
        assertTrue(message.getWidth() < sceneWidth, "message elided: " + message.getWidth());
        assertEquals(longText, message.getTooltip().getText(), "the whole text in the tooltip");

        robot.clickOn("#playButton");
        assertEquals("Cannot play: No audio output available", robot.lookup("#noticeText").queryAs(Label.class).getText());
    }

    @Test
    void aFocusedSliderGetsTheArrowKeysAndTheLanesGetThemOtherwise(FxRobot robot) throws Exception {
        waitOpen();
        robot.clickOn("#zoomIn").clickOn("#zoomIn");
        robot.clickOn("Segmentation");
        double start = view.model().viewport().startFrame();
        Slider threshold = robot.lookup("#aboveNoiseSlider").queryAs(Slider.class);
        robot.interact(threshold::requestFocus);
        double before = threshold.getValue();
        robot.type(KeyCode.RIGHT);
        assertEquals(before + 0.5, threshold.getValue(), 1e-9, "→ nudges the slider by its step");
        assertEquals(start, view.model().viewport().startFrame(), 0, "… and does not scroll the lanes");
        robot.type(KeyCode.HOME);
        assertEquals(0, threshold.getValue(), 1e-9, "Home goes to the slider's minimum");
        assertTrue(view.model().viewport().framesPerPixel() < 4 * 16_000.0 / 400, "still zoomed in");

        robot.clickOn("#waveformLane");
        WaitForAsyncUtils.waitForFxEvents();
        double before2 = view.model().viewport().startFrame();
        robot.type(KeyCode.RIGHT);
        assertTrue(view.model().viewport().startFrame() > before2, "with the lanes focused → scrolls, not the tabs");
        assertEquals("Sound", robot.lookup("#viewTabs").queryAs(javafx.scene.control.TabPane.class)
                .getSelectionModel().getSelectedItem().getText());
    }

    @Test
    void theHelpMenuListsTheKeys(FxRobot robot) throws Exception {
        waitOpen();
        robot.clickOn("Help").clickOn("Keys and mouse");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#helpKeysDialog").tryQuery().isPresent());
        DialogPane keys = robot.lookup("#helpKeysDialog").queryAs(DialogPane.class);
        assertTrue(keys.lookupAll(".label").stream().anyMatch(n -> "Space".equals(((Label) n).getText())));
        robot.interact(() -> keys.getScene().getWindow().hide());
        assertTrue(HelpMenu.DOCS.contains("README.md"));
        assertTrue(HelpMenu.aboutText().contains("JavaFX"));
    }

    @Test
    void longFolderNamesAreElidedInsteadOfWrappedLetterByLetter(FxRobot robot) throws Exception {
        waitOpen();
        robot.interact(() -> {
            stage.setWidth(900);
            stage.setHeight(600);
        });
        javafx.scene.control.TabPane tools = robot.lookup("#toolTabs").queryAs(javafx.scene.control.TabPane.class);
        robot.interact(() -> tools.getSelectionModel().select(tools.getTabs().stream()
                .filter(t -> t.getText().equals("Recording")).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.layout.GridPane info = robot.lookup("#recordingInfo").queryAs(javafx.scene.layout.GridPane.class);
        Label folder = info.getChildren().stream().filter(n -> n instanceof Label l
                && l.getText().endsWith("and-another-long-folder-name")).map(n -> (Label) n).findFirst().orElseThrow();
        Label key = info.getChildren().stream().filter(n -> n instanceof Label l && l.getText().equals("Folder"))
                .map(n -> (Label) n).findFirst().orElseThrow();
        assertTrue(!folder.isWrapText() && folder.getHeight() < 1.5 * key.getHeight(),
                "one line: " + folder.getHeight() + " px against " + key.getHeight());
        javafx.scene.text.Text shown = (javafx.scene.text.Text) folder.lookup(".text");
        assertTrue((shown.getText().contains("…") || shown.getText().contains("..."))
                        && shown.getText().length() < folder.getText().length(),
                "elided: " + shown.getText());
        assertEquals(folder.getText(), folder.getTooltip().getText(), "the whole folder in the tooltip");
    }
}
