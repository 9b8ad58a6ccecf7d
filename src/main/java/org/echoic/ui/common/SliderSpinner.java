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
 * value without calling the listener. Ids: {@code <id>Slider}, {@code <id>Spinner}. JavaFX thread only.
 */
public final class SliderSpinner extends HBox {
    final Slider slider;
    final Spinner<Double> spinner;
    private boolean syncing;

    public SliderSpinner(String id, double min, double max, double value, double step, boolean live, DoubleConsumer listener) {
        super(4);
        slider = new Slider(min, max, value);
        slider.setId(id + "Slider");
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

    /** Shows {@code v} without notifying the listener. */
    public void set(double v) {
        syncing = true;
        slider.setValue(v);
        spinner.getValueFactory().setValue(v);
        syncing = false;
    }

    double value() {
        return spinner.getValue();
    }
}
