package org.echoic.ui.lanes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import org.echoic.audio.Recording;
import org.echoic.dsp.StftParams;
import org.echoic.render.FigureAxes;
import org.echoic.render.SpectrogramRenderParams;
import org.echoic.render.SpectrogramRenderer;
import org.echoic.render.SpectrogramTile;
import org.echoic.render.SpectrogramTileCache;
import org.echoic.render.SpectrogramTileKey;
import org.echoic.render.Viewport;
import org.echoic.service.OpenRecording;
import org.echoic.service.SpectrogramService;
import org.echoic.service.SpectrogramSettings;
import org.echoic.ui.charts.ColorBar;

/**
 * The spectrogram lane: paints the visible range from the tiles the {@link SpectrogramService} has cached (through
 * {@link SpectrogramRenderer} into an {@code int[]}, then a {@link WritableImage}), asks the service for the missing
 * ones and repaints as they arrive (polled by the lane stack's timer); while new settings compute, the previous image
 * stays where new tiles are missing. On top: registered {@link OverlayLayer}s (e.g. segments), the frequency ruler
 * (drag on it to zoom into a band, double-click to show all), the selection and the play head, and a colour bar
 * (dB of the lowest to the highest colour) at the top right. JavaFX thread only.
 */
public final class SpectrogramLane extends Region implements Lane {
    /** A layer painted over the image, under the ruler, selection and play head. */
    @FunctionalInterface
    public interface OverlayLayer {
        /**
         * @param viewport the shared time axis (frames ↔ x)
         * @param hzToY    frequency in Hz → y in this lane (0 at the top)
         */
        void paint(GraphicsContext g, Viewport viewport, double width, double height, DoubleUnaryOperator hzToY);
    }

    private static final Color BACKGROUND = Color.rgb(0x1B, 0x1D, 0x23);
    private static final Color TEXT = Color.rgb(200, 206, 220);
    private static final Color BAND = Color.rgb(120, 200, 255, 0.3);
    private static final Font FONT = Font.font(11);
    private static final double COLOR_BAR_MAX_HEIGHT = 150;

    private final TimelineModel model;
    private final SpectrogramService service;
    private final ObjectProperty<SpectrogramSettings> settings =
            new SimpleObjectProperty<>(this, "settings", SpectrogramSettings.DEFAULT);
    private final Canvas canvas = new Canvas();
    private final SpectrogramRenderer renderer;
    private final List<OverlayLayer> overlays = new ArrayList<>();
    private final ColorBar colorBar = new ColorBar("dB");
    private int[] argb = new int[0];
    private int[] previous = new int[0];
    private Object previousGeometry;
    private WritableImage image;
    private List<SpectrogramTileKey> requested = List.of();
    private long tilesSeen = -1;
    private boolean incomplete;
    private double lastPaintMs;
    private int paintedLevel;
    private double mouseX = -1;
    private double bandStartY = Double.NaN;
    private double bandEndY;

    /** The geometry of a painted image: pixels of two paints are comparable only when it is equal. */
    private record Geometry(Object recordingKey, int channel, long start, long end, int width, int height,
                            double minHz, double maxHz, Object axis) {
    }

    public SpectrogramLane(TimelineModel model, SpectrogramService service) {
        this.model = model;
        this.service = service;
        this.renderer = new SpectrogramRenderer(service.cache());
        setId("spectrogramLane");
        colorBar.setId("spectrogramColorBar");
        colorBar.getStyleClass().add("lane-color-bar");
        colorBar.setMouseTransparent(true);
        getChildren().addAll(canvas, colorBar);
        setMinHeight(100);
        setPrefHeight(280);
        settings.addListener((o, a, b) -> repaint());
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> mouseX = e.getX());
        addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> mouseX = e.getX());
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::onReleased);
    }

    /** What the lane shows; the settings panel edits it. */
    public ObjectProperty<SpectrogramSettings> settingsProperty() {
        return settings;
    }

    /** Adds a layer drawn over the image (segments, annotations, …) and repaints. */
    public void addOverlay(OverlayLayer layer) {
        overlays.add(layer);
        repaint();
    }

    public SpectrogramService service() {
        return service;
    }

    /** Milliseconds the last paint took (render from cached tiles and copy to the image). */
    public double lastPaintMs() {
        return lastPaintMs;
    }

    /** True when the last paint lacked tiles (they are being computed). */
    public boolean isIncomplete() {
        return incomplete;
    }

    @Override
    public Region node() {
        return this;
    }

    /** The colour bar at the right edge: the levels of the lowest to the highest colour of the last paint. */
    public ColorBar colorBar() {
        return colorBar;
    }

    /** Sizes the canvas to the lane and repaints it at its new size; the colour bar sits at the top right. */
    @Override
    protected void layoutChildren() {
        double h = Math.max(40, Math.min(COLOR_BAR_MAX_HEIGHT, getHeight() - 12));
        double w = colorBar.prefWidth(h);
        colorBar.setVisible(getHeight() >= 70 && getWidth() >= 300 && model.recordingProperty().get() != null);
        colorBar.resizeRelocate(getWidth() - w - 6, 6, w, h);
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            repaint();
        }
    }

    /** Repaint only when tiles arrived since the last paint that lacked some. */
    @Override
    public boolean isFilling() {
        return incomplete && service.completedTiles() != tilesSeen;
    }

    /** The key tiles of the shown recording are cached under. */
    public static Object recordingKey(Recording rec) {
        return rec.path().toAbsolutePath();
    }

    /** The ruler of the current settings and recording for a lane {@code height} high. */
    public FrequencyRuler ruler(double height) {
        SpectrogramSettings s = settings.get();
        double fs = model.sampleRateHz();
        return new FrequencyRuler(s.axis(), s.minHzFor(fs), s.maxHzFor(fs), height);
    }

    @Override
    public void repaint() {
        int width = (int) Math.floor(getWidth());
        int height = (int) Math.floor(getHeight());
        if (width < 1 || height < 1) {
            return;
        }
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(BACKGROUND);
        g.fillRect(0, 0, width, height);
        OpenRecording open = model.recordingProperty().get();
        if (open == null) {
            incomplete = false;
            return;
        }
        Recording rec = open.recording();
        SpectrogramSettings s = settings.get();
        StftParams p = s.stft();
        if (p.frameCount(rec.frames()) == 0) {
            incomplete = false;
            message(g, width, height, "The recording is shorter than one segment of " + p.nperseg() + " samples");
            return;
        }
        long t0 = System.nanoTime();
        Viewport vp = model.viewport().withWidth(width);
        long start = Math.max(0, (long) Math.floor(vp.startFrame()));
        long end = Math.min(rec.frames(), (long) Math.ceil(vp.endFrame()));
        if (end <= start) {
            return;
        }
        double x0 = vp.frameToX(start);
        double x1 = vp.frameToX(end);
        int imageWidth = (int) Math.max(1, Math.min(4L * width, Math.round(x1 - x0)));
        SpectrogramRenderParams rp = s.renderParams(start, end, imageWidth, height, rec.sampleRateHz());
        Object key = recordingKey(rec);
        int channel = model.channelProperty().get();
        List<SpectrogramTileKey> keys = SpectrogramRenderer.tilesFor(key, channel, p, rec.frames(), rp);
        if (!keys.equals(requested)) {
            requested = keys;
            service.request(this, rec, keys);
        }
        tilesSeen = service.completedTiles();
        int n = imageWidth * height;
        if (argb.length < n) {
            argb = new int[n];
        }
        paintedLevel = SpectrogramRenderer.levelFor(p, rp.samplesPerPixel());
        List<SpectrogramTileKey> missing = renderer.paint(key, channel, p, rec.sampleRateHz(), rec.frames(), rp, argb);
        incomplete = !missing.isEmpty();
        Geometry geometry = new Geometry(key, channel, start, end, imageWidth, height, rp.minHz(), rp.maxHz(), rp.axis());
        keepPreviousWhereMissing(geometry, n);
        if (image == null || image.getWidth() != imageWidth || image.getHeight() != height) {
            image = new WritableImage(imageWidth, height);
        }
        image.getPixelWriter().setPixels(0, 0, imageWidth, height, PixelFormat.getIntArgbInstance(), argb, 0, imageWidth);
        g.setImageSmoothing(false);
        g.drawImage(image, x0, 0, x1 - x0, height);
        double floorDb = renderer.lastFloorDb();
        if (Double.isFinite(floorDb)) {
            colorBar.setTitle(FigureAxes.levelTitle(p));
            colorBar.show(s.colorMap(), floorDb, floorDb + s.rangeDb());
        }
        lastPaintMs = (System.nanoTime() - t0) / 1e6;
        FrequencyRuler ruler = ruler(height);
        for (OverlayLayer layer : overlays) {
            layer.paint(g, vp, width, height, ruler::hzToY);
        }
        ruler.paint(g);
        if (!Double.isNaN(bandStartY)) {
            g.setFill(BAND);
            g.fillRect(0, Math.min(bandStartY, bandEndY), width, Math.abs(bandEndY - bandStartY));
        }
        LaneOverlay.paint(g, model, width, height);
        if (incomplete) {
            g.setFont(FONT);
            g.setFill(TEXT);
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.TOP);
            String error = service.lastError();
            g.fillText(error != null ? error : "computing spectrogram… (" + service.pending(this) + " tiles)",
                    width - 6, 4);
        }
    }

    /** Where this paint lacks tiles, shows the previous paint's pixels if it had the same geometry. */
    private void keepPreviousWhereMissing(Geometry geometry, int n) {
        if (incomplete && geometry.equals(previousGeometry)) {
            for (int i = 0; i < n; i++) {
                if (argb[i] == SpectrogramRenderer.MISSING_ARGB) {
                    argb[i] = previous[i];
                }
            }
        }
        if (previous.length < n) {
            previous = new int[n];
        }
        System.arraycopy(argb, 0, previous, 0, n);
        previousGeometry = geometry;
    }

    private static void message(GraphicsContext g, int width, int height, String text) {
        g.setFont(FONT);
        g.setFill(TEXT);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, width / 2.0, height / 2.0);
    }

    @Override
    public String readoutAt(double y) {
        OpenRecording open = model.recordingProperty().get();
        if (open == null || getHeight() < 1) {
            return "";
        }
        double hz = ruler(getHeight()).yToHz(y);
        double db = dbAt(open.recording(), mouseX, hz);
        return String.format(Locale.ROOT, "%.0f Hz  %s dB", hz,
                Double.isNaN(db) ? "–" : String.format(Locale.ROOT, "%.1f", db));
    }

    /** The shown value (dB, maximum over the column's frames) at lane x and {@code hz}, or NaN if not cached. */
    double dbAt(Recording rec, double x, double hz) {
        StftParams p = settings.get().stft();
        Viewport vp = model.viewport();
        long total = p.frameCount(rec.frames());
        long frame = Math.round((vp.xToFrame(x) - p.nperseg() / 2.0) / p.hop());
        if (x < 0 || frame < 0 || frame >= total) {
            return Double.NaN;
        }
        int level = paintedLevel;
        long column = frame >> level;
        long tileIndex = column / SpectrogramTileCache.TILE_COLUMNS;
        SpectrogramTile tile = service.cache().get(new SpectrogramTileKey(recordingKey(rec),
                model.channelProperty().get(), p, level, tileIndex));
        int col = (int) (column - tileIndex * SpectrogramTileCache.TILE_COLUMNS);
        if (tile == null || col >= tile.columns()) {
            return Double.NaN;
        }
        int bin = (int) Math.max(0, Math.min(p.bins() - 1, Math.round(hz * p.nfft() / rec.sampleRateHz())));
        return tile.db()[col * tile.bins() + bin];
    }

    private boolean onRuler(MouseEvent e) {
        return e.getX() < FrequencyRuler.WIDTH_PX && model.recordingProperty().get() != null;
    }

    private void onPressed(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || !onRuler(e)) {
            return;
        }
        e.consume();
        if (e.getClickCount() == 2) {
            bandStartY = Double.NaN;
            settings.set(settings.get().withBand(0, Double.NaN));
            return;
        }
        bandStartY = e.getY();
        bandEndY = e.getY();
    }

    private void onDragged(MouseEvent e) {
        if (!Double.isNaN(bandStartY)) {
            bandEndY = Math.max(0, Math.min(getHeight(), e.getY()));
            e.consume();
            repaint();
        }
    }

    private void onReleased(MouseEvent e) {
        if (Double.isNaN(bandStartY)) {
            return;
        }
        e.consume();
        double a = bandStartY;
        double b = Math.max(0, Math.min(getHeight(), e.getY()));
        bandStartY = Double.NaN;
        if (Math.abs(b - a) >= 4) {
            FrequencyRuler r = ruler(getHeight());
            zoomBand(r.yToHz(Math.max(a, b)), r.yToHz(Math.min(a, b)));
        } else {
            repaint();
        }
    }

    /** Shows the band {@code [lowHz, highHz]} (clamped to 0 … Nyquist). */
    public void zoomBand(double lowHz, double highHz) {
        double nyquist = model.sampleRateHz() / 2;
        double lo = Math.max(0, Math.min(lowHz, nyquist));
        double hi = Math.max(lo + 1e-3, Math.min(highHz, nyquist));
        settings.set(settings.get().withBand(lo, hi >= nyquist ? Double.NaN : hi));
    }
}
