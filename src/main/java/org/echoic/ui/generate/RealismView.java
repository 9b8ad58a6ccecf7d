package org.echoic.ui.generate;

import java.util.Arrays;
import java.util.Locale;

import javafx.geometry.Insets;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import org.echoic.generate.Realism;
import org.echoic.ui.charts.Charts;
import org.echoic.ui.charts.NiceAxis;

/**
 * The realism figures of a batch: a small table (means, two-sample KS statistic D and its p-value), charts with
 * axes of the song structure (syllable durations, gaps, rates; {@link StructureCharts}) and charts with axes, units
 * and legends ({@code ui.charts}) of the mean spectra and of the distributions compared (real blue, generated
 * orange; each histogram as the share of its values per bin, the same bins for both). JavaFX thread only.
 */
final class RealismView extends VBox {
    private static final int PLOT_HEIGHT = 200;
    private static final int BINS = 20;
    private final GridPane table = new GridPane();
    private final VBox plots = new VBox(2);
    private final Label note = new Label("Generate a batch with a recording shown to compare it with its segments.");
    private final StructureCharts structure = new StructureCharts();
    private Realism shown;

    RealismView() {
        setId("realismView");
        setSpacing(4);
        setPadding(new Insets(4, 0, 4, 0));
        table.setId("realismTable");
        table.setHgap(8);
        table.setVgap(2);
        note.setWrapText(true);
        plots.setId("realismPlots");
        getChildren().addAll(note, table, structure, plots);
    }

    /** The figures shown, or null. */
    Realism shown() {
        return shown;
    }

    void showNote(String text) {
        note.setText(text);
    }

    void show(Realism r, int generated, int real) {
        shown = r;
        note.setText(String.format(Locale.ROOT, "%d generated sequences against %d real segments. KS D: 0 = same "
                + "distribution, 1 = disjoint.", generated, real));
        table.getChildren().clear();
        String[] head = {"", "generated", "real", "KS D", "p"};
        for (int c = 0; c < head.length; c++) {
            table.add(bold(head[c]), c, 0);
        }
        table.add(new Label("mean spectra RMS"), 0, 1);
        table.add(cell("%.3f", r.meanSpectrumRms(), "meanSpectrumRms"), 3, 1);
        row(2, "frame energy", r.energy(), "%.3f", "energy");
        row(3, "centroid (Hz)", r.centroidHz(), "%.0f", "centroid");
        row(4, "durations (s)", r.durationSeconds(), "%.3f", "duration");
        row(5, "free energy", r.freeEnergy(), "%.1f", "freeEnergy");
        row(6, "syllables (s)", r.syllableSeconds(), "%.3f", "syllable");
        row(7, "gaps (s)", r.gapSeconds(), "%.3f", "gap");
        row(8, "rate (1/s)", r.ratePerSecond(), "%.2f", "rate");
        structure.show(r);
        draw();
    }

    private void row(int row, String name, Realism.Comparison c, String fmt, String id) {
        table.add(new Label(name), 0, row);
        table.add(cell(fmt, c.generatedMean(), null), 1, row);
        table.add(cell(fmt, c.realMean(), null), 2, row);
        table.add(cell("%.3f", c.ks(), id + "Ks"), 3, row);
        table.add(cell("%.3g", c.pValue(), null), 4, row);
    }

    private static Label cell(String fmt, double v, String id) {
        Label l = new Label(Double.isFinite(v) ? String.format(Locale.ROOT, fmt, v) : "–");
        if (id != null) {
            l.setId(id);
        }
        return l;
    }

    private static Label bold(String s) {
        Label l = new Label(s);
        l.setStyle("-fx-font-weight: bold;");
        return l;
    }

    private void draw() {
        plots.getChildren().clear();
        if (shown == null) {
            return;
        }
        plots.getChildren().addAll(
                lines("Mean spectrum", "Frame value (low → high frequency)", "Mean value (0–1)",
                        shown.generatedMean(), shown.realMean()),
                histogram("Frame energy", "Energy (mean frame value)", shown.energy()),
                histogram("Spectral centroid", "Centroid (Hz)", shown.centroidHz()),
                histogram("Segment durations", "Duration (s)", shown.durationSeconds()),
                histogram("Free energy", "Free energy per frame (nats)", shown.freeEnergy()));
    }

    /** A chart of the real (blue, first) and the generated (orange) series, titled, on nice axes. */
    private static LineChart<Number, Number> chart(String title, String xLabel, String yLabel) {
        LineChart<Number, Number> c = Charts.lineChart(new NiceAxis(xLabel), new NiceAxis(yLabel).setForceZero(true));
        c.setTitle(title);
        c.setPrefHeight(PLOT_HEIGHT);
        c.setMinHeight(PLOT_HEIGHT);
        return c;
    }

    private static LineChart<Number, Number> lines(String title, String xLabel, String yLabel, double[] generated,
                                                   double[] real) {
        LineChart<Number, Number> c = chart(title, xLabel, yLabel);
        c.getData().add(series("real", real, null));
        c.getData().add(series("generated", generated, null));
        return c;
    }

    private static XYChart.Series<Number, Number> series(String name, double[] y, double[] x) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        for (int i = 0; i < y.length; i++) {
            if (Double.isFinite(y[i])) {
                s.getData().add(new XYChart.Data<>(x == null ? i : x[i], y[i]));
            }
        }
        return s;
    }

    /** The two distributions as shares per bin (the same {@value #BINS} bins for both), at the bins' centres. */
    private static LineChart<Number, Number> histogram(String title, String xLabel, Realism.Comparison c) {
        LineChart<Number, Number> chart = chart(title, xLabel, "Share per bin");
        double[] all = concat(c.generated(), c.real());
        if (all.length == 0) {
            chart.setTitle(title + ": no values");
            return chart;
        }
        double lo = Arrays.stream(all).min().orElse(0);
        double hi = Arrays.stream(all).max().orElse(1);
        double[] centres = new double[BINS];
        for (int i = 0; i < BINS; i++) {
            centres[i] = hi > lo ? lo + (i + 0.5) * (hi - lo) / BINS : lo;
        }
        chart.getData().add(series("real", counts(c.real(), lo, hi), centres));
        chart.getData().add(series("generated", counts(c.generated(), lo, hi), centres));
        chart.setCreateSymbols(true);
        return chart;
    }

    private static double[] counts(double[] v, double lo, double hi) {
        double[] h = new double[BINS];
        long n = Arrays.stream(v).filter(Double::isFinite).count();
        for (double x : v) {
            if (Double.isFinite(x)) {
                int b = hi > lo ? (int) Math.min(BINS - 1, (x - lo) / (hi - lo) * BINS) : 0;
                h[b] += 1.0 / n;
            }
        }
        return h;
    }

    private static double[] concat(double[] a, double[] b) {
        return java.util.stream.DoubleStream.concat(Arrays.stream(a), Arrays.stream(b)).filter(Double::isFinite)
                .toArray();
    }
}
