package org.echoic.ui.segmentation;

import org.echoic.ui.common.SliderSpinner;

import java.util.Locale;
import java.util.function.UnaryOperator;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.util.Duration;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

import org.controlsfx.control.RangeSlider;

import org.echoic.segment.SegmentEdits;
import org.echoic.segment.SegmentationParams;
import org.echoic.segment.SegmentationSuggestion;
import org.echoic.service.SegmentationSession;
import org.echoic.service.SegmentationSnapshot;

/**
 * The segmentation tool tab: the threshold (dB above the noise floor, Echoic's default, or a percentile of the
 * envelope), sliders with spin boxes for it, the buffer, minimum spacing, envelope window and high-pass, whether padding
 * may overlap, a first-run suggestion of band and maximum length from the recording, one range slider for the minimum and maximum length, the band; the segment count, rejected runs
 * and a histogram of durations, all updated live from the polled snapshot; then the references and auto-tune
 * ({@link AgreementPanel}) and the exports. Percentile, spacing, lengths and buffer apply while a slider is dragged
 * (fast re-segmentation from the cached envelope); window and band when the drag ends (a new envelope computes in
 * the background). JavaFX thread only.
 */
public final class SegmentationPanel extends ScrollPane {
    static final double MAX_LENGTH_SLIDER_MS = 2000;
    private static final int HISTOGRAM_BINS = 24;

    private final SegmentationState state;
    static final String ABOVE_NOISE = "dB above the noise floor";
    static final String PERCENTILE = "percentile of the envelope";
    private final ComboBox<String> thresholdMode = new ComboBox<>();
    private final SliderSpinner aboveNoise;
    private final SliderSpinner highPass;
    private final CheckBox overlapFree = new CheckBox("Padding stops half-way between neighbours (no overlaps)");
    private final Button suggest = new Button("Suggest band and lengths");
    private final Label suggestion = new Label();
    private Future<SegmentationSuggestion.Suggestion> suggesting;
    private final Timeline suggestPoll = new Timeline(new KeyFrame(Duration.millis(100), e -> pollSuggestion()));
    private final SliderSpinner percentile;
    private final SliderSpinner buffer;
    private final SliderSpinner spacing;
    private final SliderSpinner window;
    private final RangeSlider lengths = new RangeSlider(0, MAX_LENGTH_SLIDER_MS, 15, 500);
    private final Spinner<Double> minLength = spinner("minLengthSpinner", 0, 1e6, 15, 1);
    private final Spinner<Double> maxLength = spinner("maxLengthSpinner", 0, 1e6, 500, 10);
    private final CheckBox bandOn = new CheckBox("Band-pass before the envelope");
    private final Spinner<Double> bandLow = spinner("bandLowSpinner", 0, 1e6, 1000, 100);
    private final Spinner<Double> bandHigh = spinner("bandHighSpinner", 1, 1e6, 8000, 100);
    private final RangeSlider band = new RangeSlider(0, 22_050, 1000, 8000);
    private final Label count = new Label("No recording");
    private final Label threshold = new Label();
    private final ProgressBar envelopeProgress = new ProgressBar(0);
    private final Canvas histogram = new Canvas(250, 80);
    private boolean syncing;
    /** The parameters the controls show; a session with others was changed elsewhere (project, auto-tune). */
    private SegmentationParams shownParams;

    public SegmentationPanel(SegmentationState state, AgreementPanel agreement, SegmentExportActions exports) {
        this.state = state;
        setId("segmentationPanel");
        setFitToWidth(true);
        percentile = new SliderSpinner("percentile", 0, 100, 90, 0.5, true, v -> change(p -> p.withPercentile(v)));
        aboveNoise = new SliderSpinner("aboveNoise", 0, 40, 10, 0.5, true, v -> change(p -> p.withAboveNoiseDb(v)));
        highPass = new SliderSpinner("highPass", 0, 2000, 200, 10, false,
                v -> change(p -> p.withHighPassHz(v > 0 ? v : Double.NaN)));
        thresholdMode.setId("thresholdMode");
        thresholdMode.getItems().setAll(ABOVE_NOISE, PERCENTILE);
        thresholdMode.setValue(ABOVE_NOISE);
        thresholdMode.valueProperty().addListener((o, a, b) -> thresholdModeChanged());
        overlapFree.setId("overlapFreeToggle");
        overlapFree.setWrapText(true);
        overlapFree.selectedProperty().addListener((o, a, b) -> change(p -> p.withOverlapFree(b)));
        suggest.setId("suggestButton");
        suggest.setOnAction(e -> startSuggestion());
        suggestion.setId("suggestionLabel");
        suggestion.setWrapText(true);
        suggestPoll.setCycleCount(Animation.INDEFINITE);
        buffer = new SliderSpinner("buffer", 0, 100, 5, 1, true, v -> change(p -> p.withBufferMs(v)));
        spacing = new SliderSpinner("spacing", 0, 200, 2, 1, true, v -> change(p -> p.withMinSpacingMs(v)));
        window = new SliderSpinner("window", 0.1, 50, 4, 0.5, false, v -> change(p -> p.withWindowMs(v)));
        lengths.setId("lengthRange");
        lengths.setShowTickLabels(true);
        lengths.setMajorTickUnit(MAX_LENGTH_SLIDER_MS / 4);
        lengths.setMinorTickCount(1);
        lengths.lowValueProperty().addListener((o, a, b) -> lengthsFromSlider());
        lengths.highValueProperty().addListener((o, a, b) -> lengthsFromSlider());
        minLength.valueProperty().addListener((o, a, b) -> lengthsFromSpinners());
        maxLength.valueProperty().addListener((o, a, b) -> lengthsFromSpinners());
        bandOn.setId("bandToggle");
        bandOn.selectedProperty().addListener((o, a, b) -> bandChanged());
        bandLow.valueProperty().addListener((o, a, b) -> bandChanged());
        bandHigh.valueProperty().addListener((o, a, b) -> bandChanged());
        band.setId("bandRange");
        band.setPadding(new Insets(0, 16, 0, 0)); // room for the last tick label ("125,000")
        lengths.setPadding(new Insets(0, 16, 0, 0));
        band.setShowTickLabels(true);
        band.setMajorTickUnit(5000);
        band.disableProperty().bind(bandOn.selectedProperty().not());
        band.lowValueChangingProperty().addListener((o, a, b) -> bandFromSlider(b));
        band.highValueChangingProperty().addListener((o, a, b) -> bandFromSlider(b));
        count.setId("segmentCount");
        count.setWrapText(true);
        threshold.setId("thresholdLabel");
        envelopeProgress.setId("envelopeProgress");
        envelopeProgress.setMaxWidth(Double.MAX_VALUE);
        envelopeProgress.managedProperty().bind(envelopeProgress.visibleProperty());
        histogram.setId("durationHistogram");
        Tooltip.install(histogram, new Tooltip("Durations of the segments (ms)"));

        VBox box = new VBox(6,
                suggest, suggestion,
                heading("Threshold"), thresholdMode, aboveNoise, percentile, threshold,
                heading("Buffer on both sides (ms)"), buffer,
                heading("Length (ms): kept when min < length < max"), lengths,
                new HBox(4, new Label("min"), minLength, new Label("max"), maxLength),
                heading("Minimum spacing (ms): closer runs merge"), spacing,
                heading("Smoothing window (ms)"), window,
                heading("High-pass before the envelope (Hz; 0 = off; a band replaces it)"), highPass, overlapFree,
                bandOn, band, new HBox(4, new Label("Hz"), bandLow, new Label("–"), bandHigh),
                envelopeProgress, new Separator(), count, histogram, new Separator(),
                agreement, new Separator(), exports.button());
        box.setPadding(new Insets(8));
        viewportBoundsProperty().addListener((o, a, b) -> {
            histogram.setWidth(Math.max(120, b.getWidth() - 20));
            drawHistogram(state.snapshot());
        });
        setContent(box);
        state.snapshotProperty().addListener((o, a, b) -> show(b));
        state.sessionProperty().addListener((o, a, b) -> showParams(b == null ? null : b.params()));
        showParams(state.session() == null ? null : state.session().params());
        show(state.snapshot());
    }

    /** The threshold of {@code p} in words: "10.0 dB above the noise floor", "percentile 90.0" or "-30.0 dBFS". */
    static String thresholdText(SegmentationParams p) {
        return p.usesAbsoluteThreshold() ? String.format(Locale.ROOT, "%.1f dBFS", p.thresholdDbfs())
                : p.usesNoiseThreshold() ? String.format(Locale.ROOT, "%.1f dB above the noise floor", p.aboveNoiseDb())
                : String.format(Locale.ROOT, "percentile %.1f", p.thresholdPercentile());
    }

    private void thresholdModeChanged() {
        boolean noise = ABOVE_NOISE.equals(thresholdMode.getValue());
        aboveNoise.setVisible(noise);
        aboveNoise.setManaged(noise);
        percentile.setVisible(!noise);
        percentile.setManaged(!noise);
        change(p -> noise ? p.withAboveNoiseDb(aboveNoise.value()) : p.withPercentile(percentile.value()));
    }

    /** Computes the suggestion off the JavaFX thread; the poll applies it when it arrives. */
    private void startSuggestion() {
        SegmentationSession s = state.session();
        if (s == null || suggesting != null) {
            return;
        }
        suggesting = s.suggest();
        suggest.setDisable(true);
        suggestion.setText("Looking at the recording…");
        suggestPoll.play();
    }

    private void pollSuggestion() {
        if (suggesting == null || !suggesting.isDone()) {
            return;
        }
        suggestPoll.stop();
        suggest.setDisable(false);
        try {
            SegmentationSuggestion.Suggestion got = suggesting.get();
            suggestion.setText("Suggested: " + got.why());
            change(p -> p.withBand(got.params().bandLowHz(), got.params().bandHighHz())
                    .withMaxLengthMs(got.params().maxLengthMs()));
            showParams(state.session().params());
        } catch (CancellationException e) {
            suggestion.setText("Suggestion cancelled");
        } catch (ExecutionException e) {
            suggestion.setText("No suggestion: " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            suggesting = null;
        }
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add("panel-heading");
        return l;
    }

    private static Spinner<Double> spinner(String id, double min, double max, double value, double step) {
        Spinner<Double> s = new Spinner<>(new SpinnerValueFactory.DoubleSpinnerValueFactory(min, max, value, step));
        s.setId(id);
        s.setEditable(true);
        s.setPrefWidth(90);
        return s;
    }

    private void change(UnaryOperator<SegmentationParams> f) {
        SegmentationSession s = state.session();
        if (syncing || s == null) {
            return;
        }
        try {
            shownParams = f.apply(s.params());
            s.setParams(shownParams);
        } catch (IllegalArgumentException e) {
            count.setText(e.getMessage());
        }
    }

    private void lengthsFromSlider() {
        if (syncing) {
            return;
        }
        syncing = true;
        minLength.getValueFactory().setValue(lengths.getLowValue());
        maxLength.getValueFactory().setValue(lengths.getHighValue());
        syncing = false;
        change(p -> p.withMinLengthMs(lengths.getLowValue()).withMaxLengthMs(lengths.getHighValue()));
    }

    private void lengthsFromSpinners() {
        if (syncing) {
            return;
        }
        syncing = true;
        fitLengthRange(maxLength.getValue());
        lengths.setHighValue(Math.min(lengths.getMax(), maxLength.getValue()));
        lengths.setLowValue(Math.min(lengths.getHighValue(), minLength.getValue()));
        syncing = false;
        change(p -> p.withMinLengthMs(minLength.getValue()).withMaxLengthMs(maxLength.getValue()));
    }

    /**
     * Widens the length slider to show {@code maxMs} with room to move (never below 0–2,000 ms, never narrowed while
     * the panel lives), so a tuned or typed maximum beyond the range is not pinned at its end.
     */
    private void fitLengthRange(double maxMs) {
        double[] r = SliderSpinner.rangeFor(0, Math.max(MAX_LENGTH_SLIDER_MS, lengths.getMax()), maxMs);
        if (r[1] != lengths.getMax()) {
            lengths.setMax(r[1]);
            lengths.setMajorTickUnit(r[1] / 4);
        }
    }

    /** The range of the length slider in ms: {min, max}. */
    double[] lengthRange() {
        return new double[] {lengths.getMin(), lengths.getMax()};
    }

    /** Copies the band slider into the spin boxes when a drag ends (a new envelope is computed then). */
    private void bandFromSlider(boolean changing) {
        if (changing || syncing) {
            return;
        }
        syncing = true;
        bandLow.getValueFactory().setValue((double) Math.round(band.getLowValue()));
        bandHigh.getValueFactory().setValue((double) Math.round(band.getHighValue()));
        syncing = false;
        bandChanged();
    }

    private void bandChanged() {
        if (!syncing) {
            syncing = true;
            band.setHighValue(Math.min(band.getMax(), bandHigh.getValue()));
            band.setLowValue(Math.min(band.getHighValue(), bandLow.getValue()));
            syncing = false;
        }
        boolean on = bandOn.isSelected() && bandHigh.getValue() > bandLow.getValue();
        change(p -> on ? p.withBand(bandLow.getValue(), bandHigh.getValue()) : p.withBand(Double.NaN, Double.NaN));
    }

    /** Shows {@code p} in the controls without applying it. */
    private void showParams(SegmentationParams p) {
        shownParams = p;
        setDisable(p == null);
        if (p == null) {
            return;
        }
        syncing = true;
        percentile.set(p.thresholdPercentile());
        aboveNoise.set(Double.isNaN(p.aboveNoiseDb()) ? 10 : p.aboveNoiseDb());
        thresholdMode.setValue(p.usesNoiseThreshold() ? ABOVE_NOISE : PERCENTILE);
        boolean noise = p.usesNoiseThreshold();
        aboveNoise.setVisible(noise);
        aboveNoise.setManaged(noise);
        percentile.setVisible(!noise);
        percentile.setManaged(!noise);
        highPass.set(Double.isNaN(p.highPassHz()) ? 0 : p.highPassHz());
        overlapFree.setSelected(p.overlapFree());
        buffer.set(p.bufferMs());
        spacing.set(p.minSpacingMs());
        window.set(p.windowMs());
        fitLengthRange(p.maxLengthMs());
        lengths.setHighValue(Math.min(lengths.getMax(), p.maxLengthMs()));
        lengths.setLowValue(Math.min(lengths.getHighValue(), p.minLengthMs()));
        minLength.getValueFactory().setValue(p.minLengthMs());
        maxLength.getValueFactory().setValue(p.maxLengthMs());
        double nyquist = state.timeline().sampleRateHz() / 2;
        band.setMax(nyquist);
        band.setMajorTickUnit(nyquist > 60_000 ? 50_000 : nyquist > 15_000 ? 10_000 : 2_000);
        bandOn.setSelected(p.hasBand());
        double[] lh = p.hasBand() ? new double[] {p.bandLowHz(), p.bandHighHz()} : BandSuggestion.forNyquistHz(nyquist);
        bandLow.getValueFactory().setValue(lh[0]);
        bandHigh.getValueFactory().setValue(lh[1]);
        band.setHighValue(Math.min(nyquist, bandHigh.getValue()));
        band.setLowValue(Math.min(band.getHighValue(), bandLow.getValue()));
        syncing = false;
    }

    private void show(SegmentationSnapshot s) {
        if (s == null) {
            count.setText("No recording");
            return;
        }
        SegmentationParams current = state.session() == null ? null : state.session().params();
        if (current != null && !current.equals(shownParams)) {
            showParams(current);
        }
        long edited = s.segments().stream().filter(SegmentEdits.Item::edited).count();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%d segments", s.segments().size()));
        if (edited > 0 || s.skippedEdits() > 0) {
            text.append(String.format(Locale.ROOT, " (%d edited, %d edits without target)", edited, s.skippedEdits()));
        }
        if (s.automatic() != null) {
            text.append(String.format(Locale.ROOT, "; rejected runs: %d too short, %d too long",
                    s.automatic().tooShortCount(), s.automatic().tooLongCount()));
        }
        if (s.error() != null) {
            text.append("\n").append(s.error());
        }
        count.setText(text.toString());
        double level = s.thresholdLevel();
        threshold.setText(Double.isNaN(level) ? "" : String.format(Locale.ROOT, "threshold %.5f (%.1f dBFS)",
                level, 20 * Math.log10(level)));
        envelopeProgress.setProgress(s.computing() ? Math.max(0.02, s.progress()) : 1);
        envelopeProgress.setVisible(s.computing());
        drawHistogram(s);
    }

    private void drawHistogram(SegmentationSnapshot s) {
        if (s == null) {
            return;
        }
        GraphicsContext g = histogram.getGraphicsContext2D();
        double w = histogram.getWidth();
        double h = histogram.getHeight();
        g.setFill(Color.rgb(0x22, 0x25, 0x2C));
        g.fillRect(0, 0, w, h);
        double rate = state.timeline().sampleRateHz();
        double maxMs = 1;
        for (SegmentEdits.Item i : s.segments()) {
            maxMs = Math.max(maxMs, i.segment().lengthFrames() * 1000 / rate);
        }
        int[] bins = new int[HISTOGRAM_BINS];
        int top = 1;
        for (SegmentEdits.Item i : s.segments()) {
            int b = (int) Math.min(HISTOGRAM_BINS - 1, i.segment().lengthFrames() * 1000 / rate / maxMs * HISTOGRAM_BINS);
            top = Math.max(top, ++bins[b]);
        }
        double bw = w / HISTOGRAM_BINS;
        g.setFill(SegmentOverlayLayer.EDGE);
        for (int b = 0; b < HISTOGRAM_BINS; b++) {
            double bh = (h - 14) * bins[b] / top;
            g.fillRect(b * bw + 1, h - 12 - bh, bw - 2, bh);
        }
        g.setFill(Color.rgb(190, 196, 210));
        g.fillText("0", 2, h - 1);
        g.setTextAlign(javafx.scene.text.TextAlignment.RIGHT);
        g.fillText(String.format(Locale.ROOT, "%.0f ms", maxMs), w - 2, h - 1);
        g.fillText(top + " in the fullest bin", w - 2, 10);
        g.setTextAlign(javafx.scene.text.TextAlignment.LEFT);
    }
}
