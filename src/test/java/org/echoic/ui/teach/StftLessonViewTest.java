package org.echoic.ui.teach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.image.Image;
import javafx.stage.Stage;

import javax.imageio.ImageIO;

import org.echoic.service.ModelThread;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Seed 004's view, headless: the layer trains in chunks on the model thread and its weights approach the basis. */
@ExtendWith(ApplicationExtension.class)
class StftLessonViewTest {
    private ModelThread modelThread;
    private StftLessonView view;

    @Start
    void start(Stage stage) {
        modelThread = new ModelThread();
        view = new StftLessonView(modelThread);
        stage.setScene(new Scene(view, 1280, 900));
        stage.show();
    }

    @AfterEach
    void tearDown() {
        modelThread.close();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    @Test
    void theLearnedWeightsApproachTheWindowedDftAndTheChartsFollow(FxRobot robot) throws Exception {
        robot.interact(() -> {
            view.samples.setValue(16);
            view.steps.setText("1500");
        });
        fx(() -> view.start()).get(60, TimeUnit.SECONDS);
        assertEquals(1500, (int) fx(() -> view.stepsDone()));
        double error = fx(() -> view.relativeError());
        assertTrue(error < 0.05, "relative error after 1500 steps: " + error);
        LineChart<?, ?> errors = robot.lookup("#stftError").queryAs(LineChart.class);
        int points = fx(() -> errors.getData().get(0).getData().size());
        assertTrue(points >= 20, "the error curve grew chunk by chunk: " + points);
        LineChart<?, ?> function = robot.lookup("#stftFunction").queryAs(LineChart.class);
        assertEquals(4, (int) fx(() -> function.getData().size()), "learned and true, real and imaginary");
        assertTrue(fx(() -> robot.lookup("#stftLessonStatus").queryLabeled().getText()).endsWith("done"));
        WaitForAsyncUtils.waitForFxEvents();
        java.util.List<Double> ticks = fx(() -> view.learned.yAxis().tickValuesShown());
        assertTrue(!ticks.isEmpty() && ticks.get(ticks.size() - 1) >= 10 && ticks.get(ticks.size() - 1) <= 16,
                "the sample axis spans the 16 samples: " + ticks);
        Image shot = fx(() -> view.getScene().snapshot(null));
        Path out = Path.of("target", "screenshots", "stft-lesson.png");
        Files.createDirectories(out.getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(shot, null), "png", out.toFile());
        assertTrue(Files.size(out) > 10_000);
    }
}
