package org.echoic.ui.segmentation;

import org.echoic.ui.ProjectController;
import org.echoic.ui.TestPlayback;
import org.echoic.ui.WorkbenchView;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Spinner;
import javafx.stage.Stage;

import org.echoic.io.CsvAnnotations;
import org.echoic.io.WavWriter;
import org.echoic.project.ProjectRecording;
import org.echoic.segment.Annotation;
import org.echoic.segment.SegmentEdits;
import org.echoic.service.AppExecutors;
import org.echoic.service.ProjectService;
import org.echoic.service.RecentFiles;
import org.echoic.service.RecordingService;
import org.echoic.service.SegmentationService;
import org.echoic.service.SegmentationSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A saved project restores the tuned parameters, the manual edits and the reference table of a recording. */
@ExtendWith(ApplicationExtension.class)
class SegmentationProjectFlowTest {
    private Path dir;
    private Path wav;
    private AppExecutors executors;
    private RecordingService service;
    private ProjectService projects;
    private SegmentationService segmentation;
    private WorkbenchView view;
    private ProjectController controller;
    private SegmentationWorkbench seg;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("echoic-seg-project");
        wav = dir.resolve("recordings").resolve("tones.wav");
        Files.createDirectories(wav.getParent());
        float[] x = new float[2 * 16_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.5 * Math.sin(2 * Math.PI * 1000 * i / 16_000.0) * ((i / 2000) % 2));
        }
        WavWriter.write(wav, x, 16_000, WavWriter.Format.PCM16);
        executors = new AppExecutors(2);
        service = new RecordingService(executors, new RecentFiles(dir.resolve("settings/recent.txt")));
        projects = new ProjectService(executors, new RecentFiles(dir.resolve("settings/recent-projects.txt")),
                dir.resolve("settings/recovery"));
        view = WorkbenchView.showIn(stage, service, TestPlayback.silent());
        controller = ProjectController.install(stage, view, projects);
        segmentation = new SegmentationService(executors.compute(), projects);
        seg = SegmentationWorkbench.install(view, segmentation);
    }

    @AfterEach
    void tearDown() {
        segmentation.close();
        projects.close();
        service.close();
        executors.close();
    }

    @Test
    void tunedParametersEditsAndReferencesComeBackWithTheProject(FxRobot robot) throws Exception {
        Path refs = dir.resolve("recordings").resolve("tones.segments.csv");
        CsvAnnotations.write(refs, List.of(new Annotation(0.125, 0.25, "tone")));
        robot.interact(() -> view.open(List.of(wav)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> projects.project().recordings().size() == 1
                && seg.state().snapshot() != null && seg.state().snapshot().automatic() != null);
        @SuppressWarnings("unchecked")
        Spinner<Double> percentile = robot.lookup("#percentileSpinner").queryAs(Spinner.class);
        robot.interact(() -> {
            percentile.getValueFactory().setValue(75.0);
            seg.state().session().edit(new SegmentEdits.Add(100, 900, "click"));
            seg.agreement().load(refs);
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            ProjectRecording r = projects.project().recordings().get(0);
            return r.segmentation().thresholdPercentile() == 75 && r.manualEdits().size() == 1
                    && r.annotationFiles().size() == 1;
        });
        assertTrue(projects.isDirty(), "tuning is a change of the project");

        Path file = dir.resolve("projects").resolve("tuned.echoic.json");
        assertTrue(WaitForAsyncUtils.asyncFx(() -> controller.saveTo(file)).get(5, TimeUnit.SECONDS)
                .get(30, TimeUnit.SECONDS));
        String json = Files.readString(file);
        assertTrue(json.contains("\"op\" : \"add\"") || json.contains("\"op\":\"add\""), json);
        robot.interact(() -> {
            view.closeAllRecordings();
            projects.newProject();
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> seg.state().session() == null);

        robot.interact(() -> controller.openProject(file));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            SegmentationSession s = seg.state().session();
            return "tuned".equals(projects.displayName()) && s != null && s.params().thresholdPercentile() == 75
                    && s.edits().size() == 1 && refs.equals(s.snapshot().referenceFile())
                    && s.snapshot().agreement() != null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(75.0, percentile.getValue(), "the panel shows the restored percentile");
        assertEquals(new SegmentEdits.Add(100, 900, "click"), seg.state().session().edits().get(0));
        assertTrue(seg.state().snapshot().segments().stream().anyMatch(SegmentEdits.Item::edited));
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        assertTrue(!projects.isDirty(), "restoring does not make the project dirty");
    }
}
