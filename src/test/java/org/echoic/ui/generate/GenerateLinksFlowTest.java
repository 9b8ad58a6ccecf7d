package org.echoic.ui.generate;

import org.echoic.ui.WorkbenchView;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javafx.beans.property.SimpleObjectProperty;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.image.Image;
import javafx.stage.Stage;

import javax.imageio.ImageIO;

import org.echoic.TinyAudioModel;
import org.echoic.corpus.Corpus;
import org.echoic.project.GeneratedEntry;
import org.echoic.project.TrainingRunEntry;
import org.echoic.service.AppExecutors;
import org.echoic.service.OpenRecording;
import org.echoic.service.ProjectService;
import org.echoic.service.RecentFiles;
import org.echoic.service.RecordingService;
import org.echoic.service.SegmentationService;
import org.echoic.service.SegmentationSession;
import org.echoic.service.JavaSoundPlayback;
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
 * The Generate tab linked to the workbench: its real segments follow the live segmentation of the shown recording,
 * the project's training runs and the current run are offered and loadable (exports record the run), and the
 * Training tab's corpus can be the comparison set.
 */
@ExtendWith(ApplicationExtension.class)
class GenerateLinksFlowTest {
    private static final Pattern COUNT = Pattern.compile("Real segments \\(B\\): (\\d+) from (.*)");
    @TempDir
    static Path dir;
    static TinyAudioModel.Made made;
    private AppExecutors executors;
    private RecordingService service;
    private ProjectService projects;
    private SegmentationService segmentations;
    private WorkbenchView view;

    @BeforeAll
    static void train() throws Exception {
        made = TinyAudioModel.make(dir, false);
    }

    @Start
    void start(Stage stage) throws IOException {
        executors = new AppExecutors(2);
        service = new RecordingService(executors, new RecentFiles(dir.resolve("settings").resolve("recent.txt")));
        view = WorkbenchView.showIn(stage, service, new JavaSoundPlayback());
        projects = new ProjectService(executors, new RecentFiles(dir.resolve("settings").resolve("projects.txt")),
                dir.resolve("recovery"));
        segmentations = new SegmentationService(executors.compute(), projects);
        view.open(List.of(made.wav()));
    }

    @AfterEach
    void tearDown() {
        segmentations.close();
        projects.close();
        service.close();
        executors.close();
    }

    private static Matcher count(Label l) {
        Matcher m = COUNT.matcher(l.getText());
        return m.find() ? m : null;
    }

    @Test
    void realSegmentsFollowTheTunedSegmentationAndProjectRunsAreLoadable(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.model().recordingProperty().get() != null);
        GeneratePanel panel = view.generatePanel();
        projects.update(p -> p.withTrainingRun(new TrainingRunEntry("birds", "c", "m", made.modelDir(), "fp", 2)));
        SimpleObjectProperty<Corpus> trainingCorpus = new SimpleObjectProperty<>();
        robot.interact(() -> {
            panel.link(segmentations, projects, new SimpleObjectProperty<>(made.modelDir()), trainingCorpus);
            TabPane tabs = robot.lookup("#viewTabs").queryAs(TabPane.class);
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> "generateTab".equals(t.getId()))
                    .findFirst().orElseThrow());
            ((SplitPane) view.getCenter()).setDividerPositions(0.12, 0.85);
            panel.picker().refresh();
        });
        List<String> labels = panel.picker().getItems().stream().map(ModelPicker.Choice::label).toList();
        assertEquals(3, labels.size(), labels.toString());
        assertTrue(labels.get(0).startsWith("Current training run"), labels.toString());
        assertTrue(labels.get(1).startsWith("birds · 2 epochs · "), labels.toString());
        assertEquals("Folder…", labels.get(2));
        robot.interact(() -> panel.picker().getSelectionModel().select(1));
        Label info = robot.lookup("#modelInfo").queryAs(Label.class);
        Label real = robot.lookup("#realSource").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> info.getText().contains("(run birds)")
                && count(real) != null);
        Matcher first = count(real);
        assertTrue(first.group(2).startsWith("the workbench's segmentation of song.wav"), real.getText());

        OpenRecording shown = view.model().recordingProperty().get();
        SegmentationSession session = segmentations.session(shown);
        session.setParams(session.params().withPercentile(99.5));
        WaitForAsyncUtils.asyncFx(panel::refreshRealSegments).get(10, TimeUnit.SECONDS).get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        Matcher second = count(real);
        assertNotEquals(first.group(1), second.group(1), "the count follows the tuned threshold: " + real.getText());
        assertEquals(Integer.parseInt(second.group(1)), panel.gallery().corpus().dataset().size());
        List<javafx.scene.layout.VBox> tiles = panel.gallery().getChildren().stream()
                .filter(n -> n.getId() != null && n.getId().startsWith("real-"))
                .map(n -> (javafx.scene.layout.VBox) n).toList();
        assertEquals(Integer.parseInt(second.group(1)), tiles.size());
        double pixelsPerFrame = Double.NaN;
        for (javafx.scene.layout.VBox tile : tiles) {
            String name = ((Label) tile.getChildren().get(1)).getText();
            assertTrue(name.matches("song\\.wav #\\d+.* · \\d+\\.\\d{3} s"),
                    "named by recording and segment: " + name);
            double perFrame = panel.gallery().tileWidth(tile) / (Integer) tile.getUserData();
            if (Double.isNaN(pixelsPerFrame)) {
                pixelsPerFrame = perFrame;
            }
            assertEquals(pixelsPerFrame, perFrame, 1e-6 * pixelsPerFrame, "tiles at their true relative widths");
        }

        trainingCorpus.set(made.corpus());
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            ChoiceBox<String> set = robot.lookup("#genRealSet").queryAs(ChoiceBox.class);
            set.setValue("training corpus");
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> count(real) != null
                && count(real).group(2).startsWith("the training corpus tiny"));
        assertEquals(made.corpus().dataset().size(), Integer.parseInt(count(real).group(1)));

        robot.interact(() -> {
            robot.lookup("#genLength").queryAs(javafx.scene.control.TextField.class).setText("0.2");
            robot.lookup("#genGibbs").queryAs(javafx.scene.control.Spinner.class).getValueFactory().setValue(2);
            robot.lookup("#genCount").queryAs(javafx.scene.control.Spinner.class).getValueFactory().setValue(2);
            robot.lookup("#genIterations").queryAs(javafx.scene.control.Spinner.class).getValueFactory().setValue(4);
            robot.lookup("#genPrimeFrames").queryAs(javafx.scene.control.Spinner.class).getValueFactory().setValue(3);
            @SuppressWarnings("unchecked")
            ChoiceBox<String> priming = robot.lookup("#genPriming").queryAs(ChoiceBox.class);
            priming.setValue(priming.getItems().get(1));
            robot.lookup("#generateButton").queryAs(javafx.scene.control.Button.class).fire();
        });
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> panel.realism().shown() != null);
        WaitForAsyncUtils.waitForFxEvents();
        Image shot = WaitForAsyncUtils.asyncFx(() -> view.getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        Path png = Path.of("target", "screenshots", "generate-links.png");
        Files.createDirectories(png.getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(shot, null), "png", png.toFile());

        List<GeneratedEntry> recorded = new ArrayList<>();
        robot.interact(() -> panel.setOnExported(recorded::add));
        WaitForAsyncUtils.asyncFx(() -> panel.exportTo(dir.resolve("out"))).get(10, TimeUnit.SECONDS)
                .get(30, TimeUnit.SECONDS);
        assertEquals(1, recorded.size());
        assertEquals("birds", recorded.get(0).run(), "the export records the project's run");

        String sidecar = Files.readString(dir.resolve("out").resolve("gen-s1.json"));
        assertTrue(sidecar.contains("\"startFrame\""), "the primer's sample range is recorded: " + sidecar);
        WaitForAsyncUtils.asyncFx(() -> panel.replay(dir.resolve("out").resolve("gen-s1.json")))
                .get(10, TimeUnit.SECONDS).get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.asyncFx(() -> panel.exportTo(dir.resolve("again"))).get(10, TimeUnit.SECONDS)
                .get(30, TimeUnit.SECONDS);
        org.junit.jupiter.api.Assertions.assertArrayEquals(Files.readAllBytes(dir.resolve("out").resolve("gen-s1.npy")),
                Files.readAllBytes(dir.resolve("again").resolve("gen-s1.npy")),
                "a sequence primed from the tuned segmentation replays identically");
    }
}
