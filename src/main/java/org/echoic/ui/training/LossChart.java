package org.echoic.ui.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;

import org.echoic.io.TrainingCurveFiles;
import org.echoic.service.MetricsBuffer;
import org.echoic.service.TrainingCurves;
import org.echoic.ui.charts.Charts;
import org.echoic.ui.charts.NiceAxis;

/**
 * Live training curves of any training job, named by its {@link TrainingCurves}, on a {@code LineChart} with the
 * shared chart style ({@link Charts}): per-batch values (exponentially smoothed; for the RNN-RBM CD cost and
 * reconstruction), per-epoch values (training and validation) and dashed epoch curves of earlier runs. x is in epochs
 * with whole-epoch ticks; y is each series' own value (shared axis), log10 of |value| on a log axis labelled with the
 * values, or — on request — each series scaled to its own range in the shown epochs (0 = lowest, 1 = highest). A
 * plain mouse wheel scrolls the page; Ctrl + wheel zooms the epochs around the pointer, a double click shows them
 * all. Repaints only when asked ({@link #repaint()}), so a poll timer can coalesce updates. JavaFX thread only.
 */
public final class LossChart extends StackPane {
    /** Weight of a new batch point in the smoothed curves. */
    static final double SMOOTHING = 0.1;
    /** What a batch curve's name gets appended. */
    public static final String BATCH_SUFFIX = " (batch, smoothed)";
    static final String VALUE_LABEL = "Value (see legend)";
    static final String LOG_LABEL = "|Value| (log scale)";
    static final String NORMALISED_LABEL = "Each series: 0 = its lowest, 1 = its highest";

    /** One curve: growing arrays of epochs and values, and its series in the chart. */
    static final class Series {
        final String name;
        final boolean dashed;
        final XYChart.Series<Number, Number> shown = new XYChart.Series<>();
        boolean visible = true;
        double[] x = new double[64];
        double[] y = new double[64];
        int n;

        Series(String name, boolean dashed) {
            this.name = name;
            this.dashed = dashed;
            shown.setName(name);
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

    private final NiceAxis epochs = new NiceAxis("Epoch").setIntegerTicks(true).setForceZero(true);
    private final NiceAxis values = new NiceAxis(VALUE_LABEL);
    private final LineChart<Number, Number> chart = Charts.lineChart(epochs, values);
    private final Map<String, Series> series = new LinkedHashMap<>();
    private TrainingCurves curves = TrainingCurves.NONE;
    private double[] smooth = new double[0];
    private boolean logScale;
    private boolean normalised;

    public LossChart() {
        setId("lossChart");
        getStyleClass().add("loss-chart");
        chart.setId("lossLineChart");
        getChildren().add(chart);
        setMinHeight(180);
        setPrefHeight(260);
        Charts.zoomWithCtrlWheel(chart, epochs);
        epochs.lowerBoundProperty().addListener((o, a, b) -> repaintIfZoomed());
        epochs.upperBoundProperty().addListener((o, a, b) -> repaintIfZoomed());
        clearRun();
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
        for (String name : curves.batch()) {
            series.put(name + BATCH_SUFFIX, new Series(name + BATCH_SUFFIX, false));
        }
        for (String name : curves.epoch()) {
            series.put(name, new Series(name, false));
        }
        series.putAll(overlays);
        smooth = new double[curves.batch().size()];
        Arrays.fill(smooth, Double.NaN);
        rebuildChart();
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
    public void addEpochs(List<MetricsBuffer.EpochPoint> epochPoints) {
        List<String> names = curves.epoch();
        for (MetricsBuffer.EpochPoint m : epochPoints) {
            for (int i = 0; i < names.size(); i++) {
                if (!Double.isNaN(m.value(i))) {
                    series.get(names.get(i)).add(m.epoch() + 1, m.value(i));
                }
            }
        }
    }

    /** Overlays an earlier run's epoch curves ({@link TrainingCurves#overlaid()}, dashed) under {@code run}'s name. */
    public void addOverlay(String run, List<MetricsBuffer.EpochPoint> history) {
        for (String name : curves.overlaid()) {
            int index = curves.epochIndex(name);
            Series s = new Series(run + ": " + name, true);
            for (MetricsBuffer.EpochPoint m : history) {
                if (!Double.isNaN(m.value(index))) {
                    s.add(m.epoch() + 1, m.value(index));
                }
            }
            series.put(s.name, s);
        }
        rebuildChart();
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

    /** True when each series is scaled to its own range. */
    public boolean isNormalised() {
        return normalised;
    }

    /** Shows every epoch again. */
    public void resetZoom() {
        epochs.setAutoRanging(true);
        repaint();
    }

    /** Zooms the epochs by {@code factor} (below 1: in) around chart x {@code atX}, as Ctrl + wheel does. */
    void zoom(double factor, double atX) {
        double[] r = xRange();
        double at = epochs.getValueForDisplay(epochs.sceneToLocal(chart.localToScene(atX, 0)).getX()).doubleValue();
        at = Math.max(r[0], Math.min(r[1], at));
        epochs.setFixedRange(at - (at - r[0]) * factor, at + (r[1] - at) * factor);
        repaint();
    }

    /** The visible epoch range: the zoomed range, else 0 to the last epoch of the visible series. */
    double[] xRange() {
        if (!epochs.isAutoRanging()) {
            return new double[] {epochs.getLowerBound(), epochs.getUpperBound()};
        }
        double max = 1;
        for (Series s : series.values()) {
            if (s.visible && s.n > 0) {
                max = Math.max(max, s.x[s.n - 1]);
            }
        }
        return new double[] {0, max};
    }

    /** The visible series as curves for CSV export (values as recorded, not as scaled for the plot). */
    public List<TrainingCurveFiles.Curve> curves() {
        List<TrainingCurveFiles.Curve> out = new ArrayList<>();
        for (Series s : series.values()) {
            if (s.visible && s.n > 0) {
                out.add(new TrainingCurveFiles.Curve(s.name, Arrays.copyOf(s.x, s.n), Arrays.copyOf(s.y, s.n)));
            }
        }
        return out;
    }

    /** The chart (for exports and tests). */
    LineChart<Number, Number> lineChart() {
        return chart;
    }

    private void rebuildChart() {
        List<XYChart.Series<Number, Number>> all = new ArrayList<>();
        for (Series s : series.values()) {
            all.add(s.shown);
        }
        chart.getData().setAll(all);
        for (Series s : series.values()) {
            if (s.dashed) {
                Charts.dashed(s.shown);
            }
        }
        repaint();
    }

    private boolean repainting;

    private void repaintIfZoomed() {
        if (!repainting && !epochs.isAutoRanging() && normalised) {
            repaint();
        }
    }

    /** Updates the chart's points from the series (at most about two per pixel of width each). */
    public void repaint() {
        repainting = true;
        try {
            values.setLog10(logScale && !normalised);
            values.setLabel(normalised ? NORMALISED_LABEL : logScale ? LOG_LABEL : VALUE_LABEL);
            double[] xr = xRange();
            int budget = (int) Math.max(200, 2 * Math.max(getWidth(), 400));
            for (Series s : series.values()) {
                s.shown.getData().setAll(points(s, xr, budget));
            }
        } finally {
            repainting = false;
        }
    }

    private List<XYChart.Data<Number, Number>> points(Series s, double[] xr, int budget) {
        List<XYChart.Data<Number, Number>> out = new ArrayList<>();
        if (!s.visible || s.n == 0) {
            return out;
        }
        double offset = 0;
        double scale = 1;
        if (normalised) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < s.n; i++) {
                if (s.x[i] >= xr[0] && s.x[i] <= xr[1] && Double.isFinite(s.y[i])) {
                    lo = Math.min(lo, s.y[i]);
                    hi = Math.max(hi, s.y[i]);
                }
            }
            offset = hi >= lo ? lo : 0;
            scale = hi > lo ? 1 / (hi - lo) : 1;
        }
        int step = Math.max(1, s.n / budget);
        for (int i = 0; i < s.n; i += step) {
            addPoint(out, s, i, offset, scale);
        }
        if ((s.n - 1) % step != 0) {
            addPoint(out, s, s.n - 1, offset, scale);
        }
        return out;
    }

    private void addPoint(List<XYChart.Data<Number, Number>> out, Series s, int i, double offset, double scale) {
        double v = normalised ? (s.y[i] - offset) * scale : logScale ? Math.log10(Math.abs(s.y[i])) : s.y[i];
        if (Double.isFinite(v)) {
            out.add(new XYChart.Data<>(s.x[i], v));
        }
    }

    /** The colour of a series (as in the chart's legend). */
    public Color color(String name) {
        int i = seriesNames().indexOf(name);
        return i < 0 ? Color.GRAY : Charts.color(i);
    }
}
