package org.echoic.ui.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import org.echoic.dsp.ColorMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The shared charts laid out on a headless stage: ticks, no zoom on a plain scroll, image cells, picking, export. */
@ExtendWith(ApplicationExtension.class)
class ChartsTest {
    private LineChart<Number, Number> chart;
    private NiceAxis epochs;
    private ImagePlot image;
    private ImagePlot matrix;
    private PointCloud cloud;

    @Start
    void start(Stage stage) {
        epochs = new NiceAxis("Epoch").setIntegerTicks(true);
        chart = Charts.lineChart(epochs, new NiceAxis("Loss"));
        Charts.zoomWithCtrlWheel(chart, epochs);
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName("loss, \"train\"");
        for (int e = 1; e <= 3; e++) {
            s.getData().add(new XYChart.Data<>(e, 1.0 / e));
        }
        chart.getData().add(s);
        image = new ImagePlot("Time (s)", "Frequency (kHz)");
        image.setExtent(0, 2, 0, 8);
        image.setColorBarTitle("Power (dB)");
        image.setValues(new float[][] {{0, 1}, {2, 3}}, 0, 3, ColorMap.GRAY_R);
        matrix = ImagePlot.categorical("Predicted", List.of("a", "b"), "True", List.of("a", "b"));
        matrix.setValues(new float[][] {{5, 1}, {0, 7}}, 0, 7, ColorMap.BLUES);
        matrix.setCellText((c, r) -> c.equals(r) ? "diag" : "off");
        cloud = new PointCloud("UMAP 1", "UMAP 2");
        cloud.setPoints(new double[] {0, 1, 2}, new double[] {0, 1, 4}, new int[] {0, 1, -1}, List.of("A", "B"));
        VBox box = new VBox(chart, image, matrix, cloud);
        stage.setScene(new Scene(box, 640, 1000));
        stage.show();
    }

    @Test
    void epochTicksAreWholeAndAPlainScrollLeavesTheRange() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> {
            chart.layout();
            for (double t : epochs.tickValuesShown()) {
                assertEquals(Math.rint(t), t, 0, "whole epoch tick " + t);
            }
            assertFalse(epochs.tickValuesShown().isEmpty());
            double lo = epochs.getLowerBound();
            double hi = epochs.getUpperBound();
            ScrollEvent plain = scroll(false);
            Event.fireEvent(chart, plain);
            assertEquals(lo, epochs.getLowerBound(), 0, "a plain wheel does not zoom");
            assertEquals(hi, epochs.getUpperBound(), 0);
            assertFalse(plain.isConsumed(), "the page may scroll");
            Event.fireEvent(chart, scroll(true));
            assertTrue(epochs.getUpperBound() - epochs.getLowerBound() < (hi - lo) * 0.9, "Ctrl + wheel zooms");
            return null;
        }).get(10, TimeUnit.SECONDS);
    }

    private ScrollEvent scroll(boolean ctrl) {
        var p = chart.localToScene(chart.getWidth() / 2, chart.getHeight() / 2);
        return new ScrollEvent(ScrollEvent.SCROLL, p.getX(), p.getY(), p.getX(), p.getY(), false, ctrl, false, false,
                false, false, 0, 40, 0, 40, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null);
    }

    @Test
    void imageCellsKeepTheirColoursAndMapToGridIndices() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> {
            double[] a = image.plotArea();
            assertTrue(a[2] > 100 && a[3] > 50, "plot area laid out: " + a[2] + " x " + a[3]);
            assertArrayEquals(new int[] {0, 0}, image.cellAt(a[0] + 2, a[1] + a[3] - 2), "row 0 at the bottom");
            assertArrayEquals(new int[] {1, 1}, image.cellAt(a[0] + a[2] - 2, a[1] + 2));
            assertNull(image.cellAt(a[0] - 3, a[1] + 3));
            var snap = ChartExport.snapshot(image, 1);
            int topRight = snap.getPixelReader().getArgb((int) (a[0] + a[2] * 0.75), (int) (a[1] + a[3] * 0.25));
            assertEquals(ColorMap.GRAY_R.argb(1.0), topRight, "the highest value in the map's top colour");
            double[] m = matrix.plotArea();
            assertArrayEquals(new int[] {0, 0}, matrix.cellAt(m[0] + 2, m[1] + 2), "confusion rows from the top");
            ColorBar bar = image.colorBar();
            assertEquals(ColorMap.GRAY_R.table()[255], bar.colorAtRow(0), "top of the bar: the highest value");
            assertEquals(3.0, ColorBar.valueAtRow(0, 1_000_000, 0, 3), 1e-5);
            assertTrue(bar.isVisible() && bar.getHeight() > 20);
            return null;
        }).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aClickPicksTheNearestPoint() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> {
            double[] p = cloud.position(2);
            assertEquals(2, cloud.nearest(p[0] + 2, p[1] - 2));
            assertEquals(-1, cloud.nearest(p[0] + 40, p[1] + 40));
            cloud.setHighlighted(1);
            assertEquals(1, cloud.highlighted());
            return null;
        }).get(10, TimeUnit.SECONDS);
    }

    @Test
    void exportsPngAndCsv(@TempDir Path dir) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Path png = dir.resolve("loss.png");
        Path csv = dir.resolve("loss.csv");
        WaitForAsyncUtils.asyncFx(() -> {
            ChartExport.savePng(chart, png, Runnable::run).join();
            ChartExport.saveCsv(ChartExport.table(chart), csv, Runnable::run).join();
            return null;
        }).get(20, TimeUnit.SECONDS);
        var img = javax.imageio.ImageIO.read(png.toFile());
        assertNotNull(img);
        assertEquals(Math.round(chart.getWidth() * ChartExport.PNG_SCALE), img.getWidth(), 1);
        List<String> lines = Files.readAllLines(csv);
        assertEquals("series,x,y", lines.get(0));
        assertEquals("\"loss, \"\"train\"\"\",2.0,0.5", lines.get(2), "names with commas and quotes are quoted");
        assertEquals(4, lines.size());
    }
}
