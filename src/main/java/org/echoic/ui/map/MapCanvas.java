package org.echoic.ui.map;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;

import org.echoic.render.MapRenderer;

/**
 * The map of segments on one Canvas: the points are rendered into an ARGB buffer by {@link MapRenderer} (once per
 * change of data, colours, selection or size, not per mouse move) and copied into a {@link WritableImage}; the
 * hovered point's ring and the lasso are drawn over it. Hover reports the nearest point within 8 px, a click (a
 * press and release without dragging) reports it for playing, a drag draws a lasso whose enclosed points become the
 * selection. JavaFX thread only.
 */
final class MapCanvas extends Pane {
    private static final double HOVER_PX = 8;
    private static final double CLICK_PX = 4;

    private final Canvas canvas = new Canvas();
    private float[][] points = new float[0][2];
    private int[] colours = new int[0];
    private boolean[] selected = new boolean[0];
    private MapRenderer.Bounds bounds = new MapRenderer.Bounds(0, 0, 1, 1);
    private WritableImage image;
    private int[] buffer = new int[0];
    private boolean dirty = true;
    private int hovered = -1;
    private final List<double[]> lasso = new ArrayList<>();
    private double pressX;
    private double pressY;
    private IntConsumer onHover = i -> { };
    private IntConsumer onClick = i -> { };
    private Consumer<boolean[]> onSelect = s -> { };
    private BiConsumer<Double, Double> onCursor = (x, y) -> { };

    MapCanvas() {
        setId("mapCanvas");
        canvas.setManaged(false);
        getChildren().add(canvas);
        setMinSize(200, 200);
        setPrefSize(600, 500);
        widthProperty().addListener((o, a, b) -> resize());
        heightProperty().addListener((o, a, b) -> resize());
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> hover(e.getX(), e.getY()));
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> setHovered(-1));
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            pressX = e.getX();
            pressY = e.getY();
            lasso.clear();
            lasso.add(new double[] {e.getX(), e.getY()});
        });
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            lasso.add(new double[] {e.getX(), e.getY()});
            paint();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> release(e.getX(), e.getY()));
    }

    /** Shows new points (map units) with their colours; clears the selection. */
    void setData(float[][] map, int[] argb) {
        points = map;
        colours = argb.clone();
        selected = new boolean[map.length];
        bounds = MapRenderer.Bounds.of(map, 0.04);
        hovered = -1;
        dirty = true;
        paint();
    }

    void setColours(int[] argb) {
        colours = argb.clone();
        dirty = true;
        paint();
    }

    void setSelected(boolean[] s) {
        selected = s.clone();
        dirty = true;
        paint();
    }

    /** What part of the map the canvas shows (map units). */
    MapRenderer.Bounds bounds() {
        return bounds;
    }

    boolean[] selected() {
        return selected.clone();
    }

    int hovered() {
        return hovered;
    }

    void setOnHover(IntConsumer c) {
        onHover = c;
    }

    void setOnClick(IntConsumer c) {
        onClick = c;
    }

    void setOnSelect(Consumer<boolean[]> c) {
        onSelect = c;
    }

    /** Receives the map coordinates under the cursor. */
    void setOnCursor(BiConsumer<Double, Double> c) {
        onCursor = c;
    }

    /** The point nearest to (x, y) in pixels within {@code maxPx}, or −1. */
    int nearest(double x, double y, double maxPx) {
        int w = (int) canvas.getWidth();
        int h = (int) canvas.getHeight();
        int best = -1;
        double bestD = maxPx * maxPx;
        for (int i = 0; i < points.length; i++) {
            double dx = bounds.xPx(points[i][0], w) - x;
            double dy = bounds.yPx(points[i][1], h) - y;
            double d = dx * dx + dy * dy;
            if (d <= bestD) {
                bestD = d;
                best = i;
            }
        }
        return best;
    }

    /** The points inside the polygon (pixels; even-odd rule). */
    boolean[] inside(List<double[]> polygon) {
        int w = (int) canvas.getWidth();
        int h = (int) canvas.getHeight();
        boolean[] out = new boolean[points.length];
        int n = polygon.size();
        for (int i = 0; i < points.length; i++) {
            double x = bounds.xPx(points[i][0], w);
            double y = bounds.yPx(points[i][1], h);
            boolean in = false;
            for (int a = 0, b = n - 1; a < n; b = a++) {
                double[] p = polygon.get(a);
                double[] q = polygon.get(b);
                if ((p[1] > y) != (q[1] > y) && x < (q[0] - p[0]) * (y - p[1]) / (q[1] - p[1]) + p[0]) {
                    in = !in;
                }
            }
            out[i] = in;
        }
        return out;
    }

    /** The pixel position of point {@code i} on the canvas. */
    double[] pixelOf(int i) {
        return new double[] {bounds.xPx(points[i][0], (int) canvas.getWidth()),
            bounds.yPx(points[i][1], (int) canvas.getHeight())};
    }

    /** A copy of the map as ARGB pixels at the canvas' size (for tests and exports). */
    int[] pixels() {
        return buffer.clone();
    }

    private void hover(double x, double y) {
        int w = (int) canvas.getWidth();
        int h = (int) canvas.getHeight();
        onCursor.accept(bounds.xAt(x, w), bounds.yAt(y, h));
        setHovered(nearest(x, y, HOVER_PX));
    }

    private void setHovered(int i) {
        if (i != hovered) {
            hovered = i;
            paint();
            onHover.accept(i);
        }
    }

    private void release(double x, double y) {
        boolean click = Math.hypot(x - pressX, y - pressY) < CLICK_PX;
        if (click) {
            lasso.clear();
            int i = nearest(x, y, HOVER_PX);
            if (i >= 0) {
                onClick.accept(i);
            }
            paint();
            return;
        }
        if (lasso.size() >= 3) {
            selected = inside(lasso);
            dirty = true;
            onSelect.accept(selected.clone());
        }
        lasso.clear();
        paint();
    }

    private void resize() {
        canvas.setWidth(Math.max(1, Math.floor(getWidth())));
        canvas.setHeight(Math.max(1, Math.floor(getHeight())));
        dirty = true;
        paint();
    }

    private void paint() {
        int w = (int) canvas.getWidth();
        int h = (int) canvas.getHeight();
        if (w < 2 || h < 2) {
            return;
        }
        if (dirty || image == null || image.getWidth() != w || image.getHeight() != h) {
            if (buffer.length != w * h) {
                buffer = new int[w * h];
            }
            MapRenderer.render(points, colours, selected, bounds, w, h, 3, buffer);
            if (image == null || image.getWidth() != w || image.getHeight() != h) {
                image = new WritableImage(w, h);
            }
            image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), buffer, 0, w);
            dirty = false;
        }
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.drawImage(image, 0, 0);
        if (hovered >= 0 && hovered < points.length) {
            double[] p = pixelOf(hovered);
            g.setStroke(Color.BLACK);
            g.setLineWidth(2);
            g.strokeOval(p[0] - 7, p[1] - 7, 14, 14);
        }
        if (lasso.size() >= 2) {
            g.setStroke(Color.web("#333333"));
            g.setLineWidth(1.5);
            g.setLineDashes(5, 4);
            g.beginPath();
            g.moveTo(lasso.get(0)[0], lasso.get(0)[1]);
            for (double[] p : lasso) {
                g.lineTo(p[0], p[1]);
            }
            g.closePath();
            g.stroke();
            g.setLineDashes();
        }
    }
}
