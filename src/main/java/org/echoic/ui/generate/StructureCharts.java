package org.echoic.ui.generate;

import java.util.List;
import java.util.Locale;

import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.VBox;

import org.echoic.generate.Realism;
import org.echoic.render.DistributionFigure;
import org.echoic.ui.charts.Charts;
import org.echoic.ui.charts.NiceAxis;

/**
 * The song structure of a batch against the real bouts: histograms (fraction of each sample per bin, the same
 * bins for both) of syllable durations, gaps and syllable rates, generated and real, on charts with axes, each
 * titled with its KS D. JavaFX thread only.
 */
final class StructureCharts extends VBox {
    /** Generated orange, real blue, as in the other realism figures. */
    private static final javafx.scene.paint.Color GENERATED = javafx.scene.paint.Color.web("#f08c28");
    private static final javafx.scene.paint.Color REAL = javafx.scene.paint.Color.web("#3c8cdc");
    private static final double CHART_HEIGHT = 170;
    private final List<LineChart<Number, Number>> charts;

    StructureCharts() {
        super(2);
        setId("structureCharts");
        charts = List.of(chart("syllableChart", "Syllable duration (s)"), chart("gapChart", "Gap (s)"),
                chart("rateChart", "Syllable rate (1/s)"));
        getChildren().addAll(charts);
    }

    /** The three charts: syllable durations, gaps, rates. */
    List<LineChart<Number, Number>> charts() {
        return charts;
    }

    void show(Realism r) {
        fill(charts.get(0), "Syllable duration", r.syllableSeconds());
        fill(charts.get(1), "Gap between syllables", r.gapSeconds());
        fill(charts.get(2), "Syllable rate", r.ratePerSecond());
    }

    private static LineChart<Number, Number> chart(String id, String xLabel) {
        NiceAxis x = new NiceAxis(xLabel);
        NiceAxis y = new NiceAxis("Fraction");
        LineChart<Number, Number> c = Charts.lineChart(x, y);
        c.setId(id);
        c.setPrefHeight(CHART_HEIGHT);
        c.setMinHeight(CHART_HEIGHT);
        return c;
    }

    private static void fill(LineChart<Number, Number> chart, String name, Realism.Comparison c) {
        double[] range = DistributionFigure.range(c.generated(), c.real());
        chart.setTitle(String.format(Locale.ROOT, "%s — KS D %s", name,
                Double.isFinite(c.ks()) ? String.format(Locale.ROOT, "%.3f", c.ks()) : "– (no values)"));
        double[] fg = DistributionFigure.fractions(c.generated(), range[0], range[1]);
        double[] fr = DistributionFigure.fractions(c.real(), range[0], range[1]);
        double top = java.util.stream.DoubleStream.concat(java.util.Arrays.stream(fg), java.util.Arrays.stream(fr))
                .max().orElse(0);
        ((NiceAxis) chart.getYAxis()).setFixedRange(0, top > 0 ? top * 1.1 : 1);
        ((NiceAxis) chart.getXAxis()).setFixedRange(range[0], range[1]);
        chart.getData().setAll(List.of(
                steps(String.format(Locale.ROOT, "generated (n=%d)", c.generated().length), fg, range),
                steps(String.format(Locale.ROOT, "real (n=%d)", c.real().length), fr, range)));
        chart.getData().get(0).getNode().setStyle("-fx-stroke: " + Charts.web(GENERATED) + ";");
        chart.getData().get(1).getNode().setStyle("-fx-stroke: " + Charts.web(REAL) + ";");
    }

    /** A histogram as a step line over the bins. */
    private static XYChart.Series<Number, Number> steps(String name, double[] f, double[] range) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        double w = (range[1] - range[0]) / f.length;
        s.getData().add(new XYChart.Data<>(range[0], 0));
        for (int i = 0; i < f.length; i++) {
            s.getData().add(new XYChart.Data<>(range[0] + i * w, f[i]));
            s.getData().add(new XYChart.Data<>(range[0] + (i + 1) * w, f[i]));
        }
        s.getData().add(new XYChart.Data<>(range[1], 0));
        return s;
    }
}
