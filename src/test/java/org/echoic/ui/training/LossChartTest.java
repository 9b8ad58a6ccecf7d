package org.echoic.ui.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.stage.Stage;

import org.echoic.service.MetricsBuffer;
import org.echoic.service.RnnRbmJob;
import org.echoic.train.EpochMetrics;
import org.echoic.train.Evaluation;
import org.echoic.ui.charts.NiceAxis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The loss chart's data: smoothing, epoch and validation series, overlays, hidden series, zoom. */
@ExtendWith(ApplicationExtension.class)
class LossChartTest {
    private static final String COST = "CD cost" + LossChart.BATCH_SUFFIX;
    private static final String VAL_ERROR = "Validation prediction error";
    private static final String VAL_ACCURACY = "Validation accuracy";
    private LossChart chart;

    @Start
    void start(Stage stage) {
        chart = new LossChart();
        chart.setCurves(RnnRbmJob.CURVES);
        stage.setScene(new Scene(chart, 600, 300));
        stage.show();
    }

    private static MetricsBuffer.EpochPoint epoch(int e, double cost, Double accuracy) {
        return RnnRbmJob.epochPoints(List.of(new EpochMetrics(e, 0, 1e-3, cost, -6,
                new Evaluation(cost, -6, 0.05 / (e + 1), accuracy, 100), 0, 0, 1000, e + 1, 1))).get(0);
    }

    @Test
    void seriesFillSmoothOverlayHideAndZoom() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            chart.addBatches(List.of(new MetricsBuffer.BatchPoint(0.5, new double[] {1.0, -7}, 10, 1),
                    new MetricsBuffer.BatchPoint(1.0, new double[] {2.0, -6}, 10, 1),
                    new MetricsBuffer.BatchPoint(1.5, new double[] {Double.NaN, Double.NaN}, 0, 1)));
            chart.addEpochs(List.of(epoch(0, 1.5, null), epoch(1, 1.2, 0.4)));
            chart.repaint();
            assertEquals(2, chart.pointCount(COST), "skipped batches leave no point");
            var cost = chart.curves().stream().filter(c -> c.name().equals(COST)).findFirst().orElseThrow();
            assertEquals(1.0 + LossChart.SMOOTHING * (2.0 - 1.0), cost.y()[1], 1e-12, "exponential smoothing");
            assertEquals(2, chart.pointCount(VAL_ERROR));
            assertEquals(1, chart.pointCount(VAL_ACCURACY), "accuracy only for binary data");

            chart.addOverlay("run-0", List.of(epoch(0, 3, null), epoch(1, 2, null), epoch(2, 1, null)));
            assertEquals(8, chart.seriesNames().size());
            assertEquals(3.0, chart.xRange()[1], 1e-12, "the axis covers the longest series");
            chart.clearRun();
            assertEquals(0, chart.pointCount(COST));
            assertEquals(3, chart.pointCount("run-0: CD cost (epoch)"), "overlays survive a new run");

            chart.setSeriesVisible("run-0: CD cost (epoch)", false);
            assertTrue(chart.curves().stream().noneMatch(c -> c.name().equals("run-0: CD cost (epoch)")));
            chart.zoom(0.5, chart.getWidth() / 2);
            double[] r = chart.xRange();
            assertTrue(r[1] - r[0] < 3.0 * 0.6, "zoomed in: " + r[0] + ".." + r[1]);
            chart.resetZoom();
            chart.setLogScale(true);
            chart.setNormalised(true);
            chart.repaint();
            return null;
        }).get(10, TimeUnit.SECONDS);
    }

    @Test
    void wholeEpochTicksRealValuesAndNoZoomOnAPlainScroll() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            List<MetricsBuffer.EpochPoint> points = new java.util.ArrayList<>();
            for (int e = 0; e < 3; e++) {
                points.add(epoch(e, 2.0 - 0.3 * e, null));
            }
            chart.addEpochs(points);
            chart.repaint();
            return null;
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> {
            chart.lineChart().layout();
            NiceAxis x = (NiceAxis) chart.lineChart().getXAxis();
            assertFalse(x.tickValuesShown().isEmpty());
            for (double t : x.tickValuesShown()) {
                assertEquals(Math.rint(t), t, 0, "whole epochs only: " + x.tickValuesShown());
            }
            assertFalse(chart.isNormalised(), "values as they are unless asked");
            var cost = chart.lineChart().getData().stream().filter(s -> s.getName().equals("CD cost (epoch)"))
                    .findFirst().orElseThrow();
            assertEquals(1.7, cost.getData().get(1).getYValue().doubleValue(), 1e-12, "the plotted y is the cost");
            assertEquals(LossChart.VALUE_LABEL, chart.lineChart().getYAxis().getLabel());
            double[] before = chart.xRange();
            var p = chart.localToScene(chart.getWidth() / 2, chart.getHeight() / 2);
            javafx.scene.input.ScrollEvent wheel = new javafx.scene.input.ScrollEvent(
                    javafx.scene.input.ScrollEvent.SCROLL, p.getX(), p.getY(), p.getX(), p.getY(), false, false, false,
                    false, false, false, 0, -40, 0, -40, javafx.scene.input.ScrollEvent.HorizontalTextScrollUnits.NONE,
                    0, javafx.scene.input.ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null);
            javafx.event.Event.fireEvent(chart.lineChart(), wheel);
            assertArrayEquals(before, chart.xRange(), 0, "scrolling the page over the chart leaves the epochs");
            return null;
        }).get(10, TimeUnit.SECONDS);
    }
}
