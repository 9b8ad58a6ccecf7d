package org.echoic.ui.generate;

import org.echoic.ui.TestPlayback;
import org.echoic.ui.WorkbenchView;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.stage.Stage;

import javax.imageio.ImageIO;

import org.echoic.TinyAudioModel;
import org.echoic.audio.Recording;
import org.echoic.io.AudioFiles;
import org.echoic.io.CheckpointFolder;
import org.echoic.rnnrbm.GateActivation;
import org.echoic.rnnrbm.RmsProp;
import org.echoic.rnnrbm.RnnRbm;
import org.echoic.rnnrbm.RnnRbmConfig;
import org.echoic.train.Checkpoint;
import org.echoic.train.TrainingConfig;
import org.echoic.train.TrainingState;
import org.echoic.service.AppExecutors;
import org.echoic.service.GeneratedItem;
import org.echoic.service.RecentFiles;
import org.echoic.service.RecordingService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Generate tab headless: load a model trained in the test, generate a primed batch, see it beside the real
 * segments with realism figures, play without an audio device (a notice), export, cancel; and a screenshot.
 */
@ExtendWith(ApplicationExtension.class)
class GenerateFlowTest {
    @TempDir
    static Path dir;
    static TinyAudioModel.Made made;
    private AppExecutors executors;
    private RecordingService service;
    private WorkbenchView view;
    private final TestPlayback playback = TestPlayback.noOutput();

    @BeforeAll
    static void train() throws Exception {
        made = TinyAudioModel.make(dir, false);
    }

    @Start
    void start(Stage stage) throws IOException {
        executors = new AppExecutors(2);
        service = new RecordingService(executors, new RecentFiles(dir.resolve("settings").resolve("recent.txt")));
        view = WorkbenchView.showIn(stage, service, playback);
        view.open(List.of(made.wav()));
    }

    @AfterEach
    void tearDown() {
        service.close();
        executors.close();
    }

    @Test
    void generatePrimedBatchCompareItPlayExportAndCancel(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.model().recordingProperty().get() != null);
        GeneratePanel panel = robot.lookup("#generatePanel").queryAs(GeneratePanel.class);
        robot.interact(() -> {
            TabPane tabs = robot.lookup("#viewTabs").queryAs(TabPane.class);
            tabs.getSelectionModel().select(robot.lookup("#viewTabs").queryAs(TabPane.class).getTabs().stream()
                    .filter(t -> "generateTab".equals(t.getId())).findFirst().orElseThrow());
            ((SplitPane) view.getCenter()).setDividerPositions(0.12, 0.85);
        });
        WaitForAsyncUtils.asyncFx(() -> panel.loadModel(made.modelDir())).get(10, TimeUnit.SECONDS)
                .get(30, TimeUnit.SECONDS);
        Label info = robot.lookup("#modelInfo").queryAs(Label.class);
        assertTrue(info.getText().contains("24 values") && info.getText().contains("44100 Hz"), info.getText());
        robot.interact(() -> {
            robot.lookup("#genLength").queryAs(TextField.class).setText("0.4");
            robot.lookup("#genGibbs").queryAs(Spinner.class).getValueFactory().setValue(3);
            robot.lookup("#genCount").queryAs(Spinner.class).getValueFactory().setValue(3);
            robot.lookup("#genIterations").queryAs(Spinner.class).getValueFactory().setValue(8);
            robot.lookup("#genPrimeFrames").queryAs(Spinner.class).getValueFactory().setValue(4);
            @SuppressWarnings("unchecked")
            ChoiceBox<String> priming = robot.lookup("#genPriming").queryAs(ChoiceBox.class);
            priming.setValue(priming.getItems().get(1));
        });
        robot.clickOn("#generateButton");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> panel.realism().shown() != null);
        WaitForAsyncUtils.waitForFxEvents();
        List<GeneratedItem> items = panel.gallery().items();
        assertEquals(3, items.size());
        for (GeneratedItem it : items) {
            assertEquals(4, it.sequence().primedFrames(), "the primer is marked");
            assertNotNull(it.audio());
        }
        assertTrue(panel.gallery().corpus().dataset().size() > 0);
        assertNotNull(robot.lookup("#generated-2").query());
        assertNotNull(robot.lookup("#real-0").query());
        double ks = Double.parseDouble(robot.lookup("#energyKs").queryAs(Label.class).getText());
        assertTrue(ks >= 0 && ks <= 1, "KS statistic " + ks);
        StructureCharts structure = robot.lookup("#structureCharts").queryAs(StructureCharts.class);
        for (var chart : structure.charts()) {
            assertEquals(2, chart.getData().size(), "generated and real histograms");
            assertTrue(chart.getTitle().contains("KS D"), chart.getTitle());
            assertTrue(chart.getXAxis().getLabel().contains("(s)") || chart.getXAxis().getLabel().contains("(1/s)"));
        }
        assertTrue(panel.realism().shown().syllableSeconds().real().length > 0, "the real segments' syllables");

        Image shot = WaitForAsyncUtils.asyncFx(() -> view.getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        Path png = Path.of("target", "screenshots", "generate.png");
        Files.createDirectories(png.getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(shot, null), "png", png.toFile());
        robot.interact(() -> panel.resultsPane().setVvalue(1));
        WaitForAsyncUtils.waitForFxEvents();
        Image figures = WaitForAsyncUtils.asyncFx(() -> view.getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        ImageIO.write(SwingFXUtils.fromFXImage(figures, null), "png", png.resolveSibling("generate-realism.png").toFile());

        robot.interact(() -> robot.lookup("#playGenerated").queryAs(Button.class).fire());
        Label status = robot.lookup("#generationStatus").queryAs(Label.class);
        assertEquals(1, playback.calls());
        assertTrue(status.getText().startsWith("Cannot play: No audio output"), status.getText());
        robot.interact(() -> robot.lookup("#playAB").queryAs(Button.class).fire());
        robot.interact(() -> robot.lookup("#playAB").queryAs(Button.class).fire());
        assertEquals(3, playback.calls(), "A/B plays A then B");

        List<org.echoic.project.GeneratedEntry> recorded = new java.util.ArrayList<>();
        robot.interact(() -> panel.setOnExported(recorded::add));
        Path out = dir.resolve("export");
        List<Path> files = WaitForAsyncUtils.asyncFx(() -> panel.exportTo(out)).get(10, TimeUnit.SECONDS)
                .get(30, TimeUnit.SECONDS);
        assertEquals(18, files.size());
        assertEquals(1, recorded.size());
        assertEquals("export-s1", recorded.get(0).name());
        assertEquals("model", recorded.get(0).run());
        assertEquals(out.toAbsolutePath().normalize(), recorded.get(0).folder());
        try (Recording wav = AudioFiles.open(out.resolve(items.get(0).name() + ".wav"))) {
            assertEquals(items.get(0).audio().samples().length, wav.frames());
        }

        Path sidecar = out.resolve(items.get(0).name() + ".json");
        List<GeneratedItem> again = WaitForAsyncUtils.asyncFx(() -> panel.replay(sidecar)).get(10, TimeUnit.SECONDS)
                .get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, again.size());
        assertTrue(status.getText().contains("replayed") && status.getText().contains("same model weights"),
                status.getText());
        Path replayed = dir.resolve("replayed");
        WaitForAsyncUtils.asyncFx(() -> panel.exportTo(replayed)).get(10, TimeUnit.SECONDS).get(30, TimeUnit.SECONDS);
        String npy = items.get(0).name() + ".npy";
        org.junit.jupiter.api.Assertions.assertArrayEquals(Files.readAllBytes(out.resolve(npy)),
                Files.readAllBytes(replayed.resolve(npy)), "the GUI replay gives the exported frames byte for byte");
        org.junit.jupiter.api.Assertions.assertArrayEquals(Files.readAllBytes(out.resolve(items.get(0).name() + ".wav")),
                Files.readAllBytes(replayed.resolve(items.get(0).name() + ".wav")));

        robot.interact(() -> {
            robot.lookup("#genLength").queryAs(TextField.class).setText("20");
            robot.lookup("#genGibbs").queryAs(Spinner.class).getValueFactory().setValue(200);
            robot.lookup("#genCount").queryAs(Spinner.class).getValueFactory().setValue(8);
        });
        robot.clickOn("#generateButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> status.getText().startsWith("Generating frames"));
        robot.interact(() -> robot.lookup("#cancelGeneration").queryAs(Button.class).fire());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> "Cancelled".equals(status.getText()));
        assertEquals(1, panel.gallery().items().size(), "a cancelled batch leaves the previous (replayed) one shown");
    }

    @Test
    void aModelWithoutAudioGeneratesFramesAndSaysWhyItIsSilent(FxRobot robot) throws Exception {
        Path frameModel = dir.resolve("frames-model");
        try (RnnRbm m = new RnnRbm(new RnnRbmConfig(6, 8, 5, 1, false, GateActivation.TANH), 1);
             RmsProp o = new RmsProp(m)) {
            new CheckpointFolder(frameModel, "test", null, null).save(new Checkpoint(m, o,
                    TrainingConfig.defaults(1, 1), TrainingState.start(), "fingerprint", "toy"));
        }
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.model().recordingProperty().get() != null);
        GeneratePanel panel = robot.lookup("#generatePanel").queryAs(GeneratePanel.class);
        WaitForAsyncUtils.asyncFx(() -> panel.loadModel(frameModel)).get(10, TimeUnit.SECONDS).get(30, TimeUnit.SECONDS);
        assertTrue(robot.lookup("#modelInfo").queryAs(Label.class).getText().contains("no audio"));
        robot.interact(() -> {
            robot.lookup("#genLength").queryAs(TextField.class).setText("12");
            @SuppressWarnings("unchecked")
            ChoiceBox<String> unit = robot.lookup("#genLengthUnit").queryAs(ChoiceBox.class);
            unit.setValue("frames");
            robot.lookup("#genGibbs").queryAs(Spinner.class).getValueFactory().setValue(2);
            robot.lookup("#genCount").queryAs(Spinner.class).getValueFactory().setValue(2);
            robot.lookup("#generateButton").queryAs(Button.class).fire();
        });
        Label status = robot.lookup("#generationStatus").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> status.getText().startsWith("Generated"));
        assertTrue(status.getText().contains("frames only"), status.getText());
        assertEquals(2, panel.gallery().items().size());
        assertEquals(12, panel.gallery().items().get(0).sequence().frames().length);
        assertEquals(null, panel.gallery().items().get(0).audio());
        robot.interact(() -> robot.lookup("#playGenerated").queryAs(Button.class).fire());
        assertTrue(status.getText().startsWith("No sound:"), status.getText());
        assertEquals(0, playback.calls());
    }
}
