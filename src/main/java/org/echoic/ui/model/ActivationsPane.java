package org.echoic.ui.model;

import org.echoic.ui.charts.ImagePlot;
import org.echoic.ui.common.TimeFormat;

import java.util.Locale;

import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

import org.echoic.dsp.ColorMap;
import org.echoic.dsp.SpectralFrames;
import org.echoic.service.InspectionService;

/**
 * The activations view of the Model tab, as image plots with axes and colour bars on one frame axis: a segment's
 * frames exactly as the model sees them (frequency upwards, 0–1), p(h | v_t) of every hidden unit beneath it (unit 0
 * at the bottom, the selected unit marked at both edges) and, optionally, the three recurrent layers' states (−1 to
 * 1). JavaFX thread only.
 */
final class ActivationsPane extends VBox {
    static final int FRAMES_HEIGHT = 190;
    static final int MAP_HEIGHT = 260;
    static final int STATE_HEIGHT = 120;

    private final Label title = new Label("Load a checkpoint, then choose a segment");
    private final ImagePlot framesPlot = new ImagePlot("Frame", "Frequency (kHz)");
    private final ImagePlot mapPlot = new ImagePlot("Frame", "Hidden unit");
    private final ImagePlot[] statePlots = new ImagePlot[3];
    private final CheckBox showStates = new CheckBox("Recurrent states");
    private final CheckBox stretch = new CheckBox("Stretch colours to the map's range");
    private final Label readout = new Label(" ");
    private java.util.function.IntConsumer onUnitClicked = u -> { };
    private InspectionService.SegmentInspection shown;
    private int selectedUnit = -1;

    ActivationsPane() {
        super(4);
        setId("activationsPane");
        framesPlot.setId("segmentFrames");
        framesPlot.setPrefHeight(FRAMES_HEIGHT);
        framesPlot.setColorBarTitle("Model input (0–1)");
        mapPlot.setId("activationMap");
        mapPlot.setPrefHeight(MAP_HEIGHT);
        mapPlot.setColorBarTitle("p(h | v)");
        mapPlot.yAxis().setIntegerTicks(true);
        showStates.setId("showRecurrentStates");
        showStates.selectedProperty().addListener((o, a, b) -> repaint());
        stretch.setId("stretchActivations");
        stretch.setSelected(true);
        stretch.selectedProperty().addListener((o, a, b) -> repaint());
        title.setWrapText(true);
        readout.setId("activationReadout");
        mapPlot.setOnMouseMoved(e -> {
            int[] at = at(e.getX(), e.getY());
            readout.setText(at == null ? " " : String.format(Locale.ROOT, "frame %d, unit %d: p(h|v) = %.3f", at[0],
                    at[1], shown.activations().hidden()[at[0]][at[1]]));
        });
        mapPlot.setOnMouseClicked(e -> {
            int[] at = at(e.getX(), e.getY());
            if (at != null) {
                onUnitClicked.accept(at[1]);
            }
        });
        getChildren().addAll(title, framesPlot, mapPlot, readout, new javafx.scene.layout.HBox(12, stretch, showStates));
        for (int l = 0; l < 3; l++) {
            statePlots[l] = new ImagePlot("Frame", "Recurrent layer " + (l + 1) + " unit");
            statePlots[l].setId("recurrentLayer" + (l + 1));
            statePlots[l].setPrefHeight(STATE_HEIGHT);
            statePlots[l].setColorBarTitle("State");
            statePlots[l].yAxis().setIntegerTicks(true);
            getChildren().add(statePlots[l]);
        }
        repaint();
    }

    @Override
    protected double computeMinWidth(double height) {
        return 100;
    }

    @Override
    protected double computePrefWidth(double height) {
        return 500;
    }

    /** 0 to 1, or the values' own range when stretched (and not flat). */
    static double[] range(float[][] values, boolean stretched) {
        if (!stretched) {
            return new double[] {0, 1};
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (float[] row : values) {
            for (float v : row) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return hi - lo < 1e-6 ? new double[] {0, 1} : new double[] {lo, hi};
    }

    /** What a click on the map's row of a unit does (the Model tab selects the unit in the gallery). */
    void setOnUnitClicked(java.util.function.IntConsumer action) {
        onUnitClicked = action;
    }

    /** Frame and unit under a point of the map (in its coordinates), or null. */
    int[] at(double x, double y) {
        return shown == null ? null : mapPlot.cellAt(x, y);
    }

    void show(InspectionService.SegmentInspection inspection) {
        shown = inspection;
        repaint();
    }

    void selectUnit(int unit) {
        selectedUnit = unit;
        mapPlot.setMarkedRow(unit);
    }

    /** The inspection shown, or null. */
    InspectionService.SegmentInspection shown() {
        return shown;
    }

    /** {@code values[t][k]} as rows k, columns t (what an image plot paints). */
    static float[][] transpose(float[][] values) {
        int t = values.length;
        int k = t == 0 ? 0 : values[0].length;
        float[][] out = new float[k][t];
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < k; j++) {
                out[j][i] = values[i][j];
            }
        }
        return out;
    }

    private void repaint() {
        boolean states = showStates.isSelected() && shown != null;
        for (ImagePlot p : statePlots) {
            p.setVisible(states);
            p.setManaged(states);
        }
        framesPlot.setVisible(shown != null);
        mapPlot.setVisible(shown != null);
        if (shown == null) {
            return;
        }
        var a = shown.activations();
        var seg = shown.segment();
        SpectralFrames f = shown.model().frames();
        double rate = seg.playable() ? seg.recording().sampleRateHz() : Double.NaN;
        String band = f == null ? "" : String.format(Locale.ROOT, ", %.0f–%s Hz", f.minHz(),
                Double.isInfinite(f.maxHz()) ? "Nyquist" : String.format(Locale.ROOT, "%.0f", f.maxHz()));
        String time = seg.playable() ? String.format(Locale.ROOT, ", %s at %s",
                TimeFormat.duration((seg.endFrame() - seg.startFrame()) / rate),
                TimeFormat.readout(seg.startFrame() / rate, seg.recording().durationSeconds())) : "";
        title.setText(String.format(Locale.ROOT, "%s: %d frames%s%s (model epoch %d)", seg.name(), a.frames(), time,
                band, shown.model().epochs()));
        int frames = a.frames();
        String frameAxis = f != null && Double.isFinite(rate) ? String.format(Locale.ROOT, "Frame (hop %.1f ms)",
                1000.0 * f.stft().hop() / rate) : "Frame";
        float[][] input = transpose(seg.frames());
        framesPlot.xAxis().setLabel(frameAxis);
        if (f != null && Double.isFinite(rate)) {
            double binHz = rate / f.stft().nfft();
            int first = f.firstBin(rate);
            framesPlot.yAxis().setLabel("Frequency (kHz)");
            framesPlot.yAxis().setDisplayDivisor(1000);
            framesPlot.setExtent(-0.5, frames - 0.5, (first - 0.5) * binHz, (first + input.length - 0.5) * binHz);
        } else {
            framesPlot.yAxis().setLabel("Frequency bin");
            framesPlot.setExtent(-0.5, frames - 0.5, -0.5, input.length - 0.5);
        }
        framesPlot.setValues(input, 0, 1, ColorMap.VIRIDIS);
        int units = a.hidden()[0].length;
        double[] range = range(a.hidden(), stretch.isSelected());
        mapPlot.xAxis().setLabel(frameAxis);
        mapPlot.setExtent(-0.5, frames - 0.5, -0.5, units - 0.5);
        mapPlot.setValues(transpose(a.hidden()), range[0], range[1], ColorMap.INFERNO);
        mapPlot.setMarkedRow(selectedUnit);
        if (states) {
            for (int l = 0; l < 3; l++) {
                float[][] st = transpose(a.recurrent()[l]);
                statePlots[l].xAxis().setLabel(frameAxis);
                statePlots[l].setExtent(-0.5, frames - 0.5, -0.5, st.length - 0.5);
                statePlots[l].setValues(st, -1, 1, ColorMap.VIRIDIS);
            }
        }
    }
}
