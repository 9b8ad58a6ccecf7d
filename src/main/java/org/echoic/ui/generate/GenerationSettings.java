package org.echoic.ui.generate;

import java.util.List;

import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

import org.echoic.generate.GenerationParams;
import org.echoic.generate.Resynthesis;
import org.echoic.service.GenerationPipeline;

/**
 * The Generate tab's settings grid: audio rate, length, temperature, Gibbs steps, seed, frame kind, chain start,
 * batch size, Griffin-Lim iterations, priming and the comparison set; read as values by the panel. JavaFX thread
 * only.
 */
final class GenerationSettings extends GridPane {
    private static final String PRIME_NONE = "none (zero state)";
    private static final String PRIME_SEGMENT = "first frames of a real segment";
    private static final String REAL_SHOWN = "shown recording";
    private static final String REAL_TRAINING = "training corpus";

    private final TextField rateHz = new TextField();
    private final TextField length = new TextField("1.0");
    private final ChoiceBox<String> lengthUnit = new ChoiceBox<>(FXCollections.observableArrayList("seconds", "frames"));
    private final TextField temperature = new TextField("1.0");
    private final Spinner<Integer> gibbs = new Spinner<>(1, 1000, GenerationParams.DEFAULT_GIBBS_STEPS);
    private final TextField seed = new TextField("1");
    private final ChoiceBox<String> frameKind = new ChoiceBox<>(FXCollections.observableArrayList("mean-field", "sampled"));
    private final ChoiceBox<String> chainStart = new ChoiceBox<>(FXCollections.observableArrayList("zeros", "previous frame"));
    private final Spinner<Integer> count = new Spinner<>(1, 64, 8);
    private final Spinner<Integer> iterations = new Spinner<>(1, 1000, Resynthesis.DEFAULT_ITERATIONS);
    private final ChoiceBox<String> priming = new ChoiceBox<>(FXCollections.observableArrayList(PRIME_NONE, PRIME_SEGMENT));
    private final Spinner<Integer> primeSegment = new Spinner<>(0, 100_000, 0);
    private final Spinner<Integer> primeFrames = new Spinner<>(1, 100_000, 8);
    private final ChoiceBox<String> realSet = new ChoiceBox<>(FXCollections.observableArrayList(REAL_SHOWN, REAL_TRAINING));

    GenerationSettings() {
        setHgap(6);
        setVgap(4);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        getColumnConstraints().add(labels);
        int row = 0;
        rateHz.setPromptText("shown recording's");
        row = add(row, "Rate (Hz)", rateHz, "Audio rate when the model does not store one (empty: the shown "
                + "recording's rate, or 44100 Hz)");
        lengthUnit.setValue("seconds");
        row = add(row, "Length", new HBox(4, length, lengthUnit), "Length of each generated sequence");
        row = add(row, "Temperature", temperature, "Divides every pre-activation; above 1 is wilder");
        row = add(row, "Gibbs steps", gibbs, "Gibbs steps per generated frame (k)");
        row = add(row, "Seed", seed, "Seed of the batch; sequence i uses seed + i");
        frameKind.setValue("mean-field");
        row = add(row, "Frames", frameKind, "Mean-field values or Bernoulli samples");
        chainStart.setValue(GenerationParams.DEFAULT_FROM_PREVIOUS ? "previous frame" : "zeros");
        row = add(row, "Chain start", chainStart, "Start each frame's Gibbs chain at zeros or at the previous frame");
        row = add(row, "Sequences", count, "How many sequences to generate");
        row = add(row, "Griffin-Lim", iterations, "Phase reconstruction iterations");
        priming.setValue(PRIME_NONE);
        row = add(row, "Priming", priming, "Start from zero state or continue a real segment of the shown recording");
        row = add(row, "Segment", primeSegment, "Index of the priming segment in the shown recording's segments");
        row = add(row, "Primer frames", primeFrames, "How many of its first frames prime the state");
        realSet.setValue(REAL_SHOWN);
        add(row, "Compare with", realSet, "Real segments (B) for A/B and the realism figures: the shown "
                + "recording's (as segmented in the workbench) or the Training tab's corpus");
        primeSegment.disableProperty().bind(priming.valueProperty().isEqualTo(PRIME_NONE));
        primeFrames.disableProperty().bind(priming.valueProperty().isEqualTo(PRIME_NONE));
        for (Spinner<Integer> s : List.of(gibbs, count, iterations, primeSegment, primeFrames)) {
            s.setEditable(true);
            s.setPrefWidth(90);
        }
        for (TextField f : List.of(rateHz, length, temperature, seed)) {
            f.setPrefColumnCount(6);
        }
        length.setId("genLength");
        lengthUnit.setId("genLengthUnit");
        gibbs.setId("genGibbs");
        count.setId("genCount");
        iterations.setId("genIterations");
        priming.setId("genPriming");
        primeFrames.setId("genPrimeFrames");
        seed.setId("genSeed");
        realSet.setId("genRealSet");
    }

    private int add(int row, String name, Node control, String tip) {
        Label l = new Label(name);
        l.setTooltip(new Tooltip(tip));
        add(l, 0, row);
        add(control, 1, row);
        return row + 1;
    }

    /** Runs {@code action} when the comparison set changes. */
    void setOnRealSetChanged(Runnable action) {
        realSet.valueProperty().addListener((o, a, b) -> action.run());
    }

    /** The typed audio rate, NaN when empty or not a number. */
    double typedRate() {
        try {
            return Double.parseDouble(rateHz.getText().trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /**
     * The generation parameters for the loaded model.
     *
     * @throws IllegalArgumentException naming the bad setting
     */
    GenerationParams params(GenerationPipeline.ModelInfo info) {
        double len = Double.parseDouble(length.getText().trim());
        boolean seconds = "seconds".equals(lengthUnit.getValue());
        if (seconds && !info.sound().hasAudio()) {
            throw new IllegalArgumentException("this model has no audio: give the length in frames");
        }
        int frames = seconds ? info.sound().framesFor(len) : (int) Math.round(len);
        return new GenerationParams(frames, gibbs.getValue(), Double.parseDouble(temperature.getText().trim()),
                "sampled".equals(frameKind.getValue()), "previous frame".equals(chainStart.getValue()),
                Long.parseLong(seed.getText().trim()));
    }

    boolean primed() {
        return PRIME_SEGMENT.equals(priming.getValue());
    }

    /** Primes with segment {@code index} of the shown recording. */
    void primeWith(int index) {
        priming.setValue(PRIME_SEGMENT);
        primeSegment.getValueFactory().setValue(index);
    }

    int primeSegment() {
        return primeSegment.getValue();
    }

    int primeFrames() {
        return primeFrames.getValue();
    }

    int count() {
        return count.getValue();
    }

    int iterations() {
        return iterations.getValue();
    }

    /** True when the Training tab's corpus is the comparison set. */
    boolean compareWithTraining() {
        return REAL_TRAINING.equals(realSet.getValue());
    }
}
