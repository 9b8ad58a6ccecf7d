package org.echoic.ui.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.beans.property.SimpleObjectProperty;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.image.Image;
import javafx.stage.Stage;

import javax.imageio.ImageIO;

import org.echoic.dsp.synth.CallTypeSynthesiser;
import org.echoic.dsp.synth.SynthesisedAudio;
import org.echoic.io.WavWriter;
import org.echoic.service.AppExecutors;
import org.echoic.service.CallTypeMap;
import org.echoic.service.ModelThread;
import org.echoic.service.RecentFiles;
import org.echoic.service.RecordingService;
import org.echoic.service.SegmentationService;
import org.echoic.service.SegmentationSession;
import org.echoic.service.TrainingService;
import org.echoic.project.ProjectRecording;
import org.echoic.segment.SegmentEdits;
import org.echoic.service.ProjectService;
import org.echoic.ui.ProjectController;
import org.echoic.ui.TestPlayback;
import org.echoic.ui.segmentation.SegmentationWorkbench;
import org.echoic.ui.WorkbenchView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Map tab headless on six synthetic songs of known syllable types: the map is computed in the background,
 * the lasso selects what lies inside it, labelling a selection becomes edits of the recordings' segmentations,
 * clusters become labels, and the PNG export writes a figure; a screenshot of the tab.
 */
@ExtendWith(ApplicationExtension.class)
class MapTabTest {
    private Path dir;
    private AppExecutors executors;
    private RecordingService service;
    private SegmentationService segmentation;
    private ModelThread modelThread;
    private TrainingService training;
    private WorkbenchView view;
    private MapTab map;
    private ProjectService projects;
    private ProjectController controller;
    private SegmentationWorkbench seg;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("echoic-map-ui");
        executors = new AppExecutors(2);
        service = new RecordingService(executors, new RecentFiles(dir.resolve("recent.txt")));
        view = WorkbenchView.showIn(stage, service, TestPlayback.silent());
        projects = new ProjectService(executors, new RecentFiles(dir.resolve("recent-projects.txt")),
                dir.resolve("recovery"));
        controller = ProjectController.install(stage, view, projects);
        segmentation = new SegmentationService(executors.compute(), projects);
        seg = SegmentationWorkbench.install(view, segmentation);
        modelThread = new ModelThread();
        training = new TrainingService(modelThread, "test");
        Tab tab = MapTab.tab(view, segmentation, training, executors, TestPlayback.silent(),
                new SimpleObjectProperty<>());
        map = (MapTab) tab.getContent();
        view.addViewTab(tab);
        TabPane views = (TabPane) view.lookup("#viewTabs");
        views.getSelectionModel().select(tab);
        stage.setWidth(1280);
        stage.setHeight(800);
    }

    @AfterEach
    void tearDown() {
        training.close();
        modelThread.close();
        segmentation.close();
        projects.close();
        service.close();
        executors.close();
    }

    private void openSongsAndCompute(FxRobot robot) throws Exception {
        List<Path> songs = new ArrayList<>();
        for (int s = 0; s < 6; s++) {
            SynthesisedAudio a = CallTypeSynthesiser.song(4, 4, s);
            Path wav = dir.resolve("song-" + s + ".wav");
            WavWriter.write(wav, a.samples(), a.sampleRateHz(), WavWriter.Format.PCM16);
            songs.add(wav);
        }
        robot.interact(() -> view.open(songs));
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> view.recordingList().getItems().size() == 6);
        robot.interact(map::compute);
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> map.map() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void clusterLabelsAreSavedWithTheProjectAndComeBack(FxRobot robot) throws Exception {
        openSongsAndCompute(robot);
        robot.interact(map::clustersToLabels);
        Path first = view.recordingList().getItems().get(0).recording().path();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> projects.project().recording(first)
                .map(ProjectRecording::manualEdits).map(e -> !e.isEmpty()).orElse(false));
        long relabels = segmentation.session(view.recordingList().getItems().get(0)).edits().stream()
                .filter(e -> e instanceof SegmentEdits.Relabel).count();
        assertTrue(relabels > 0);
        robot.interact(() -> view.showRecording(view.recordingList().getItems().get(0)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> seg.state().snapshot() != null
                && seg.state().snapshot().segments().stream().anyMatch(i -> i.segment().label().startsWith("c")));

        Path file = dir.resolve("labelled.echoic.json");
        assertTrue(WaitForAsyncUtils.asyncFx(() -> controller.saveTo(file)).get(5, TimeUnit.SECONDS)
                .get(30, TimeUnit.SECONDS));
        robot.interact(() -> {
            view.closeAllRecordings();
            projects.newProject();
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> view.recordingList().getItems().isEmpty());
        robot.interact(() -> controller.openProject(file));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            if (view.recordingList().getItems().size() != 6) {
                return false;
            }
            SegmentationSession s = segmentation.session(view.recordingList().getItems().get(0));
            return s.edits().stream().filter(e -> e instanceof SegmentEdits.Relabel).count() == relabels
                    && s.snapshot().segments().stream().anyMatch(i -> i.segment().label().startsWith("c"));
        });
    }

    @Test
    void computesLabelsAndExportsTheMap(FxRobot robot) throws Exception {
        openSongsAndCompute(robot);
        CallTypeMap m = map.map();
        assertTrue(m.items().size() > 20, "segments: " + m.items().size());
        assertTrue(m.clusterCount() >= 2, "clusters: " + m.clusterCount());
        String status = robot.lookup("#mapStatus").queryAs(Label.class).getText();
        assertTrue(status.contains(m.clusterCount() + " clusters"), status);
        assertAxesAndLegendShowTheMap(robot, m);

        MapCanvas canvas = robot.lookup("#mapCanvas").queryAs(MapCanvas.class);
        int target = m.clusters()[0];
        List<double[]> box = new ArrayList<>();
        double x0 = Double.MAX_VALUE;
        double y0 = Double.MAX_VALUE;
        double x1 = -Double.MAX_VALUE;
        double y1 = -Double.MAX_VALUE;
        for (int i = 0; i < m.items().size(); i++) {
            if (m.clusters()[i] == target) {
                double[] p = canvas.pixelOf(i);
                x0 = Math.min(x0, p[0]);
                y0 = Math.min(y0, p[1]);
                x1 = Math.max(x1, p[0]);
                y1 = Math.max(y1, p[1]);
            }
        }
        box.add(new double[] {x0 - 2, y0 - 2});
        box.add(new double[] {x1 + 2, y0 - 2});
        box.add(new double[] {x1 + 2, y1 + 2});
        box.add(new double[] {x0 - 2, y1 + 2});
        boolean[] inside = canvas.inside(box);
        for (int i = 0; i < inside.length; i++) {
            if (m.clusters()[i] == target) {
                assertTrue(inside[i], "the lasso around cluster " + target + " encloses its segment " + i);
            }
        }
        robot.interact(() -> {
            canvas.setSelected(inside);
            map.labelSelection("song-A");
        });
        SegmentationSession first = segmentation.session(view.recordingList().getItems().get(0));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> first.snapshot().segments().stream()
                .anyMatch(s -> s.segment().label().equals("song-A")));
        assertTrue(first.edits().stream().anyMatch(e -> e instanceof org.echoic.segment.SegmentEdits.Relabel));

        robot.interact(map::clustersToLabels);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> first.snapshot().segments().stream()
                .anyMatch(s -> s.segment().label().startsWith("c")));

        Path png = dir.resolve("map.png");
        map.exportPng(png).get(20, TimeUnit.SECONDS);
        assertNotNull(ImageIO.read(png.toFile()));
        assertEquals(1200, ImageIO.read(png.toFile()).getWidth());

        Image shot = WaitForAsyncUtils.asyncFx(() -> view.getScene().getRoot().snapshot(null, null))
                .get(10, TimeUnit.SECONDS);
        Path out = Path.of("target", "screenshots", "map-tab.png");
        Files.createDirectories(out.getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(shot, null), "png", out.toFile());
    }

    /** The plot's axes span the drawn map; the key names every cluster with its count, then switches to a bar. */
    private void assertAxesAndLegendShowTheMap(FxRobot robot, CallTypeMap m) {
        MapPlot plot = robot.lookup("#mapPlot").queryAs(MapPlot.class);
        MapCanvas canvas = robot.lookup("#mapCanvas").queryAs(MapCanvas.class);
        assertEquals("UMAP 1", plot.xAxis().getLabel());
        assertEquals("UMAP 2", plot.yAxis().getLabel());
        assertEquals(canvas.bounds().minX(), plot.xAxis().getLowerBound(), 1e-9);
        assertEquals(canvas.bounds().maxY(), plot.yAxis().getUpperBound(), 1e-9);
        assertTrue(plot.xAxis().tickValuesShown().size() >= 2, "x ticks: " + plot.xAxis().tickValuesShown());
        List<String> entries = plot.legend().getChildren().stream().map(n -> ((Label) n).getText()).toList();
        assertEquals(m.clusterCount() + (m.noise() > 0 ? 1 : 0), entries.size(), entries.toString());
        int total = 0;
        for (String e : entries) {
            total += Integer.parseInt(e.substring(e.lastIndexOf('(') + 1, e.length() - 1));
        }
        assertEquals(m.items().size(), total, "the key's counts add up to the segments: " + entries);
        assertTrue(entries.stream().anyMatch(e -> e.startsWith("c0 (")), entries.toString());
        assertTrue(!plot.colorBar().isVisible());
        robot.interact(() -> robot.lookup("#mapColourBy").queryAs(javafx.scene.control.ChoiceBox.class)
                .setValue(MapColours.By.TIME));
        assertTrue(plot.colorBar().isVisible() && plot.legend().getChildren().isEmpty());
        robot.interact(() -> robot.lookup("#mapColourBy").queryAs(javafx.scene.control.ChoiceBox.class)
                .setValue(MapColours.By.CLUSTER));
        assertEquals(entries.size(), plot.legend().getChildren().size());
    }
}
