package org.echoic.ui.lanes;

import java.util.Locale;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import org.echoic.audio.SummaryPyramid;
import org.echoic.render.Viewport;
import org.echoic.render.WaveformParams;
import org.echoic.render.WaveformRenderer;
import org.echoic.service.OpenRecording;

/**
 * The waveform lane: the {@link WaveformRenderer}'s ARGB buffer copied into a {@link WritableImage} and drawn on a
 * canvas, with an amplitude scale at the left edge and the shared overlay. Paints from the pyramid of the model's
 * channel (building it in the background when first shown) and repaints while the pyramid fills.
 * JavaFX thread only.
 */
public final class WaveformLane extends Region implements Lane {
    private static final Font AXIS_FONT = Font.font(10);
    private static final Color AXIS_TEXT = Color.rgb(190, 196, 210);
    private static final Color EMPTY_TEXT = Color.rgb(150, 156, 170);

    private final TimelineModel model;
    private final Canvas canvas = new Canvas();
    private final WaveformRenderer renderer = new WaveformRenderer();
    private final java.util.List<SpectrogramLane.OverlayLayer> overlays = new java.util.ArrayList<>();
    private int[] argb = new int[0];
    private WritableImage image;

    public WaveformLane(TimelineModel model) {
        this.model = model;
        setId("waveformLane");
        getChildren().add(canvas);
        setMinHeight(80);
        setPrefHeight(220);
    }

    /** Adds a layer drawn over the waveform (segments, …); its frequency mapping gives NaN. */
    public void addOverlay(SpectrogramLane.OverlayLayer layer) {
        overlays.add(layer);
        repaint();
    }

    @Override
    public Region node() {
        return this;
    }

    /** Sizes the canvas to the lane and repaints it at its new size (a listener on the width ran too early). */
    @Override
    protected void layoutChildren() {
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            repaint();
        }
    }

    private SummaryPyramid pyramid() {
        OpenRecording r = model.recordingProperty().get();
        return r == null ? null : r.pyramid(model.channelProperty().get());
    }

    @Override
    public boolean isFilling() {
        OpenRecording r = model.recordingProperty().get();
        SummaryPyramid p = pyramid();
        return p != null && !p.isComplete() && r.buildError(p.channel()) == null;
    }

    @Override
    public void repaint() {
        int width = (int) Math.floor(getWidth());
        int height = (int) Math.floor(getHeight());
        GraphicsContext g = canvas.getGraphicsContext2D();
        if (width < 1 || height < 1) {
            return;
        }
        SummaryPyramid p = pyramid();
        if (p == null) {
            g.setFill(Color.rgb(0x1B, 0x1D, 0x23));
            g.fillRect(0, 0, width, height);
            g.setFill(EMPTY_TEXT);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText("Open a recording: File ▸ Open files…, or drop files or folders here", width / 2.0, height / 2.0);
            return;
        }
        Viewport vp = model.viewport().withWidth(width);
        if (argb.length < width * height) {
            argb = new int[width * height];
        }
        if (image == null || image.getWidth() != width || image.getHeight() != height) {
            image = new WritableImage(width, height);
        }
        WaveformParams params = model.waveformParamsProperty().get();
        renderer.render(p, vp, height, params, argb);
        image.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        g.drawImage(image, 0, 0);
        for (SpectrogramLane.OverlayLayer layer : overlays) {
            layer.paint(g, vp, width, height, hz -> Double.NaN);
        }
        paintAxis(g, params, height);
        LaneOverlay.paint(g, model, width, height);
    }

    private static void paintAxis(GraphicsContext g, WaveformParams params, int height) {
        g.setFont(AXIS_FONT);
        g.setFill(AXIS_TEXT);
        g.setTextAlign(TextAlignment.LEFT);
        double half = (height - 1) / 2.0;
        for (double axis : new double[] {1, 0.5, 0, -0.5, -1}) {
            double y = half - axis * half;
            g.setTextBaseline(axis > 0 ? VPos.TOP : axis < 0 ? VPos.BOTTOM : VPos.CENTER);
            g.fillRect(0, Math.round(y), 5, 1);
            g.fillText(axisLabel(params, axis), 7, Math.max(0, Math.min(height, y)));
        }
    }

    static String axisLabel(WaveformParams params, double axis) {
        if (params.scale() == WaveformParams.AmplitudeScale.LINEAR) {
            double v = params.fromAxis(axis);
            if (v == 0) {
                return "0";
            }
            String digits = new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros()
                    .toPlainString();
            return (v > 0 ? "+" + digits : digits.replace('-', '\u2212'));
        }
        if (axis == 0) {
            return "-∞ dB";
        }
        double db = 20 * Math.log10(Math.abs(params.fromAxis(axis)));
        return String.format(Locale.ROOT, "%.0f dB", db);
    }

    @Override
    public String readoutAt(double y) {
        double half = (getHeight() - 1) / 2.0;
        if (half <= 0) {
            return "";
        }
        double amplitude = model.waveformParamsProperty().get().fromAxis(Math.max(-1, Math.min(1, (half - y) / half)));
        double db = 20 * Math.log10(Math.abs(amplitude));
        return String.format(Locale.ROOT, "amplitude %+.4f (%s dBFS)", amplitude,
                Double.isInfinite(db) ? "-∞" : String.format(Locale.ROOT, "%.1f", db));
    }
}
