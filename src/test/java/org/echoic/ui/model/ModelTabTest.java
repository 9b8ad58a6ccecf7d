package org.echoic.ui.model;

import org.echoic.ui.TestPlayback;
import org.echoic.ui.WorkbenchView;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.TabPane;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.stage.Stage;

import javax.imageio.ImageIO;

import org.echoic.TinyCheckpoint;
import org.echoic.service.AppExecutors;
import org.echoic.service.InspectionService;
import org.echoic.service.RecentFiles;
import org.echoic.service.RecordingService;
import org.echoic.train.ModelInspector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Model tab headless: a tiny model trained here on the sample's segments is loaded from its run folder; the
 * activations and the features gallery draw real pixels; a click on a unit lists its drivers, choosing one plays it;
 * sorting and export work; a screenshot is written.
 */
@ExtendWith(ApplicationExtension.class)
class ModelTabTest {
    private Path dir;
    private AppExecutors executors;
    private RecordingService service;
    private InspectionService inspection;
    private WorkbenchView view;
    private final TestPlayback playback = TestPlayback.silent();
    private final List<long[]> played = playback.played();

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("echoic-model-tab");
        TinyCheckpoint.train(dir.resolve("run").resolve("epoch-1"), 1, 7);
        executors = new AppExecutors(2);
        service = new RecordingService(executors, new RecentFiles(dir.resolve("recent.txt")));
        inspection = new InspectionService(executors);
        view = WorkbenchView.showIn(stage, service, playback);
        view.addViewTab(ModelView.tab(view, inspection, playback));
        view.open(List.of(TinyCheckpoint.WAV));
    }

    @AfterEach
    void tearDown() {
        inspection.close();
        service.close();
        executors.close();
    }

    private static Image snapshot(Node node) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> node.snapshot(null, null)).get(10, TimeUnit.SECONDS);
    }

    /** Number of distinct colours and the share of pixels differing from the top-left one. */
    private static double[] variety(Image img) {
        PixelReader r = img.getPixelReader();
        int first = r.getArgb(0, 0);
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        long differ = 0;
        long n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int c = r.getArgb(x, y);
                colours.add(c);
                differ += c != first ? 1 : 0;
                n++;
            }
        }
        return new double[] {colours.size(), differ / (double) n};
    }

    @Test
    void loadACheckpointSeeActivationsAndFeaturesPlayADriverExport(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> view.model().recordingProperty().get() != null);
        TabPane views = robot.lookup("#viewTabs").queryAs(TabPane.class);
        robot.interact(() -> views.getSelectionModel().select(views.getTabs().size() - 1));
        ModelView model = robot.lookup("#modelView").queryAs(ModelView.class);
        robot.interact(() -> model.browser().browse(dir.resolve("run")));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.browser().list().getItems().size() == 1);
        assertTrue(CheckpointBrowser.describe(model.browser().list().getItems().get(0)).contains("epoch 1"));
        robot.clickOn("#loadCheckpoint");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.activations().shown() != null
                && inspection.report() != null && !model.segments().getItems().isEmpty());
        assertEquals(TinyCheckpoint.corpus().dataset().size(), model.segments().getItems().size(),
                "the sample's segments, framed with the model's settings");
        WaitForAsyncUtils.waitForFxEvents();

        double[] frames = variety(snapshot(robot.lookup("#segmentFrames").query()));
        double[] map = variety(snapshot(robot.lookup("#activationMap").query()));
        double[] gallery = variety(snapshot(robot.lookup("#templateGallery").query()));
        assertTrue(frames[0] > 20 && frames[1] > 0.2, "segment frames drawn: " + frames[0] + " colours");
        assertTrue(map[0] > 8 && map[1] > 0.2, "activation map drawn: " + map[0] + " colours");
        assertTrue(gallery[0] > 20 && gallery[1] > 0.3, "templates drawn: " + gallery[0] + " colours");

        Node galleryNode = robot.lookup("#templateGallery").query();
        int[] order = model.gallery().order();
        TemplateGalleryRendererPoint p = new TemplateGalleryRendererPoint(galleryNode);
        robot.clickOn(p.cell(1));
        assertEquals(order[1], model.gallery().selectedUnit(), "clicking a cell selects its unit");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> model.gallery().drivers().getItems().size() == 10);
        robot.interact(() -> model.gallery().drivers().getSelectionModel().select(0));
        assertEquals(1, played.size(), "choosing a driver plays it");
        FeatureGallery.Driver d = model.gallery().drivers().getItems().get(0);
        assertEquals(d.segment().startFrame(), played.get(0)[0]);
        assertEquals(d.segment().endFrame(), played.get(0)[1]);
        ModelInspector.UnitStatistics stats = inspection.report().statistics().get(order[1]);
        assertEquals(stats.topSegments().get(0).activation(), d.activation(), 0);

        org.echoic.ui.charts.ImagePlot mapNode = robot.lookup("#activationMap").queryAs(
                org.echoic.ui.charts.ImagePlot.class);
        double[] area = mapNode.plotArea();
        robot.clickOn(mapNode.localToScreen(area[0] + 40, area[1] + area[3] * (1 - 5.5 / 8)));
        assertEquals(5, model.gallery().selectedUnit(), "clicking unit 5's row of the map selects it");
        assertTrue(robot.lookup("#activationReadout").queryAs(javafx.scene.control.Label.class).getText()
                .contains("unit 5"));

        robot.interact(() -> model.gallery().sortChoice().setValue(FeatureGallery.SortKey.SELECTIVITY));
        int[] bySel = model.gallery().order();
        List<ModelInspector.UnitStatistics> all = inspection.report().statistics();
        for (int i = 1; i < bySel.length; i++) {
            assertTrue(all.get(bySel[i - 1]).selectivity() >= all.get(bySel[i]).selectivity(), "sorted by selectivity");
        }

        List<Path> files = model.exportTo(dir.resolve("export")).get(20, TimeUnit.SECONDS);
        assertEquals(8, files.size());
        assertTrue(Files.size(dir.resolve("export").resolve("activations.npy")) > 128);

        robot.interact(() -> robot.lookup("#showRecurrentStates").queryAs(javafx.scene.control.CheckBox.class)
                .setSelected(true));
        WaitForAsyncUtils.waitForFxEvents();
        double[] states = variety(snapshot(robot.lookup("#recurrentLayer1").query()));
        assertTrue(states[0] > 4, "recurrent states drawn");
        Image shot = WaitForAsyncUtils.asyncFx(() -> view.getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        Path out = Path.of("target", "screenshots", "model-tab.png");
        Files.createDirectories(out.getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(shot, null), "png", out.toFile());
    }

    /** Screen points of gallery cells. */
    private record TemplateGalleryRendererPoint(Node gallery) {
        Point2D cell(int i) {
            var r = FeatureGallery.RENDERER;
            int cols = r.columns((int) gallery.getBoundsInLocal().getWidth());
            double x = r.gap() + (i % cols) * (r.cellWidth() + r.gap()) + r.cellWidth() / 2.0;
            double y = r.gap() + (i / cols) * (r.cellHeight() + r.gap()) + r.cellHeight() / 2.0;
            return gallery.localToScreen(x, y);
        }
    }
}
