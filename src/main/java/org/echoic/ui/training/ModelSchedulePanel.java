package org.echoic.ui.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;

import org.echoic.rnnrbm.RnnRbmConfig;
import org.echoic.train.TrainingConfig;

/**
 * The model and its schedule: hidden and recurrent sizes (a number, or a scalar of the frame width such as
 * {@code 1.7x}), CD steps k, batch size, the learning-rate curriculum and epochs per stage, L1/L2 and seed.
 * JavaFX thread only.
 */
final class ModelSchedulePanel extends GridPane {
    final TextField hidden = new TextField(RnnRbmConfig.DEFAULT_HIDDEN_SCALAR + "x");
    final TextField recurrent = new TextField(RnnRbmConfig.DEFAULT_RECURRENT_SCALAR + "x");
    final Spinner<Integer> k = new Spinner<>(1, 100, RnnRbmConfig.DEFAULT_CD_STEPS);
    final Spinner<Integer> batch = new Spinner<>(1, 1000, 20);
    final TextField rates = new TextField(format(TrainingConfig.DEFAULT_SCHEDULE));
    final Spinner<Integer> epochsPerStage = new Spinner<>(1, 10_000, 10);
    final TextField l1 = new TextField("1e-4");
    final TextField l2 = new TextField("0");
    final TextField seed = new TextField("1");

    ModelSchedulePanel() {
        setId("modelPanel");
        setHgap(6);
        setVgap(4);
        hidden.setId("hiddenUnits");
        recurrent.setId("recurrentUnits");
        k.setId("cdSteps");
        batch.setId("batchSize");
        rates.setId("learningRates");
        epochsPerStage.setId("epochsPerStage");
        for (Spinner<Integer> s : List.of(k, batch, epochsPerStage)) {
            s.setEditable(true);
            s.setPrefWidth(80);
        }
        hidden.setTooltip(new Tooltip("Hidden units: a number, or a multiple of the frame width F such as 1.7x"));
        recurrent.setTooltip(new Tooltip("Units per recurrent layer: a number, or a multiple of F such as 1.3x"));
        rates.setTooltip(new Tooltip("The curriculum: one learning rate per stage, comma-separated"));
        for (TextField f : List.of(hidden, recurrent, l1, l2, seed)) {
            f.setPrefColumnCount(6);
        }
        int r = 0;
        addRow(r++, new Label("Hidden"), hidden);
        addRow(r++, new Label("Recurrent"), recurrent);
        addRow(r++, new Label("CD steps k"), k);
        addRow(r++, new Label("Batch"), batch);
        addRow(r++, new Label("Rates"), rates);
        addRow(r++, new Label("Epochs/stage"), epochsPerStage);
        addRow(r++, new Label("L1 / L2"), new javafx.scene.layout.HBox(4, l1, l2));
        addRow(r, new Label("Seed"), seed);
    }

    private static String format(List<Double> rates) {
        List<String> s = new ArrayList<>();
        for (double r : rates) {
            s.add(String.format(Locale.ROOT, "%.0e", r).replace("e-0", "e-"));
        }
        return String.join(", ", s);
    }

    /** The model for frames of {@code nVisible} values. */
    RnnRbmConfig model(int nVisible) {
        return RnnRbmConfig.defaults(nVisible).withSizes(units(hidden, "hidden", nVisible),
                units(recurrent, "recurrent", nVisible)).withCdSteps(k.getValue());
    }

    private static int units(TextField f, String what, int nVisible) {
        String t = f.getText().trim().toLowerCase(Locale.ROOT);
        try {
            if (t.endsWith("x") || t.endsWith("×")) {
                double s = Double.parseDouble(t.substring(0, t.length() - 1).trim());
                return (int) Math.max(1, Math.floor(s * nVisible));
            }
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " units must be a number or a multiple of F like 1.7x: " + t);
        }
    }

    /** The training configuration. */
    TrainingConfig training() {
        List<Double> lr = new ArrayList<>();
        try {
            for (String s : rates.getText().split("[,;\\s]+")) {
                if (!s.isBlank()) {
                    lr.add(Double.parseDouble(s));
                }
            }
            return new TrainingConfig(batch.getValue(), epochsPerStage.getValue(), lr, false,
                    Double.parseDouble(l1.getText().trim()), Double.parseDouble(l2.getText().trim()), 0, 20, 3,
                    Long.parseLong(seed.getText().trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("rates, L1, L2 and seed must be numbers: " + e.getMessage());
        }
    }
}
