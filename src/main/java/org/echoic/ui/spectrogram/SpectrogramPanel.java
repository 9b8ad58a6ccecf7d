package org.echoic.ui.spectrogram;

import org.echoic.ui.common.Buttons;
import org.echoic.ui.lanes.SpectrogramLane;
import org.echoic.ui.lanes.TimelineModel;

import java.util.List;
import java.util.Locale;

import javafx.beans.property.ObjectProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.util.StringConverter;

import org.echoic.dsp.ColorMap;
import org.echoic.dsp.StftParams;
import org.echoic.dsp.WindowFunction;
import org.echoic.render.FrequencyAxis;
import org.echoic.service.FeatureArrays;
import org.echoic.service.SpectrogramSettings;

/**
 * The spectrogram tool tab: every STFT parameter, the colour scale, colour map, frequency axis and band, applied
 * live to the lane's settings (new settings → new tile keys → recomputed in the background), and the exports (the
 * view as PNG, arrays of the selection as .npy/.csv). Controls follow settings changed elsewhere (e.g. a band
 * dragged on the ruler). JavaFX thread only.
 */
public final class SpectrogramPanel extends ScrollPane {
    private static final List<Integer> SIZES = List.of(64, 128, 256, 512, 1024, 2048, 4096, 8192);
    private static final List<Integer> FFT_SIZES = List.of(64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384, 32768);

    private final ObjectProperty<SpectrogramSettings> settings;
    private final TimelineModel model;
    private final ChoiceBox<Integer> nperseg = choice("npersegChoice", SIZES);
    private final ChoiceBox<Integer> nfft = choice("nfftChoice", FFT_SIZES);
    private final ChoiceBox<Integer> overlap = choice("overlapChoice", List.of(0, 25, 50, 75, 90));
    private final ChoiceBox<WindowFunction.Kind> window = choice("windowChoice", List.of(WindowFunction.Kind.values()));
    private final Spinner<Double> tukeyAlpha = new Spinner<>(0.0, 1.0, 0.25, 0.05);
    private final ChoiceBox<StftParams.Detrend> detrend = choice("detrendChoice", List.of(StftParams.Detrend.values()));
    private final ChoiceBox<StftParams.Scaling> scaling = choice("scalingChoice", List.of(StftParams.Scaling.values()));
    private final ChoiceBox<StftParams.Mode> mode =
            choice("modeChoice", List.of(StftParams.Mode.PSD, StftParams.Mode.MAGNITUDE));
    private final CheckBox autoFloor = new CheckBox("auto");
    private final Spinner<Double> floorDb = new Spinner<>(-300.0, 200.0, -100.0, 5.0);
    private final Spinner<Double> rangeDb = new Spinner<>(10.0, 200.0, 80.0, 5.0);
    private final ChoiceBox<ColorMap> colorMap = choice("colorMapChoice", List.of(ColorMap.values()));
    private final ChoiceBox<FrequencyAxis> axis = choice("axisChoice", List.of(FrequencyAxis.values()));
    private final Spinner<Double> minHz = new Spinner<>(0.0, 1e6, 0.0, 100.0);
    private final Spinner<Double> maxHz = new Spinner<>(1.0, 1e6, 22050.0, 100.0);
    private boolean syncing;

    public SpectrogramPanel(SpectrogramLane lane, TimelineModel model, SpectrogramExportActions exports) {
        this.settings = lane.settingsProperty();
        this.model = model;
        setId("spectrogramPanel");
        setFitToWidth(true);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.setPadding(new Insets(8));
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        grid.getColumnConstraints().add(labels);
        tukeyAlpha.setId("tukeyAlpha");
        floorDb.setId("floorDb");
        rangeDb.setId("rangeDb");
        minHz.setId("minHz");
        maxHz.setId("maxHz");
        autoFloor.setId("autoFloor");
        for (Spinner<Double> sp : List.of(tukeyAlpha, floorDb, rangeDb, minHz, maxHz)) {
            sp.setEditable(true);
            sp.setPrefWidth(110);
        }
        int row = 0;
        grid.add(heading("STFT"), 0, row++, 2, 1);
        row = add(grid, row, "Segment", nperseg, "Samples per segment (nperseg)");
        row = add(grid, row, "FFT size", nfft, "FFT length; zero-padded beyond the segment (at least nperseg)");
        row = add(grid, row, "Overlap %", overlap, "Share of each segment overlapping the next");
        row = add(grid, row, "Window", window, "Periodic window, as scipy.signal.get_window");
        row = add(grid, row, "Tukey α", tukeyAlpha, "Taper fraction of the Tukey window");
        row = add(grid, row, "Detrend", detrend, "Remove each segment's mean (constant) or nothing");
        row = add(grid, row, "Scaling", scaling, "density: per Hz; spectrum: power of a sinusoid");
        row = add(grid, row, "Values", mode, "PSD (10·log10) or magnitude (20·log10) in dB");
        grid.add(heading("Display"), 0, row++, 2, 1);
        row = add(grid, row, "Colour map", colorMap, "matplotlib colour maps");
        row = add(grid, row, "dB floor", floorDb, "dB of the lowest colour");
        row = add(grid, row, "", autoFloor, "Automatic floor: the lowest colour sits 'range' dB below the image's maximum");
        row = add(grid, row, "dB range", rangeDb, "dB from the lowest to the highest colour");
        row = add(grid, row, "Axis", axis, "linear, log or mel (HTK: 2595·log10(1 + f/700))");
        row = add(grid, row, "Band low Hz", minHz, "Lowest frequency shown (or drag on the frequency ruler)");
        row = add(grid, row, "Band high Hz", maxHz, "Highest frequency shown");
        Button fullBand = Buttons.button("Full band", "fullBand", "Show 0 Hz to Nyquist (or double-click the ruler)");
        fullBand.setOnAction(e -> settings.set(settings.get().withBand(0, Double.NaN)));
        grid.add(fullBand, 1, row++);

        grid.add(heading("Export"), 0, row++, 2, 1);
        ChoiceBox<String> pngSize = choice("pngSize", List.of("view size", "1920 × 600", "3840 × 1200"));
        pngSize.setValue("view size");
        ChoiceBox<String> pngStyle = choice("pngStyle", List.of("with axes", "bare image"));
        pngStyle.setValue("with axes");
        Button png = Buttons.button("Export PNG…", "exportPng", "The visible spectrogram as a PNG image");
        png.setOnAction(e -> {
            int[] size = pngSize.getValue().equals("view size") ? new int[] {0, 0}
                    : pngSize.getValue().equals("1920 × 600") ? new int[] {1920, 600} : new int[] {3840, 1200};
            exports.choosePng(getScene().getWindow(), size[0], size[1], pngStyle.getValue().equals("with axes"));
        });
        row = add(grid, row, "Image size", pngSize, "Size of the exported image, axes included");
        row = add(grid, row, "Image style", pngStyle,
                "With axes: time and frequency axes, dB colour bar and title (a figure); bare: the spectrogram alone");
        grid.add(png, 1, row++);
        ChoiceBox<FeatureArrays.Kind> kind = choice("exportKind", List.of(FeatureArrays.Kind.values()));
        kind.setValue(FeatureArrays.Kind.SPECTROGRAM);
        kind.setConverter(converter(FeatureArrays.Kind::label));
        kind.setPrefWidth(130);
        kind.setMaxWidth(130);
        row = add(grid, row, "Array", kind, "What to export for the selection (or the visible range), shape (row, time)");
        Button array = Buttons.button("Export array…", "exportArray",
                "The selection (or the visible range) as .npy or .csv, shape (row, time)");
        array.setOnAction(e -> exports.chooseArray(getScene().getWindow(), kind.getValue()));
        grid.add(array, 1, row);
        setContent(grid);

        window.setConverter(converter(k -> k.name().toLowerCase(Locale.ROOT)));
        detrend.setConverter(converter(d -> d.name().toLowerCase(Locale.ROOT)));
        scaling.setConverter(converter(d -> d.name().toLowerCase(Locale.ROOT)));
        mode.setConverter(converter(d -> d == StftParams.Mode.PSD ? "PSD" : "magnitude"));
        colorMap.setConverter(converter(d -> d.name().toLowerCase(Locale.ROOT)));
        axis.setConverter(converter(d -> d.name().toLowerCase(Locale.ROOT)));
        overlap.setConverter(converter(v -> v + " %"));
        show(settings.get());
        settings.addListener((o, a, b) -> show(b));
        model.recordingProperty().addListener((o, a, b) -> show(settings.get()));
        for (ChoiceBox<?> c : List.of(nperseg, nfft, overlap, window, detrend, scaling, mode, colorMap, axis)) {
            c.valueProperty().addListener((o, a, b) -> apply());
        }
        for (Spinner<Double> sp : List.of(tukeyAlpha, floorDb, rangeDb, minHz, maxHz)) {
            sp.valueProperty().addListener((o, a, b) -> apply());
        }
        autoFloor.selectedProperty().addListener((o, a, b) -> apply());
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.setStyle("-fx-font-weight: bold");
        return l;
    }

    private static int add(GridPane grid, int row, String label, Node control, String tip) {
        grid.add(new Label(label), 0, row);
        grid.add(control, 1, row);
        if (control instanceof javafx.scene.control.Control c) {
            c.setTooltip(new Tooltip(tip));
        }
        return row + 1;
    }

    private static <T> ChoiceBox<T> choice(String id, List<T> items) {
        ChoiceBox<T> c = new ChoiceBox<>(FXCollections.observableArrayList(items));
        c.setId(id);
        return c;
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> f) {
        return org.echoic.ui.common.Converters.showing(f);
    }

    /** Shows {@code s} in the controls without applying them back. */
    private void show(SpectrogramSettings s) {
        syncing = true;
        StftParams p = s.stft();
        nperseg.setValue(p.nperseg());
        nfft.setValue(p.nfft());
        overlap.setValue((int) Math.round(100.0 * p.noverlap() / p.nperseg()));
        window.setValue(p.window().kind());
        tukeyAlpha.getValueFactory().setValue(p.window().kind() == WindowFunction.Kind.TUKEY ? p.window().alpha() : 0.25);
        tukeyAlpha.setDisable(p.window().kind() != WindowFunction.Kind.TUKEY);
        detrend.setValue(p.detrend());
        scaling.setValue(p.scaling());
        mode.setValue(p.mode());
        colorMap.setValue(s.colorMap());
        axis.setValue(s.axis());
        autoFloor.setSelected(Double.isNaN(s.floorDb()));
        floorDb.setDisable(Double.isNaN(s.floorDb()));
        if (!Double.isNaN(s.floorDb())) {
            floorDb.getValueFactory().setValue(s.floorDb());
        }
        rangeDb.getValueFactory().setValue(s.rangeDb());
        double fs = model.sampleRateHz();
        minHz.getValueFactory().setValue(s.minHz());
        maxHz.getValueFactory().setValue(s.maxHzFor(fs));
        syncing = false;
    }

    /** Builds settings from the controls; an impossible combination leaves the settings as they were. */
    private void apply() {
        if (syncing) {
            return;
        }
        SpectrogramSettings old = settings.get();
        int n = nperseg.getValue();
        int fft = Math.max(n, nfft.getValue());
        int ov = Math.min(n - 1, (int) Math.round(n * overlap.getValue() / 100.0));
        WindowFunction w = new WindowFunction(window.getValue(), tukeyAlpha.getValue());
        StftParams p = new StftParams(n, ov, fft, w, detrend.getValue(), scaling.getValue(), mode.getValue());
        double nyquist = model.sampleRateHz() / 2;
        double lo = Math.max(0, minHz.getValue());
        double hi = maxHz.getValue() >= nyquist ? Double.NaN : maxHz.getValue();
        if (!Double.isNaN(hi) && hi <= lo) {
            show(old);
            return;
        }
        double floor = autoFloor.isSelected() ? Double.NaN : floorDb.getValue();
        settings.set(new SpectrogramSettings(p, colorMap.getValue(), axis.getValue(), lo, hi, floor, rangeDb.getValue()));
    }
}
