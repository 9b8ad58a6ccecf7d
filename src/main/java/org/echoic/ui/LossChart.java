package org.echoic.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

import org.echoic.io.TrainingCurveFiles;
import org.echoic.service.MetricsBuffer;
import org.echoic.train.EpochMetrics;

/**
 * Live training curves on a canvas: per-batch CD cost and reconstruction (exponentially smoothed), per-epoch
 * training cost and reconstruction, validation prediction error and (binary data) accuracy, and dashed
 * per-epoch curves of earlier runs. x is in epochs. The wheel zooms the epoch axis around the pointer, a drag
 * pans it, a double click shows everything; the y axis fits the visible series, linear or log10 of |value|, shared
 * or with each series scaled to its own range (their magnitudes differ by orders).
 * Repaints only when asked ({@link #repaint()}), so a poll timer can coalesce updates. JavaFX thread only.
 */
public final class LossChart extends Pane {
    /** Weight of a new batch point in the smoothed curves. */
    static final double SMOOTHING = 0.1;
    static final String COST = "CD cost (batch, smoothed)";
    static final String RECON = "Reconstruction (batch, smoothed)";
    static final String EPOCH_COST = "CD cost (epoch)";
    static final String EPOCH_RECON = "Reconstruction (epoch)";
    static final String VAL_ERROR = "Validation prediction error";
    static final String VAL_ACCURACY = "Validation accuracy";
    private static final Color[] PALETTE = {Color.web("#4e79a7"), Color.web("#f28e2b"), Color.web("#1f4e79"),
        Color.web("#b35806"), Color.web("#59a14f"), Color.web("#e15759"), Color.web("#76b7b2"), Color.web("#af7aa1")};

    /** One curve: growing arrays of epochs and values. */
    static final class Series {
        final String name;
        final Color color;
        final boolean dashed;
        boolean visible = true;
        /** Drawing transform of the last repaint: (value − offset) · scale. */
        double offset;
        double scale = 1;
        double[] x = new double[64];
        double[] y = new double[64];
        int n;

        Series(String name, Color color, boolean dashed) {
            this.name = name;
            this.color = color;
            this.dashed = dashed;
        }

        void add(double px, double py) {
            if (n == x.length) {
                x = Arrays.copyOf(x, n * 2);
                y = Arrays.copyOf(y, n * 2);
            }
            x[n] = px;
            y[n++] = py;
        }
    }

    private final Canvas canvas = new Canvas();
    private final Map<String, Series> series = new LinkedHashMap<>();
    private double smoothCost = Double.NaN;
    private double smoothRecon = Double.NaN;
    private boolean logScale;
    private boolean normalised;
    private double viewMin = Double.NaN;
    private double viewMax = Double.NaN;
    private double dragX = Double.NaN;

    public LossChart() {
        setId("lossChart");
        getStyleClass().add("loss-chart");
        getChildren().add(canvas);
        setMinHeight(180);
        setPrefHeight(240);
        clearRun();
        widthProperty().addListener((o, a, b) -> repaint());
        heightProperty().addListener((o, a, b) -> repaint());
        setOnScroll(e -> zoom(e.getDeltaY() > 0 ? 0.8 : 1.25, e.getX()));
        setOnMousePressed(e -> dragX = e.getX());
        setOnMouseDragged(e -> {
            double[] r = xRange();
            double shift = (dragX - e.getX()) / Math.max(1, plotWidth()) * (r[1] - r[0]);
            viewMin = r[0] + shift;
            viewMax = r[1] + shift;
            dragX = e.getX();
            repaint();
        });
        setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                resetZoom();
            }
        });
    }

    /** Forgets the current run's curves (earlier runs' overlays stay). */
    public void clearRun() {
        series.entrySet().removeIf(e -> !e.getValue().dashed);
        Series[] mine = {new Series(COST, PALETTE[0], false), new Series(RECON, PALETTE[1], false),
            new Series(EPOCH_COST, PALETTE[2], false), new Series(EPOCH_RECON, PALETTE[3], false),
            new Series(VAL_ERROR, PALETTE[4], false), new Series(VAL_ACCURACY, PALETTE[5], false)};
        Map<String, Series> overlays = new LinkedHashMap<>(series);
        series.clear();
        for (Series s : mine) {
            series.put(s.name, s);
        }
        series.putAll(overlays);
        smoothCost = Double.NaN;
        smoothRecon = Double.NaN;
        repaint();
    }

    /** Adds drained batch points (smoothed). */
    public void addBatches(List<MetricsBuffer.BatchPoint> points) {
        for (MetricsBuffer.BatchPoint p : points) {
            if (Double.isNaN(p.cost())) {
                continue;
            }
            double a = 1 - Math.pow(1 - SMOOTHING, p.batches());
            smoothCost = Double.isNaN(smoothCost) ? p.cost() : smoothCost + a * (p.cost() - smoothCost);
            smoothRecon = Double.isNaN(smoothRecon) ? p.reconstruction()
                    : smoothRecon + a * (p.reconstruction() - smoothRecon);
            series.get(COST).add(p.position(), smoothCost);
            series.get(RECON).add(p.position(), smoothRecon);
        }
    }

    /** Adds finished epochs of the current run. */
    public void addEpochs(List<EpochMetrics> epochs) {
        for (EpochMetrics m : epochs) {
            double x = m.epoch() + 1;
            series.get(EPOCH_COST).add(x, m.trainCost());
            series.get(EPOCH_RECON).add(x, m.trainReconstruction());
            if (m.validation() != null) {
                series.get(VAL_ERROR).add(x, m.validation().predictionMse());
                if (m.validation().frameAccuracy() != null) {
                    series.get(VAL_ACCURACY).add(x, m.validation().frameAccuracy());
                }
            }
        }
    }

    /** Overlays an earlier run's epoch curves (dashed) under {@code run}'s name. */
    public void addOverlay(String run, List<EpochMetrics> history) {
        int colour = 6 + (int) series.values().stream().filter(s -> s.dashed).count() / 2;
        Series cost = new Series(run + ": CD cost (epoch)", PALETTE[colour % PALETTE.length], true);
        Series val = new Series(run + ": validation error", PALETTE[(colour + 1) % PALETTE.length], true);
        for (EpochMetrics m : history) {
            cost.add(m.epoch() + 1, m.trainCost());
            if (m.validation() != null) {
                val.add(m.epoch() + 1, m.validation().predictionMse());
            }
        }
        series.put(cost.name, cost);
        series.put(val.name, val);
        repaint();
    }

    /** Names of all series, current run first. */
    public List<String> seriesNames() {
        return new ArrayList<>(series.keySet());
    }

    /** Points of a series (0 when unknown). */
    public int pointCount(String name) {
        Series s = series.get(name);
        return s == null ? 0 : s.n;
    }

    public void setSeriesVisible(String name, boolean visible) {
        Series s = series.get(name);
        if (s != null) {
            s.visible = visible;
            repaint();
        }
    }

    public void setLogScale(boolean log) {
        logScale = log;
        repaint();
    }

    /** Scales each series to its own range in the shown epochs (0 = its lowest, 1 = its highest value). */
    public void setNormalised(boolean each) {
        normalised = each;
        repaint();
    }

    /** Shows every epoch again. */
    public void resetZoom() {
        viewMin = Double.NaN;
        viewMax = Double.NaN;
        repaint();
    }

    void zoom(double factor, double atX) {
        double[] r = xRange();
        double at = r[0] + (atX - left()) / Math.max(1, plotWidth()) * (r[1] - r[0]);
        viewMin = at - (at - r[0]) * factor;
        viewMax = at + (r[1] - at) * factor;
        repaint();
    }

    /** The visible epoch range. */
    double[] xRange() {
        if (!Double.isNaN(viewMin)) {
            return new double[] {viewMin, viewMax};
        }
        double max = 1;
        for (Series s : series.values()) {
            if (s.visible && s.n > 0) {
                max = Math.max(max, s.x[s.n - 1]);
            }
        }
        return new double[] {0, max};
    }

    /** The visible series as curves for CSV export. */
    public List<TrainingCurveFiles.Curve> curves() {
        List<TrainingCurveFiles.Curve> out = new ArrayList<>();
        for (Series s : series.values()) {
            if (s.visible && s.n > 0) {
                out.add(new TrainingCurveFiles.Curve(s.name, Arrays.copyOf(s.x, s.n), Arrays.copyOf(s.y, s.n)));
            }
        }
        return out;
    }

    private double left() {
        return 56;
    }

    private double plotWidth() {
        return getWidth() - left() - 10;
    }

    private double value(double v) {
        return logScale ? Math.log10(Math.abs(v)) : v;
    }

    /** Repaints the canvas from the series. */
    public void repaint() {
        double w = Math.max(1, getWidth());
        double h = Math.max(1, getHeight());
        canvas.setWidth(w);
        canvas.setHeight(h);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        double[] xr = xRange();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series s : series.values()) {
            double[] r = s.visible ? range(s, xr) : new double[] {Double.NaN, Double.NaN};
            s.offset = normalised && r[1] >= r[0] ? r[0] : 0;
            s.scale = normalised && r[1] > r[0] ? 1 / (r[1] - r[0]) : 1;
            if (r[1] >= r[0]) {
                lo = Math.min(lo, (r[0] - s.offset) * s.scale);
                hi = Math.max(hi, (r[1] - s.offset) * s.scale);
            }
        }
        if (!(hi >= lo)) {
            lo = 0;
            hi = 1;
        } else if (hi - lo < 1e-12) {
            lo -= 0.5;
            hi += 0.5;
        }
        double pad = (hi - lo) * 0.05;
        lo -= pad;
        hi += pad;
        double top = 8;
        double bottom = h - 22;
        double pw = plotWidth();
        g.setFont(Font.font(10));
        g.setStroke(Color.web("#d8dbe2"));
        g.setLineWidth(1);
        g.setFill(Color.web("#5a606c"));
        for (int i = 0; i <= 4; i++) {
            double y = bottom - (bottom - top) * i / 4;
            g.strokeLine(left(), y, left() + pw, y);
            double v = lo + (hi - lo) * i / 4;
            String label = normalised ? String.format(Locale.ROOT, "%.2f", v)
                    : logScale ? String.format(Locale.ROOT, "1e%.1f", v) : String.format(Locale.ROOT, "%.3g", v);
            g.fillText(label, 2, y + 3);
        }
        g.setFill(Color.web("#5a606c"));
        for (int i = 0; i <= 4; i++) {
            double x = left() + pw * i / 4 - (i == 4 ? 18 : 0);
            g.fillText(String.format(Locale.ROOT, "%.2f", xr[0] + (xr[1] - xr[0]) * i / 4), x - 10, h - 8);
        }
        g.fillText("epochs", 2, h - 8);
        for (Series s : series.values()) {
            if (!s.visible || s.n == 0) {
                continue;
            }
            g.setStroke(s.color);
            g.setFill(s.color);
            g.setLineWidth(1.5);
            g.setLineDashes(s.dashed ? new double[] {5, 4} : null);
            g.beginPath();
            boolean pen = false;
            int step = Math.max(1, (int) (s.n / Math.max(1, pw * 2)));
            for (int i = 0; i < s.n; i += step) {
                double v = (value(s.y[i]) - s.offset) * s.scale;
                if (!Double.isFinite(v)) {
                    pen = false;
                    continue;
                }
                double x = left() + (s.x[i] - xr[0]) / Math.max(1e-12, xr[1] - xr[0]) * pw;
                double y = bottom - (v - lo) / (hi - lo) * (bottom - top);
                if (pen) {
                    g.lineTo(x, y);
                } else {
                    g.moveTo(x, y);
                    pen = true;
                }
                if (s.n < 60 && !s.name.contains("batch")) {
                    g.fillOval(x - 2, y - 2, 4, 4);
                }
            }
            g.stroke();
        }
        g.setLineDashes(null);
    }

    /** The lowest and highest finite (transformed) value of {@code s} within the epochs {@code xr}; NaN if none. */
    private double[] range(Series s, double[] xr) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < s.n; i++) {
            double v = value(s.y[i]);
            if (s.x[i] >= xr[0] && s.x[i] <= xr[1] && Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return hi >= lo ? new double[] {lo, hi} : new double[] {Double.NaN, Double.NaN};
    }

    /** The colour of a series (for legends). */
    Color color(String name) {
        Series s = series.get(name);
        return s == null ? Color.GRAY : s.color;
    }

    @Override
    protected void layoutChildren() {
        canvas.relocate(0, 0);
    }
}
