package org.echoic.ui.charts;

import javafx.geometry.Side;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

import org.echoic.dsp.ColorMap;

/**
 * A vertical colour bar: the colour map from {@code lower} (bottom) to {@code upper} (top) with a {@link NiceAxis}
 * on its right titled with the quantity and unit (e.g. "Power (dB)"). Row {@code r} of a bar {@code h} high shows
 * the colour of {@code lower + (upper − lower) · (1 − (r + 0.5) / h)}, as the plots paint that value. JavaFX thread
 * only.
 */
public final class ColorBar extends Region {
    /** Width of the coloured strip in pixels. */
    public static final double BAR_WIDTH_PX = 12;
    private final Canvas bar = new Canvas(BAR_WIDTH_PX, 10);
    private final Rectangle frame = new Rectangle();
    private final NiceAxis axis;
    private ColorMap map = ColorMap.VIRIDIS;
    private double lower;
    private double upper = 1;

    public ColorBar(String title) {
        getStyleClass().add("color-bar");
        frame.getStyleClass().add("bar-frame");
        axis = new NiceAxis(title);
        axis.setSide(Side.RIGHT);
        axis.setFixedRange(0, 1);
        getChildren().addAll(bar, frame, axis);
        Charts.styled(this);
    }

    /** Shows {@code map} over {@code [lowerValue, upperValue]}. */
    public void show(ColorMap colorMap, double lowerValue, double upperValue) {
        map = colorMap;
        lower = lowerValue;
        upper = upperValue > lowerValue ? upperValue : lowerValue + 1;
        axis.setFixedRange(lower, upper);
        paint();
    }

    public void setTitle(String title) {
        axis.setLabel(title);
    }

    public NiceAxis axis() {
        return axis;
    }

    public ColorMap colorMap() {
        return map;
    }

    /** The value row {@code row} of a bar {@code heightPx} high shows. */
    public static double valueAtRow(int row, int heightPx, double lowerValue, double upperValue) {
        return lowerValue + (upperValue - lowerValue) * (1 - (row + 0.5) / heightPx);
    }

    /** The colour of row {@code row} as painted now (ARGB), for tests. */
    public int colorAtRow(int row) {
        int h = (int) Math.max(1, bar.getHeight());
        return map.argb((valueAtRow(row, h, lower, upper) - lower) / (upper - lower));
    }

    private void paint() {
        GraphicsContext g = bar.getGraphicsContext2D();
        int h = (int) Math.max(1, bar.getHeight());
        for (int r = 0; r < h; r++) {
            int c = colorAtRow(r);
            g.setFill(Color.rgb(c >> 16 & 0xff, c >> 8 & 0xff, c & 0xff));
            g.fillRect(0, r, BAR_WIDTH_PX, 1);
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return BAR_WIDTH_PX + 2 + axis.prefWidth(height);
    }

    @Override
    protected double computeMinWidth(double height) {
        return computePrefWidth(height);
    }

    @Override
    protected double computePrefHeight(double width) {
        return 120;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 20;
    }

    @Override
    protected void layoutChildren() {
        double h = Math.max(1, getHeight() - snappedTopInset() - snappedBottomInset());
        double x = snappedLeftInset();
        double y = snappedTopInset();
        if (Math.round(bar.getHeight()) != Math.round(h)) {
            bar.setHeight(Math.round(h));
            paint();
        }
        bar.relocate(x, y);
        frame.setX(x + 0.5);
        frame.setY(y + 0.5);
        frame.setWidth(BAR_WIDTH_PX - 1);
        frame.setHeight(Math.max(0, Math.round(h) - 1));
        axis.resizeRelocate(x + BAR_WIDTH_PX + 2, y, Math.max(0, getWidth() - x - BAR_WIDTH_PX - 2), h);
    }
}
