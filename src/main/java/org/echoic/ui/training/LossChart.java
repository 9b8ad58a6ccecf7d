package org.echoic.ui.training;

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
import org.echoic.service.TrainingCurves;

/**
 * Live training curves of any training job on a canvas, named by its {@link TrainingCurves}: per-batch values
 * (exponentially smoothed; for the RNN-RBM CD cost and reconstruction), per-epoch values (training and validation),
 * and dashed epoch curves of earlier runs. x is in epochs. The wheel zooms the epoch axis around the pointer, a drag
 * pans it, a double click shows everything; the y axis fits the visible series, linear or log10 of |value|, shared
 * or with each series scaled to its own range (their magnitudes differ by orders).
 * Repaints only when asked ({@link #repaint()}), so a poll timer can coalesce updates. JavaFX thread only.
 */
public final class LossChart extends Pane {
    /** Weight of a new batch point in the smoothed curves. */
    static final double SMOOTHING = 0.1;
    /** What a batch curve's name gets appended. */
    public static final String BATCH_SUFFIX = " (batch, smoothed)";
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
    private TrainingCurves curves = TrainingCurves.NONE;
    private double[] smooth = new double[0];
    private boolean logScale;
    private boolean normalised;
    private double viewMin = Double.NaN;
    private double viewMax = Double.NaN;
    private double dragX = Double.NaN;
    private boolean wheelNeedsControl;

    public LossChart() {
        setId("lossChart");
        getStyleClass().add("loss-chart");
        getChildren().add(canvas);
        setMinHeight(180);
        setPrefHeight(240);
        clearRun();
        widthProperty().addListener((o, a, b) -> repaint());
        heightProperty().addListener((o, a, b) -> repaint());
        setOnScroll(e -> {
            if (wheelNeedsControl && !e.isControlDown() || e.getDeltaY() == 0) {
                return;
            }
            zoom(e.getDeltaY() > 0 ? 0.8 : 1.25, e.getX());
            e.consume();
        });
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

    /**
     * With {@code true} only Ctrl + wheel zooms, and a plain wheel scrolls the page the chart sits in (as the
     * {@code ui.charts} charts do).
     */
    public void setWheelNeedsControl(boolean needed) {
        wheelNeedsControl = needed;
    }

    /** The current run's curve names. */
    public TrainingCurves runCurves() {
        return curves;
    }

    /** Shows a run of a job with these curves: the current run's series are replaced (overlays stay). */
    public void setCurves(TrainingCurves runCurves) {
        curves = runCurves;
        clearRun();
    }

    /** Forgets the current run's curves (earlier runs' overlays stay). */
    public void clearRun() {
        series.entrySet().removeIf(e -> !e.getValue().dashed);
        Map<String, Series> overlays = new LinkedHashMap<>(series);
        series.clear();
        int colour = 0;
        for (String name : curves.batch()) {
            series.put(name + BATCH_SUFFIX, new Series(name + BATCH_SUFFIX, PALETTE[colour++ % PALETTE.length], false));
        }
        for (String name : curves.epoch()) {
            series.put(name, new Series(name, PALETTE[colour++ % PALETTE.length], false));
        }
        series.putAll(overlays);
        smooth = new double[curves.batch().size()];
        Arrays.fill(smooth, Double.NaN);
        repaint();
    }

    /** Adds drained batch points (smoothed); NaN values (skipped batches) leave no point. */
    public void addBatches(List<MetricsBuffer.BatchPoint> points) {
        List<String> names = curves.batch();
        for (MetricsBuffer.BatchPoint p : points) {
            double a = 1 - Math.pow(1 - SMOOTHING, p.batches());
            for (int i = 0; i < names.size(); i++) {
                double v = p.value(i);
                if (Double.isNaN(v)) {
                    continue;
                }
                smooth[i] = Double.isNaN(smooth[i]) ? v : smooth[i] + a * (v - smooth[i]);
                series.get(names.get(i) + BATCH_SUFFIX).add(p.position(), smooth[i]);
            }
        }
    }

    /** Adds what was drained from a metrics buffer and repaints once (nothing when it is empty). */
    public void addDrained(MetricsBuffer.Drained d) {
        if (!d.isEmpty()) {
            addBatches(d.batches());
            addEpochs(d.epochs());
            repaint();
        }
    }

    /** Adds finished epochs of the current run (absent values leave no point). */
    public void addEpochs(List<MetricsBuffer.EpochPoint> epochs) {
        List<String> names = curves.epoch();
        for (MetricsBuffer.EpochPoint m : epochs) {
            for (int i = 0; i < names.size(); i++) {
                if (!Double.isNaN(m.value(i))) {
                    series.get(names.get(i)).add(m.epoch() + 1, m.value(i));
                }
            }
        }
    }

    /** Overlays an earlier run's epoch curves ({@link TrainingCurves#overlaid()}, dashed) under {@code run}'s name. */
    public void addOverlay(String run, List<MetricsBuffer.EpochPoint> history) {
        long mine = series.values().stream().filter(s -> !s.dashed).count();
        long runs = series.values().stream().filter(s -> s.dashed).count() / Math.max(1, curves.overlaid().size());
        int colour = (int) (mine + runs);
        for (String name : curves.overlaid()) {
            int index = curves.epochIndex(name);
            Series s = new Series(run + ": " + name, PALETTE[colour++ % PALETTE.length], true);
            for (MetricsBuffer.EpochPoint m : history) {
                if (!Double.isNaN(m.value(index))) {
                    s.add(m.epoch() + 1, m.value(index));
                }
            }
            series.put(s.name, s);
        }
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
    public Color color(String name) {
        Series s = series.get(name);
        return s == null ? Color.GRAY : s.color;
    }

    @Override
    protected void layoutChildren() {
        canvas.relocate(0, 0);
    }
}
