package org.echoic.ui.measure;

import java.util.EnumSet;
import java.util.Set;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuButton;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;

import org.echoic.measure.Measurement;

/**
 * Raven's measurement chooser: a menu of check items, one per measurement, and the chosen set as a property (table
 * order). JavaFX thread only.
 */
final class ColumnChooser {
    /** The columns shown until the user chooses: the everyday robust measurements and F0. */
    static final Set<Measurement> DEFAULT = EnumSet.of(Measurement.DELTA_TIME, Measurement.PEAK_FREQ,
            Measurement.CENTER_FREQ, Measurement.FREQ_5, Measurement.FREQ_95, Measurement.BW_90, Measurement.DUR_90,
            Measurement.AVG_ENTROPY, Measurement.AGG_ENTROPY, Measurement.MEAN_F0);

    private final MenuButton button = new MenuButton("Measurements");
    private final ObjectProperty<Set<Measurement>> chosen = new SimpleObjectProperty<>(EnumSet.copyOf(DEFAULT));

    ColumnChooser() {
        button.setId("measurementChooser");
        button.setTooltip(new Tooltip("Choose the measurements shown and exported (Raven Pro's names and units)"));
        for (Measurement m : Measurement.values()) {
            if (m.isBound()) {
                continue;
            }
            if (m == Measurement.MEAN_F0) {
                button.getItems().add(new SeparatorMenuItem());
            }
            CheckMenuItem item = new CheckMenuItem(m.column());
            item.setId("measure-" + m.name());
            item.setSelected(DEFAULT.contains(m));
            item.selectedProperty().addListener((o, a, b) -> {
                Set<Measurement> s = EnumSet.noneOf(Measurement.class);
                s.addAll(chosen.get());
                if (b) {
                    s.add(m);
                } else {
                    s.remove(m);
                }
                chosen.set(s);
            });
            button.getItems().add(item);
        }
    }

    MenuButton button() {
        return button;
    }

    /** The chosen measurements (an unmodifiable copy is replaced on every change). */
    ObjectProperty<Set<Measurement>> chosenProperty() {
        return chosen;
    }
}
