package org.echoic.ui.map;

import javafx.geometry.Side;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

import org.echoic.dsp.ColorMap;
import org.echoic.render.MapRenderer;
import org.echoic.ui.charts.Charts;
import org.echoic.ui.charts.ColorBar;
import org.echoic.ui.charts.NiceAxis;

/**
 * The map as a plot in the shared chart style ({@link Charts}): {@link MapCanvas} (the points from one ARGB buffer,
 * hover, click, lasso) framed by {@link NiceAxis} axes in map units ("UMAP 1/2" or "t-SNE 1/2") and, below, the
 * colour key: one entry per cluster, label or recording with its count (grey last: noise or no label), or a
 * {@link ColorBar} at the right for the continuous colourings (time, hidden unit). The axes follow the canvas'
 * bounds; nothing here repaints per mouse move. JavaFX thread only.
 */
final class MapPlot extends Region {
    private final MapCanvas canvas;
    private final NiceAxis xAxis = new NiceAxis("UMAP 1");
    private final NiceAxis yAxis = new NiceAxis("UMAP 2");
    private final FlowPane legend = new FlowPane(10, 2);
    private final ColorBar colorBar = new ColorBar("");

    MapPlot(MapCanvas canvas) {
        this.canvas = canvas;
        setId("mapPlot");
        getStyleClass().add("point-cloud");
        xAxis.setSide(Side.BOTTOM);
        yAxis.setSide(Side.LEFT);
        legend.setId("mapLegend");
        legend.getStyleClass().add("chart-legend");
        colorBar.setId("mapColorBar");
        colorBar.setVisible(false);
        getChildren().addAll(canvas, xAxis, yAxis, legend, colorBar);
        Charts.styled(this);
    }

    /** Names the axes {@code projection 1} and {@code projection 2} (e.g. "UMAP", "t-SNE"). */
    void setProjectionName(String projection) {
        xAxis.setLabel(projection + " 1");
        yAxis.setLabel(projection + " 2");
    }

    /** Shows new points with their colours and key; the axes fit the points' bounds. */
    void setData(float[][] map, int[] argb, MapColours.Legend key) {
        canvas.setData(map, argb);
        MapRenderer.Bounds b = canvas.bounds();
        xAxis.setFixedRange(b.minX(), b.maxX());
        yAxis.setFixedRange(b.minY(), b.maxY());
        setLegend(key);
    }

    /** New colours and key for the same points. */
    void setColours(int[] argb, MapColours.Legend key) {
        canvas.setColours(argb);
        setLegend(key);
    }

    NiceAxis xAxis() {
        return xAxis;
    }

    NiceAxis yAxis() {
        return yAxis;
    }

    FlowPane legend() {
        return legend;
    }

    ColorBar colorBar() {
        return colorBar;
    }

    private void setLegend(MapColours.Legend key) {
        legend.getChildren().clear();
        colorBar.setVisible(key.continuous());
        if (key.continuous()) {
            colorBar.setTitle(key.title());
            colorBar.show(ColorMap.VIRIDIS, key.lower(), key.upper());
        } else {
            for (MapColours.Entry e : key.entries()) {
                Rectangle swatch = new Rectangle(9, 9, argb(e.argb()));
                swatch.setStroke(Color.web("#8a8f99"));
                Label l = new Label(e.name() + " (" + e.count() + ")", swatch);
                l.getStyleClass().add("chart-legend-item");
                legend.getChildren().add(l);
            }
        }
        requestLayout();
    }

    private static Color argb(int c) {
        return Color.rgb((c >> 16) & 0xFF, (c >> 8) & 0xFF, c & 0xFF, ((c >>> 24) & 0xFF) / 255.0);
    }

    @Override
    protected double computePrefWidth(double height) {
        return 600;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 500;
    }

    @Override
    protected double computeMinWidth(double height) {
        return 240;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 220;
    }

    @Override
    protected void layoutChildren() {
        double left = snappedLeftInset() + 4;
        double top = snappedTopInset() + 4;
        double w = getWidth() - left - snappedRightInset() - 4;
        double h = getHeight() - top - snappedBottomInset() - 4;
        double barW = colorBar.isVisible() ? colorBar.prefWidth(-1) + 8 : 0;
        double xh = xAxis.prefHeight(-1);
        double yw = yAxis.prefWidth(-1);
        double plotW = Math.max(10, w - yw - barW - 8);
        double lh = legend.getChildren().isEmpty() ? 0 : Math.min(legend.prefHeight(plotW), h * 0.3);
        double plotH = Math.max(10, h - xh - lh - 4);
        canvas.resizeRelocate(left + yw, top, Math.floor(plotW), Math.floor(plotH));
        yAxis.resizeRelocate(left, top, yw, plotH);
        xAxis.resizeRelocate(left + yw, top + plotH, plotW, xh);
        legend.resizeRelocate(left + yw, top + plotH + xh + 4, plotW, lh);
        if (colorBar.isVisible()) {
            colorBar.resizeRelocate(left + yw + plotW + 8, top, barW - 8, plotH);
        }
    }
}
