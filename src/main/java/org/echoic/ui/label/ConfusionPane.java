package org.echoic.ui.label;

import org.echoic.ui.charts.ImagePlot;

import java.util.Locale;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import org.echoic.dsp.ColorMap;
import org.echoic.label.Confusion;

/**
 * A labeller's confusion matrix: true classes as rows from the top, predicted classes as columns, each cell coloured
 * by the fraction of its row (the recall of the row's class on the diagonal) with its count inside, and beside it each
 * class's precision, recall and support. JavaFX thread only.
 */
final class ConfusionPane extends VBox {
    private final Label caption = new Label("Train a labeller to see its confusion matrix.");
    private final HBox body = new HBox(12);
    private ImagePlot plot;
    private Confusion shown;
    private final GridPane scores = new GridPane();

    ConfusionPane() {
        super(6);
        setId("confusionPane");
        caption.setId("confusionCaption");
        caption.setWrapText(true);
        scores.setId("confusionScores");
        scores.setHgap(10);
        scores.setVgap(2);
        scores.setPadding(new Insets(4, 0, 0, 0));
        getChildren().addAll(caption, body);
    }

    /** Shows {@code c}, counted on {@code on} ("validation", …). */
    void show(Confusion c, String on) {
        int k = c.classes().size();
        shown = c;
        plot = ImagePlot.categorical("Predicted class", c.classes(), "True class", c.classes());
        plot.setId("confusionMatrix");
        plot.setTitle("Confusion matrix (" + on + " " + c.unit() + ")");
        plot.setColorBarTitle("Fraction of the true class");
        float[][] frac = new float[k][k];
        for (int t = 0; t < k; t++) {
            long row = 0;
            for (long v : c.counts()[t]) {
                row += v;
            }
            for (int p = 0; p < k; p++) {
                frac[t][p] = row == 0 ? 0 : (float) (c.counts()[t][p] / (double) row);
            }
        }
        plot.setValues(frac, 0, 1, ColorMap.BLUES);
        plot.setCellText((col, row) -> Long.toString(c.counts()[row][col]));
        double side = Math.max(260, Math.min(520, 70 + 44.0 * k));
        plot.setPrefSize(side + 90, side);
        plot.setMinSize(260, 220);
        plot.setMaxSize(side + 90, side);
        scores.getChildren().clear();
        String[] head = {"Class", "Precision", "Recall", "Support"};
        for (int i = 0; i < head.length; i++) {
            Label h = new Label(head[i]);
            h.setStyle("-fx-font-weight: bold;");
            scores.add(h, i, 0);
        }
        for (int i = 0; i < k; i++) {
            long support = 0;
            for (long v : c.counts()[i]) {
                support += v;
            }
            scores.add(new Label(c.classes().get(i)), 0, i + 1);
            scores.add(new Label(percent(c.precision()[i])), 1, i + 1);
            scores.add(new Label(percent(c.recall()[i])), 2, i + 1);
            scores.add(new Label(String.format(Locale.ROOT, "%,d", support)), 3, i + 1);
        }
        body.getChildren().setAll(plot, scores);
        caption.setText(String.format(Locale.ROOT, "%,d %s %s, accuracy %s (the kept weights)", c.total(), on,
                c.unit(), percent(c.accuracy())));
    }

    /** The plot shown (null before the first run). */
    ImagePlot plot() {
        return plot;
    }

    /** The confusion shown (null before the first run). */
    Confusion shown() {
        return shown;
    }

    /** The caption line. */
    String caption() {
        return caption.getText();
    }

    private static String percent(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.1f %%", 100 * v);
    }
}
