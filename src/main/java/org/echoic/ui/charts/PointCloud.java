package org.echoic.ui.charts;

import java.util.List;
import java.util.function.IntConsumer;

import javafx.geometry.Side;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/**
 * A scatter plot of many points (thousands: a 2-D map of embedded segments) on one canvas, with {@link NiceAxis}
 * axes, points coloured by group ({@link Charts#color}; group −1 is {@link Charts#UNASSIGNED}), a legend below and
 * a highlighted point. {@link #nearest} picks the point under the pointer; a click reports it. Much lighter than a
 * {@code ScatterChart}, which makes one node per point. JavaFX thread only.
 */
public final class PointCloud extends Region {
    /** A click picks the nearest point within this many pixels. */
    public static final double PICK_RADIUS_PX = 6;
    private static final double DOT_PX = 3;
    private final NiceAxis xAxis;
    private final NiceAxis yAxis;
    private final Canvas canvas = new Canvas();
    private final FlowPane legend = new FlowPane(10, 2);
    private double[] xs = new double[0];
    private double[] ys = new double[0];
    private int[] groups = new int[0];
    private int highlighted = -1;
    private IntConsumer onPick = i -> { };

    public PointCloud(String xLabel, String yLabel) {
        getStyleClass().add("point-cloud");
        xAxis = new NiceAxis(xLabel);
        yAxis = new NiceAxis(yLabel);
        xAxis.setSide(Side.BOTTOM);
        yAxis.setSide(Side.LEFT);
        legend.getStyleClass().add("chart-legend");
        getChildren().addAll(canvas, xAxis, yAxis, legend);
        canvas.setOnMouseClicked(e -> {
            int i = nearest(e.getX() + canvas.getLayoutX(), e.getY() + canvas.getLayoutY());
            if (i >= 0) {
                onPick.accept(i);
            }
        });
        Charts.styled(this);
    }

    public NiceAxis xAxis() {
        return xAxis;
    }

    public NiceAxis yAxis() {
        return yAxis;
    }

    /**
     * Shows points {@code (x[i], y[i])} of {@code group[i]} (−1: none; null: all −1) named by {@code groupNames}
     * in the legend; the axes fit the points with a small margin.
     */
    public void setPoints(double[] x, double[] y, int[] group, List<String> groupNames) {
        if (x.length != y.length || group != null && group.length != x.length) {
            throw new IllegalArgumentException("x, y and groups differ in length");
        }
        xs = x.clone();
        ys = y.clone();
        groups = group == null ? new int[x.length] : group.clone();
        if (group == null) {
            java.util.Arrays.fill(groups, -1);
        }
        highlighted = -1;
        double[] rx = range(xs);
        double[] ry = range(ys);
        xAxis.setFixedRange(rx[0], rx[1]);
        yAxis.setFixedRange(ry[0], ry[1]);
        legend.getChildren().clear();
        for (int g = 0; g < groupNames.size(); g++) {
            Label l = new Label(groupNames.get(g), new Rectangle(8, 8, Charts.color(g)));
            l.getStyleClass().add("chart-legend-item");
            legend.getChildren().add(l);
        }
        requestLayout();
        paint();
    }

    /** Marks point {@code index} (−1: none). */
    public void setHighlighted(int index) {
        highlighted = index;
        paint();
    }

    public int highlighted() {
        return highlighted;
    }

    /** What a click on a point does (its index). */
    public void setOnPointPicked(IntConsumer action) {
        onPick = action;
    }

    /** The point nearest to {@code (x, y)} in this plot's coordinates within {@link #PICK_RADIUS_PX}, or −1. */
    public int nearest(double x, double y) {
        int best = -1;
        double bestD = PICK_RADIUS_PX * PICK_RADIUS_PX;
        for (int i = 0; i < xs.length; i++) {
            double dx = toX(xs[i]) + canvas.getLayoutX() - x;
            double dy = toY(ys[i]) + canvas.getLayoutY() - y;
            double d = dx * dx + dy * dy;
            if (d <= bestD) {
                bestD = d;
                best = i;
            }
        }
        return best;
    }

    /** Point {@code index}'s position in this plot's coordinates: {x, y}. */
    public double[] position(int index) {
        return new double[] {toX(xs[index]) + canvas.getLayoutX(), toY(ys[index]) + canvas.getLayoutY()};
    }

    private double toX(double v) {
        return (v - xAxis.getLowerBound()) / (xAxis.getUpperBound() - xAxis.getLowerBound()) * canvas.getWidth();
    }

    private double toY(double v) {
        return (1 - (v - yAxis.getLowerBound()) / (yAxis.getUpperBound() - yAxis.getLowerBound())) * canvas.getHeight();
    }

    private static double[] range(double[] v) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double d : v) {
            if (Double.isFinite(d)) {
                lo = Math.min(lo, d);
                hi = Math.max(hi, d);
            }
        }
        if (!(hi >= lo)) {
            return new double[] {0, 1};
        }
        double pad = hi > lo ? (hi - lo) * 0.04 : 0.5;
        return new double[] {lo - pad, hi + pad};
    }

    private void paint() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setStroke(Color.web("#8a8f99"));
        g.strokeRect(0.5, 0.5, w - 1, h - 1);
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < xs.length; i++) {
                boolean assigned = groups[i] >= 0;
                if (assigned != (pass == 1) || !Double.isFinite(xs[i]) || !Double.isFinite(ys[i])) {
                    continue;
                }
                g.setFill(assigned ? Charts.color(groups[i]).deriveColor(0, 1, 1, 0.75) : Charts.UNASSIGNED);
                g.fillRect(toX(xs[i]) - DOT_PX / 2, toY(ys[i]) - DOT_PX / 2, DOT_PX, DOT_PX);
            }
        }
        if (highlighted >= 0 && highlighted < xs.length) {
            g.setStroke(Color.BLACK);
            g.setLineWidth(2);
            g.strokeOval(toX(xs[highlighted]) - 5, toY(ys[highlighted]) - 5, 10, 10);
            g.setLineWidth(1);
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return 420;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 360;
    }

    @Override
    protected void layoutChildren() {
        double left = snappedLeftInset();
        double top = snappedTopInset();
        double w = getWidth() - left - snappedRightInset();
        double h = getHeight() - top - snappedBottomInset();
        double lh = legend.getChildren().isEmpty() ? 0 : legend.prefHeight(w);
        double xh = xAxis.prefHeight(w);
        double plotH = Math.max(10, h - xh - lh);
        double yw = yAxis.prefWidth(plotH);
        double plotW = Math.max(10, w - yw - 8);
        yAxis.resizeRelocate(left, top, yw, plotH);
        xAxis.resizeRelocate(left + yw, top + plotH, plotW, xh);
        legend.resizeRelocate(left + yw, top + plotH + xh, plotW, lh);
        canvas.relocate(left + yw, top);
        canvas.setWidth(Math.round(plotW));
        canvas.setHeight(Math.round(plotH));
        paint();
    }
}
