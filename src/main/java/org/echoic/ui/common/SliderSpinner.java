package org.echoic.ui.common;

import java.util.function.DoubleConsumer;

import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * A slider with an editable spinner beside it, kept in step; the listener gets every value while the slider is
 * dragged ({@code live}) or only when the drag ends and for spinner edits (not live). {@link #set} changes the
 * value without calling the listener and widens the range to show it. ← / → on the focused slider move it by the
 * spinner's step. Ids: {@code <id>Slider}, {@code <id>Spinner}. JavaFX thread only.
 */
public final class SliderSpinner extends HBox {
    final Slider slider;
    final Spinner<Double> spinner;
    private boolean syncing;

    public SliderSpinner(String id, double min, double max, double value, double step, boolean live, DoubleConsumer listener) {
        super(4);
        slider = new Slider(min, max, value);
        slider.setId(id + "Slider");
        slider.setBlockIncrement(step);
        spinner = new Spinner<>(new SpinnerValueFactory.DoubleSpinnerValueFactory(min, max, value, step));
        spinner.setId(id + "Spinner");
        spinner.setEditable(true);
        spinner.setPrefWidth(78);
        spinner.setMinWidth(78);
        HBox.setHgrow(slider, Priority.ALWAYS);
        getChildren().addAll(slider, spinner);
        slider.valueProperty().addListener((o, a, b) -> {
            if (syncing) {
                return;
            }
            syncing = true;
            spinner.getValueFactory().setValue(b.doubleValue());
            syncing = false;
            if (live || !slider.isValueChanging()) {
                listener.accept(b.doubleValue());
            }
        });
        slider.valueChangingProperty().addListener((o, a, b) -> {
            if (!b && !live) {
                listener.accept(slider.getValue());
            }
        });
        spinner.valueProperty().addListener((o, a, b) -> {
            if (syncing || b == null) {
                return;
            }
            syncing = true;
            slider.setValue(b);
            syncing = false;
            listener.accept(b);
        });
    }

    /** Shows {@code v} without notifying the listener; a value beyond the range widens it ({@link #rangeFor}). */
    public void set(double v) {
        syncing = true;
        double[] range = rangeFor(slider.getMin(), slider.getMax(), v);
        slider.setMin(range[0]);
        slider.setMax(range[1]);
        var factory = (SpinnerValueFactory.DoubleSpinnerValueFactory) spinner.getValueFactory();
        factory.setMin(Math.min(factory.getMin(), range[0]));
        factory.setMax(Math.max(factory.getMax(), range[1]));
        slider.setValue(v);
        spinner.getValueFactory().setValue(v);
        syncing = false;
    }

    public double value() {
        return spinner.getValue();
    }

    /** The slider's range now: {min, max}. */
    public double[] range() {
        return new double[] {slider.getMin(), slider.getMax()};
    }

    /**
     * The range {@code [min, max]} widened to show {@code value} with room to move: up to the next 1, 2 or 5 × 10^k
     * above 1.25 × the value (a tuned 5,298 ms maximum on a 0–2,000 ms slider gives 0–10,000 ms), never narrowed.
     */
    public static double[] rangeFor(double min, double max, double value) {
        double hi = max;
        if (value > max) {
            hi = niceCeiling(value * 1.25);
        }
        double lo = value < min ? (value >= 0 ? 0 : -niceCeiling(-value * 1.25)) : min;
        return new double[] {lo, hi};
    }

    private static double niceCeiling(double v) {
        return org.echoic.segment.SegmentationSuggestion.niceCeiling(v);
    }
}
