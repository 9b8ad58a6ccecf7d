package org.echoic.ui.lanes;

import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;

import org.echoic.service.PlaybackParams;

/**
 * The playback part of the toolbar: Play, Stop, Loop, and the mode (normal, time expansion ÷N, heterodyne with a
 * carrier in kHz). It only holds the controls and builds {@link PlaybackParams}; the workbench wires the actions.
 * JavaFX thread only.
 */
public final class PlaybackBar {
    public final Button play = button("▶ Play", "playButton", "Play the selection, or the visible range (Space)");
    public final Button stop = button("■ Stop", "stopButton", "Stop playing (Space)");
    public final ToggleButton loop = new ToggleButton("⟲ Loop");
    public final ChoiceBox<PlaybackParams.Mode> mode = new ChoiceBox<>(FXCollections.observableArrayList(PlaybackParams.Mode.values()));
    public final ChoiceBox<Integer> expansion = new ChoiceBox<>(FXCollections.observableArrayList(2, 5, 10, 20));
    public final Spinner<Double> carrierKHz = new Spinner<>(1.0, 200.0, 45.0, 1.0);

    public PlaybackBar() {
        loop.setId("loopToggle");
        mode.setId("playbackMode");
        expansion.setId("expansionFactor");
        carrierKHz.setId("carrierKHz");
        mode.setValue(PlaybackParams.Mode.NORMAL);
        mode.setConverter(new StringConverter<>() {
            @Override
            public String toString(PlaybackParams.Mode m) {
                return m == null ? "" : switch (m) {
                    case NORMAL -> "Normal";
                    case TIME_EXPANSION -> "Time expansion";
                    case HETERODYNE -> "Heterodyne";
                };
            }

            @Override
            public PlaybackParams.Mode fromString(String s) {
                throw new UnsupportedOperationException("not editable");
            }
        });
        expansion.setValue(10);
        expansion.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer n) {
                return n == null ? "" : "÷" + n;
            }

            @Override
            public Integer fromString(String s) {
                return Integer.valueOf(s.substring(1));
            }
        });
        carrierKHz.setEditable(true);
        carrierKHz.setPrefWidth(72);
        expansion.disableProperty().bind(mode.valueProperty().isNotEqualTo(PlaybackParams.Mode.TIME_EXPANSION));
        carrierKHz.disableProperty().bind(mode.valueProperty().isNotEqualTo(PlaybackParams.Mode.HETERODYNE));
        loop.setTooltip(new Tooltip("Play again and again until stopped"));
    }

    private static Button button(String text, String id, String tip) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        return b;
    }

    /** The controls, in toolbar order. */
    public void addTo(ToolBar bar) {
        mode.setTooltip(new Tooltip("Playback mode: normal, slowed down ÷N, or heterodyned to a carrier"));
        carrierKHz.setTooltip(new Tooltip("Heterodyne carrier frequency in kHz"));
        bar.getItems().addAll(play, stop, loop, new Separator(), mode, expansion, new Label("kHz"), carrierKHz);
    }

    /**
     * Fits the heterodyne carrier to a recording's rate: at most its Nyquist frequency, and when the current
     * carrier is beyond that, a carrier at 40 % of the rate (the middle of the ultrasonic band a detector tunes).
     */
    public void fitTo(double sampleRateHz) {
        double nyquistKHz = sampleRateHz / 2000;
        var f = (javafx.scene.control.SpinnerValueFactory.DoubleSpinnerValueFactory) carrierKHz.getValueFactory();
        boolean beyond = f.getValue() >= nyquistKHz;
        f.setMax(Math.max(1, Math.floor(nyquistKHz)));
        if (beyond) {
            f.setValue((double) Math.max(1, Math.round(sampleRateHz * 0.4 / 1000)));
        }
    }

    /** The parameters the controls describe. */
    public PlaybackParams params() {
        return new PlaybackParams(mode.getValue(), expansion.getValue(), carrierKHz.getValue() * 1000, loop.isSelected());
    }
}
