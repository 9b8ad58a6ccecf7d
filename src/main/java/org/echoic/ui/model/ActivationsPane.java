package org.echoic.ui.model;

import org.echoic.ui.common.ArgbImages;
import org.echoic.ui.common.TimeFormat;

import java.util.Locale;

import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;

import org.echoic.dsp.ColorMap;
import org.echoic.dsp.SpectralFrames;
import org.echoic.render.ActivationMapRenderer;
import org.echoic.service.InspectionService;

/**
 * The activations view of the Model tab: a segment's frames exactly as the model sees them (frequency upwards),
 * p(h | v_t) of every hidden unit beneath it on the same time axis (units top to bottom, the selected unit marked
 * at both edges) and, optionally, the three recurrent layers' states (−1 to 1). Repainted at its width.
 * JavaFX thread only.
 */
final class ActivationsPane extends VBox {
    static final int FRAMES_HEIGHT = 150;
    static final int MAP_HEIGHT = 220;
    static final int STATE_HEIGHT = 70;
    static final int MARK = 0xffff4040;

    private final Label title = new Label("Load a checkpoint, then choose a segment");
    private final ImageView framesView = new ImageView();
    private final ImageView mapView = new ImageView();
    private final ImageView[] stateViews = {new ImageView(), new ImageView(), new ImageView()};
    private final Label[] stateLabels = new Label[3];
    private final CheckBox showStates = new CheckBox("Recurrent states");
    private final CheckBox stretch = new CheckBox("Stretch colours to the map's range");
    private final Label mapLabel = new Label();
    private final Label readout = new Label(" ");
    private java.util.function.IntConsumer onUnitClicked = u -> { };
    private InspectionService.SegmentInspection shown;
    private int selectedUnit = -1;
    private int paintedWidth;

    ActivationsPane() {
        super(4);
        setId("activationsPane");
        framesView.setId("segmentFrames");
        mapView.setId("activationMap");
        showStates.setId("showRecurrentStates");
        showStates.selectedProperty().addListener((o, a, b) -> repaint());
        stretch.setId("stretchActivations");
        stretch.setSelected(true);
        stretch.selectedProperty().addListener((o, a, b) -> repaint());
        title.setWrapText(true);
        readout.setId("activationReadout");
        mapView.setOnMouseMoved(e -> {
            int[] at = at(e.getX(), e.getY());
            readout.setText(at == null ? " " : String.format(Locale.ROOT, "frame %d, unit %d: p(h|v) = %.3f", at[0],
                    at[1], shown.activations().hidden()[at[0]][at[1]]));
        });
        mapView.setOnMouseClicked(e -> {
            int[] at = at(e.getX(), e.getY());
            if (at != null) {
                onUnitClicked.accept(at[1]);
            }
        });
        getChildren().addAll(title, framesView, mapLabel, mapView, readout,
                new javafx.scene.layout.HBox(12, stretch, showStates));
        for (int l = 0; l < 3; l++) {
            stateLabels[l] = new Label("Recurrent layer " + (l + 1));
            stateViews[l].setId("recurrentLayer" + (l + 1));
            getChildren().addAll(stateLabels[l], stateViews[l]);
        }
        widthProperty().addListener((o, a, b) -> {
            if (Math.abs(b.doubleValue() - paintedWidth) >= 1) {
                repaint();
            }
        });
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

    /** Frame and unit under a point of the map, or null. */
    int[] at(double x, double y) {
        if (shown == null || mapView.getImage() == null) {
            return null;
        }
        int w = (int) mapView.getImage().getWidth();
        int h = (int) mapView.getImage().getHeight();
        if (x < 0 || y < 0 || x >= w || y >= h) {
            return null;
        }
        int frames = shown.activations().frames();
        int units = shown.activations().hidden()[0].length;
        return new int[] {ActivationMapRenderer.frameAtX((int) x, frames, w), (int) Math.min(units - 1, (long) y * units / h)};
    }

    void show(InspectionService.SegmentInspection inspection) {
        shown = inspection;
        repaint();
    }

    void selectUnit(int unit) {
        selectedUnit = unit;
        repaint();
    }

    /** The inspection shown, or null. */
    InspectionService.SegmentInspection shown() {
        return shown;
    }

    private void repaint() {
        boolean states = showStates.isSelected() && shown != null;
        for (int l = 0; l < 3; l++) {
            stateViews[l].setVisible(states);
            stateViews[l].setManaged(states);
            stateLabels[l].setVisible(states);
            stateLabels[l].setManaged(states);
        }
        int width = (int) Math.max(100, getWidth() - 4);
        paintedWidth = (int) getWidth();
        if (shown == null) {
            framesView.setImage(null);
            mapView.setImage(null);
            return;
        }
        var a = shown.activations();
        var seg = shown.segment();
        SpectralFrames f = shown.model().frames();
        String band = f == null ? "" : String.format(Locale.ROOT, ", %.0f–%s Hz", f.minHz(),
                Double.isInfinite(f.maxHz()) ? "Nyquist" : String.format(Locale.ROOT, "%.0f", f.maxHz()));
        String time = seg.playable() ? String.format(Locale.ROOT, ", %.3f s at %s", (seg.endFrame() - seg.startFrame())
                / seg.recording().sampleRateHz(), TimeFormat.readout(seg.startFrame() / seg.recording().sampleRateHz(),
                seg.recording().durationSeconds())) : "";
        title.setText(String.format(Locale.ROOT, "%s: %d frames%s%s (model epoch %d)", seg.name(), a.frames(), time,
                band, shown.model().epochs()));
        framesView.setImage(ArgbImages.of(ActivationMapRenderer.paint(seg.frames(), null, 0, 1, true,
                ColorMap.VIRIDIS, width, FRAMES_HEIGHT), width, FRAMES_HEIGHT));
        int units = a.hidden()[0].length;
        int mapHeight = Math.max(MAP_HEIGHT, units);
        double[] range = range(a.hidden(), stretch.isSelected());
        mapLabel.setText(String.format(Locale.ROOT, "p(h | v) of every hidden unit (top: unit 0), colours %.3f–%.3f",
                range[0], range[1]));
        int[] map = ActivationMapRenderer.paint(a.hidden(), null, range[0], range[1], false, ColorMap.INFERNO, width,
                mapHeight);
        if (selectedUnit >= 0 && selectedUnit < units) {
            int y0 = (int) Math.ceil((double) selectedUnit * mapHeight / units);
            int y1 = (int) Math.ceil((double) (selectedUnit + 1) * mapHeight / units);
            for (int y = y0; y < Math.max(y1, y0 + 1) && y < mapHeight; y++) {
                for (int x = 0; x < 6; x++) {
                    map[y * width + x] = MARK;
                    map[y * width + width - 1 - x] = MARK;
                }
            }
        }
        mapView.setImage(ArgbImages.of(map, width, mapHeight));
        if (states) {
            for (int l = 0; l < 3; l++) {
                stateViews[l].setImage(ArgbImages.of(ActivationMapRenderer.paint(a.recurrent()[l], null, -1, 1, false,
                        ColorMap.VIRIDIS, width, STATE_HEIGHT), width, STATE_HEIGHT));
            }
        }
    }
}
