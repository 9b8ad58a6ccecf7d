package org.echoic.ui.charts;

import java.util.List;

import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.input.MouseButton;
import javafx.scene.paint.Color;

/**
 * The one look of Echoic's charts, built on {@code javafx.scene.chart}: the Tableau 10 palette (series {@code i}
 * gets {@link #color}{@code (i)} in lines, symbols and legend alike, through {@code charts.css}), a white plot with
 * a light grid, no animation, legends below, and axes from {@link NiceAxis}. A chart never zooms on a plain
 * scroll of the page: {@link #zoomWithCtrlWheel} zooms only with Ctrl held. JavaFX thread only (stateless).
 */
public final class Charts {
    /** Tableau 10 (its first eight), in series order; the same hex values as {@code charts.css}. */
    public static final List<Color> PALETTE = List.of(Color.web("#4e79a7"), Color.web("#f28e2b"),
            Color.web("#59a14f"), Color.web("#e15759"), Color.web("#76b7b2"), Color.web("#edc948"),
            Color.web("#b07aa1"), Color.web("#9c755f"));
    /** The colour of points or lines that belong to no group. */
    public static final Color UNASSIGNED = Color.web("#9aa0aa");
    /** The shared stylesheet (added by every factory here). */
    public static final String STYLESHEET = Charts.class.getResource("charts.css").toExternalForm();

    private Charts() {
    }

    /** Colour of series {@code index} (the palette repeats after eight). */
    public static Color color(int index) {
        return PALETTE.get(Math.floorMod(index, PALETTE.size()));
    }

    /** {@code c} as CSS {@code #rrggbb}. */
    public static String web(Color c) {
        return String.format(java.util.Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255),
                Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255));
    }

    /** Adds the shared stylesheet to {@code node} (a chart, a plot or a pane holding them). */
    public static <T extends Parent> T styled(T node) {
        if (!node.getStylesheets().contains(STYLESHEET)) {
            node.getStylesheets().add(STYLESHEET);
        }
        return node;
    }

    /** A line chart on these axes: no animation, no point symbols, legend below, the shared style. */
    public static LineChart<Number, Number> lineChart(NiceAxis x, NiceAxis y) {
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setLegendSide(Side.BOTTOM);
        chart.getStyleClass().add("echoic-chart");
        return styled(chart);
    }

    /** Draws {@code series} dashed (earlier runs, references); call after it has been added to its chart. */
    public static void dashed(XYChart.Series<?, ?> series) {
        Runnable apply = () -> {
            Node n = series.getNode();
            if (n != null) {
                n.setStyle("-fx-stroke-dash-array: 6 4;");
            }
        };
        apply.run();
        series.nodeProperty().addListener((o, a, b) -> apply.run());
    }

    /**
     * Ctrl + wheel zooms {@code axis} of {@code chart} around the pointer, a double click fits the data again; a plain
     * wheel is left to the page (not consumed) so scrolling past the chart never changes it.
     */
    public static void zoomWithCtrlWheel(XYChart<Number, Number> chart, NiceAxis axis) {
        chart.addEventHandler(javafx.scene.input.ScrollEvent.SCROLL, e -> {
            if (!e.isControlDown() || e.getDeltaY() == 0) {
                return;
            }
            double lo = axis.getLowerBound();
            double hi = axis.getUpperBound();
            double at = axis.getValueForDisplay(axis.sceneToLocal(e.getSceneX(), e.getSceneY()).getX()).doubleValue();
            at = Math.max(lo, Math.min(hi, at));
            double factor = e.getDeltaY() > 0 ? 0.8 : 1.25;
            axis.setFixedRange(at - (at - lo) * factor, at + (hi - at) * factor);
            e.consume();
        });
        chart.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                axis.setAutoRanging(true);
            }
        });
    }
}
