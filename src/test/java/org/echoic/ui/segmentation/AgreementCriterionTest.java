package org.echoic.ui.segmentation;

import org.echoic.ui.TestPlayback;
import org.echoic.ui.WorkbenchView;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TabPane;
import javafx.scene.image.Image;
import javafx.stage.Stage;

import javax.imageio.ImageIO;

import org.echoic.segment.Agreement;
import org.echoic.segment.AutoTune;
import org.echoic.service.AppExecutors;
import org.echoic.service.RecentFiles;
import org.echoic.service.RecordingService;
import org.echoic.service.SegmentationService;
import org.echoic.service.SegmentationSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The agreement panel's choice of criterion, headless on the bird-song sample and its references: "overlap ≥ IoU"
 * with its number field recomputes the agreement by overlap, auto-tune scores with it, and going back restores
 * onsets and offsets within ± ms; a screenshot of the panel.
 */
@ExtendWith(ApplicationExtension.class)
class AgreementCriterionTest {
    private Path dir;
    private AppExecutors executors;
    private RecordingService service;
    private SegmentationService segmentation;
    private WorkbenchView view;
    private SegmentationWorkbench seg;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("echoic-agreement-ui");
        executors = new AppExecutors(2);
        service = new RecordingService(executors, new RecentFiles(dir.resolve("recent.txt")));
        view = WorkbenchView.showIn(stage, service, TestPlayback.silent());
        segmentation = new SegmentationService(executors.compute(), null);
        seg = SegmentationWorkbench.install(view, segmentation);
        TabPane tabs = (TabPane) view.lookup("#toolTabs");
        tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> t.getText().equals("Segmentation"))
                .findFirst().orElseThrow());
    }

    @AfterEach
    void tearDown() {
        segmentation.close();
        service.close();
        executors.close();
    }

    private void awaitAgreement(Agreement.Criterion c) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> {
            SegmentationSnapshot s = seg.state().snapshot();
            return s != null && s.agreement() != null && !s.computing() && s.agreement().criterion().equals(c);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void choosingOverlapRecomputesTheAgreementAndAutoTuneUsesIt(FxRobot robot) throws Exception {
        Path wav = Path.of("sample-data", "bird-song.wav");
        Path csv = Path.of("sample-data", "bird-song.csv");
        Assumptions.assumeTrue(Files.isRegularFile(wav) && Files.isRegularFile(csv),
                "the bundled sample sample-data/bird-song.wav is not in the working directory");
        robot.interact(() -> view.open(List.of(wav)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> seg.state().session() != null);
        robot.interact(() -> seg.agreement().load(csv));
        awaitAgreement(Agreement.Criterion.DEFAULT);
        ChoiceBox<String> match = robot.lookup("#matchChoice").query();
        Spinner<Double> iou = robot.lookup("#minIouSpinner").query();
        Spinner<Double> tol = robot.lookup("#toleranceSpinner").query();
        assertTrue(tol.isVisible() && !iou.isVisible(), "the tolerance field shows for onsets and offsets");

        robot.interact(() -> match.setValue(AgreementPanel.OVERLAP));
        awaitAgreement(Agreement.Criterion.overlap(0.5));
        assertTrue(iou.isVisible() && !tol.isVisible(), "the IoU field replaces the tolerance field");
        String text = robot.lookup("#agreementLabel").queryAs(Label.class).getText();
        assertTrue(text.contains("(overlap ≥ 0.5 IoU)"), text);
        robot.interact(() -> iou.getValueFactory().setValue(0.7));
        awaitAgreement(Agreement.Criterion.overlap(0.7));
        assertEquals(Agreement.Criterion.overlap(0.7), seg.state().session().criterion());

        double shown = seg.state().snapshot().agreement().f1();
        AutoTune.Result r = seg.state().session().autoTune().future().get(120, TimeUnit.SECONDS);
        assertEquals(shown, r.startF1(), 1e-12, "auto-tune starts from the shown overlap F1");
        assertTrue(r.bestF1() >= shown);

        javafx.scene.Node panel = robot.lookup("#agreementPanel").query();
        Image shot = WaitForAsyncUtils.asyncFx(() -> panel.snapshot(null, null)).get(10, TimeUnit.SECONDS);
        Path out = Path.of("target", "screenshots", "agreement-overlap.png");
        Files.createDirectories(out.getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(shot, null), "png", out.toFile());

        robot.interact(() -> match.setValue(AgreementPanel.ONSET_OFFSET));
        awaitAgreement(Agreement.Criterion.DEFAULT);
        text = robot.lookup("#agreementLabel").queryAs(Label.class).getText();
        assertTrue(text.contains("(onsets and offsets within ± 20 ms)"), text);
    }
}
