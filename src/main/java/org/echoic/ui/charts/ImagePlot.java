package org.echoic.ui.charts;

import java.util.List;
import java.util.function.BiFunction;

import javafx.geometry.Side;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import org.echoic.dsp.ColorMap;

/**
 * An image plot with axes: a grid of values (a spectrogram, activations, a confusion matrix) painted with a colour
 * map, cell {@code (col, row)} a rectangle of equal size, framed by an x axis below, a y axis on the left (numbers
 * through {@link NiceAxis}, or names through {@link #categorical} and {@link NiceAxis#setCategories}), an optional title above and an optional
 * {@link ColorBar} on the right. Cells are drawn without smoothing, so each keeps its colour; an optional text per
 * cell (counts of a confusion matrix) is drawn when the cells are large enough. Numeric axes span
 * {@link #setExtent} (cell edges, not centres). JavaFX thread only.
 */
public final class ImagePlot extends Region {
    /** Cells smaller than this (pixels, either side) get no text. */
    static final double MIN_TEXT_CELL_PX = 16;
    private final NiceAxis xAxis;
    private final NiceAxis yAxis;
    private final Label title = new Label();
    private final Canvas canvas = new Canvas();
    private final ColorBar colorBar = new ColorBar("");
    private WritableImage cells;
    private float[][] values;
    private double lower;
    private double upper = 1;
    private ColorMap map = ColorMap.VIRIDIS;
    private boolean rowZeroAtTop;
    private BiFunction<Integer, Integer, String> cellText;

    /** A plot with numeric axes titled {@code xLabel} and {@code yLabel} (name and unit). */
    public ImagePlot(String xLabel, String yLabel) {
        this(new NiceAxis(xLabel), new NiceAxis(yLabel));
    }

    private ImagePlot(NiceAxis x, NiceAxis y) {
        xAxis = x;
        yAxis = y;
        getStyleClass().add("image-plot");
        x.setSide(Side.BOTTOM);
        y.setSide(Side.LEFT);
        x.setAnimated(false);
        y.setAnimated(false);
        title.getStyleClass().add("chart-title");
        title.setManaged(false);
        title.setVisible(false);
        colorBar.setVisible(false);
        colorBar.setManaged(false);
        getChildren().addAll(title, canvas, x, y, colorBar);
        Charts.styled(this);
    }

    /**
     * A plot with named columns and rows (e.g. a confusion matrix: true classes as rows from the top, predicted
     * classes as columns).
     */
    public static ImagePlot categorical(String xLabel, List<String> columns, String yLabel, List<String> rows) {
        List<String> bottomUp = new java.util.ArrayList<>(rows);
        java.util.Collections.reverse(bottomUp);
        ImagePlot p = new ImagePlot(new NiceAxis(xLabel).setCategories(columns),
                new NiceAxis(yLabel).setCategories(bottomUp));
        p.rowZeroAtTop = true;
        return p;
    }

    public NiceAxis xAxis() {
        return xAxis;
    }

    public NiceAxis yAxis() {
        return yAxis;
    }

    public ColorBar colorBar() {
        return colorBar;
    }

    /** Numeric axes span {@code [x0, x1]} (left to right) and {@code [y0, y1]} (bottom to top). */
    public void setExtent(double x0, double x1, double y0, double y1) {
        xAxis.setFixedRange(x0, x1);
        yAxis.setFixedRange(y0, y1);
    }

    /** A title above the plot (blank: none). */
    public void setTitle(String text) {
        boolean show = text != null && !text.isBlank();
        title.setText(show ? text : "");
        title.setVisible(show);
        title.setManaged(show);
        requestLayout();
    }

    /** Shows a colour bar titled {@code barTitle} (quantity and unit) beside the plot; null hides it. */
    public void setColorBarTitle(String barTitle) {
        boolean show = barTitle != null;
        colorBar.setTitle(show ? barTitle : "");
        colorBar.setVisible(show);
        colorBar.setManaged(show);
        requestLayout();
    }

    /**
     * Paints {@code grid[row][col]} with {@code colorMap} over {@code [lowerValue, upperValue]} (clamped; NaN
     * shows the lowest colour); row 0 at the bottom (numeric plots: lowest frequency, unit 0 …), or at the top
     * for categorical plots.
     */
    public void setValues(float[][] grid, double lowerValue, double upperValue, ColorMap colorMap) {
        values = grid;
        lower = lowerValue;
        upper = upperValue > lowerValue ? upperValue : lowerValue + 1;
        map = colorMap;
        colorBar.show(colorMap, lower, upper);
        int rows = grid.length;
        int cols = rows == 0 ? 0 : grid[0].length;
        cells = rows == 0 || cols == 0 ? null : new WritableImage(cols, rows);
        if (cells != null) {
            int[] argb = new int[rows * cols];
            for (int r = 0; r < rows; r++) {
                int y = rowZeroAtTop ? r : rows - 1 - r;
                for (int c = 0; c < cols; c++) {
                    argb[y * cols + c] = colorMap.argb((grid[r][c] - lower) / (upper - lower));
                }
            }
            cells.getPixelWriter().setPixels(0, 0, cols, rows, PixelFormat.getIntArgbInstance(), argb, 0, cols);
        }
        paint();
    }

    /** Row {@code 0} at the top instead of the bottom (call before {@link #setValues}). */
    public void setRowZeroAtTop(boolean top) {
        rowZeroAtTop = top;
    }

    /** Text drawn in cell {@code (col, row)} when cells are large enough (null: none). */
    public void setCellText(BiFunction<Integer, Integer, String> text) {
        cellText = text;
        paint();
    }

    /** The grid cell {@code {col, row}} under a point in this plot's coordinates, or null outside the cells. */
    public int[] cellAt(double x, double y) {
        if (values == null || values.length == 0) {
            return null;
        }
        double px = x - canvas.getLayoutX();
        double py = y - canvas.getLayoutY();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (px < 0 || py < 0 || px >= w || py >= h) {
            return null;
        }
        int rows = values.length;
        int cols = values[0].length;
        int c = (int) Math.min(cols - 1, px / w * cols);
        int yCell = (int) Math.min(rows - 1, py / h * rows);
        return new int[] {c, rowZeroAtTop ? yCell : rows - 1 - yCell};
    }

    /** The plot area's position and size in this plot's coordinates: {x, y, width, height}. */
    public double[] plotArea() {
        return new double[] {canvas.getLayoutX(), canvas.getLayoutY(), canvas.getWidth(), canvas.getHeight()};
    }

    private void paint() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        if (cells == null) {
            return;
        }
        g.setImageSmoothing(false);
        g.drawImage(cells, 0, 0, w, h);
        g.setStroke(Color.web("#8a8f99"));
        g.strokeRect(0.5, 0.5, w - 1, h - 1);
        int rows = values.length;
        int cols = values[0].length;
        double cw = w / cols;
        double ch = h / rows;
        if (cellText == null || cw < MIN_TEXT_CELL_PX || ch < MIN_TEXT_CELL_PX) {
            return;
        }
        g.setFont(Font.font(Math.min(12, ch * 0.45)));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        for (int r = 0; r < rows; r++) {
            int y = rowZeroAtTop ? r : rows - 1 - r;
            for (int c = 0; c < cols; c++) {
                String t = cellText.apply(c, r);
                if (t == null || t.isEmpty()) {
                    continue;
                }
                double v = (values[r][c] - lower) / (upper - lower);
                int argb = map.argb(v);
                double lum = (0.299 * (argb >> 16 & 0xff) + 0.587 * (argb >> 8 & 0xff) + 0.114 * (argb & 0xff)) / 255;
                g.setFill(lum > 0.55 ? Color.BLACK : Color.WHITE);
                g.fillText(t, (c + 0.5) * cw, (y + 0.5) * ch);
            }
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return 360;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 240;
    }

    @Override
    protected double computeMinWidth(double height) {
        return 120;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 90;
    }

    @Override
    protected void layoutChildren() {
        double left = snappedLeftInset();
        double top = snappedTopInset();
        double w = getWidth() - left - snappedRightInset();
        double h = getHeight() - top - snappedBottomInset();
        if (title.isVisible()) {
            double th = title.prefHeight(w);
            title.resizeRelocate(left, top, w, th);
            top += th + 2;
            h -= th + 2;
        }
        double barW = colorBar.isVisible() ? colorBar.prefWidth(h) + 8 : 0;
        double xh = xAxis.prefHeight(w);
        double plotH = Math.max(10, h - xh);
        double yw = yAxis.prefWidth(plotH);
        double plotW = Math.max(10, w - yw - barW - 6);
        yAxis.resizeRelocate(left, top, yw, plotH);
        xAxis.resizeRelocate(left + yw, top + plotH, plotW, xh);
        if (colorBar.isVisible()) {
            colorBar.resizeRelocate(left + yw + plotW + 8, top, barW - 8, plotH);
        }
        canvas.relocate(left + yw, top);
        if (Math.round(canvas.getWidth()) != Math.round(plotW) || Math.round(canvas.getHeight()) != Math.round(plotH)) {
            canvas.setWidth(Math.round(plotW));
            canvas.setHeight(Math.round(plotH));
        }
        paint();
    }
}
