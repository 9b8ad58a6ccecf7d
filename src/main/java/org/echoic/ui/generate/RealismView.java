package org.echoic.ui.generate;

import java.util.Arrays;
import java.util.Locale;

import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

import org.echoic.generate.Realism;

/**
 * The realism figures of a batch: a small table (means, two-sample KS statistic D and its p-value), charts with
 * axes of the song structure (syllable durations, gaps, rates; {@link StructureCharts}) and plots of the mean
 * spectra and of the frame distributions compared (generated orange, real blue, histograms scaled to the same
 * area). JavaFX thread only.
 */
final class RealismView extends VBox {
    static final Color GENERATED = Color.web("#f08c28");
    static final Color REAL = Color.web("#3c8cdc");
    private static final int PLOT_HEIGHT = 64;
    private static final int BINS = 20;
    private final GridPane table = new GridPane();
    private final Canvas plots = new Canvas(260, 5 * (PLOT_HEIGHT + 16));
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
        getChildren().addAll(note, table, structure, plots);
        plots.widthProperty().bind(widthProperty().subtract(4));
        plots.widthProperty().addListener((o, a, b) -> draw());
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
        GraphicsContext g = plots.getGraphicsContext2D();
        double w = plots.getWidth();
        g.clearRect(0, 0, w, plots.getHeight());
        if (shown == null || w < 40) {
            return;
        }
        g.setFont(Font.font(10));
        g.setTextBaseline(VPos.TOP);
        double y = 0;
        y = lines(g, y, w, "mean spectrum (low → high frequency)", shown.generatedMean(), shown.realMean());
        y = histogram(g, y, w, "frame energy", shown.energy());
        y = histogram(g, y, w, "spectral centroid (Hz)", shown.centroidHz());
        y = histogram(g, y, w, "segment durations (s)", shown.durationSeconds());
        histogram(g, y, w, "free energy", shown.freeEnergy());
    }

    private static double lines(GraphicsContext g, double y, double w, String title, double[] a, double[] b) {
        frame(g, y, w, title);
        double top = y + 14;
        double max = Math.max(Arrays.stream(a).filter(Double::isFinite).max().orElse(1),
                Arrays.stream(b).filter(Double::isFinite).max().orElse(1));
        for (double[] s : new double[][] {b, a}) {
            g.setStroke(s == a ? GENERATED : REAL);
            g.beginPath();
            for (int i = 0; i < s.length; i++) {
                double x = s.length == 1 ? 0 : i * (w - 1) / (s.length - 1);
                double v = Double.isFinite(s[i]) && max > 0 ? s[i] / max : 0;
                double py = top + PLOT_HEIGHT - v * PLOT_HEIGHT;
                if (i == 0) {
                    g.moveTo(x, py);
                } else {
                    g.lineTo(x, py);
                }
            }
            g.stroke();
        }
        return top + PLOT_HEIGHT + 2;
    }

    private static double histogram(GraphicsContext g, double y, double w, String title, Realism.Comparison c) {
        frame(g, y, w, title);
        double top = y + 14;
        double[] all = concat(c.generated(), c.real());
        if (all.length == 0) {
            g.setFill(Color.GRAY);
            g.fillText("no values", 4, top + 4);
            return top + PLOT_HEIGHT + 2;
        }
        double lo = Arrays.stream(all).min().orElse(0);
        double hi = Arrays.stream(all).max().orElse(1);
        double[] hg = counts(c.generated(), lo, hi);
        double[] hr = counts(c.real(), lo, hi);
        double max = Math.max(Arrays.stream(hg).max().orElse(0), Arrays.stream(hr).max().orElse(0));
        double bw = w / BINS;
        for (int i = 0; i < BINS; i++) {
            for (int k = 0; k < 2; k++) {
                double v = (k == 0 ? hr[i] : hg[i]) / (max > 0 ? max : 1);
                g.setFill((k == 0 ? REAL : GENERATED).deriveColor(0, 1, 1, 0.6));
                g.fillRect(i * bw + k * bw / 2, top + PLOT_HEIGHT - v * PLOT_HEIGHT, bw / 2, v * PLOT_HEIGHT);
            }
        }
        g.setFill(Color.GRAY);
        g.setTextAlign(javafx.scene.text.TextAlignment.RIGHT);
        g.fillText(String.format(Locale.ROOT, "%.3g … %.3g", lo, hi), w - 2, y);
        g.setTextAlign(javafx.scene.text.TextAlignment.LEFT);
        return top + PLOT_HEIGHT + 2;
    }

    private static void frame(GraphicsContext g, double y, double w, String title) {
        g.setFill(Color.web("#333333"));
        g.fillText(title, 2, y);
        g.setStroke(Color.LIGHTGRAY);
        g.strokeLine(0, y + 14 + PLOT_HEIGHT, w, y + 14 + PLOT_HEIGHT);
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
