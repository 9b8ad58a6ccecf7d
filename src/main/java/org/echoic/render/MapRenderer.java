package org.echoic.render;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Draws a 2-D map of points (one per segment) into an ARGB buffer: each point a filled disc of {@code radiusPx}
 * coloured by its category ({@link #PALETTE}, cycled; a negative category is grey, for noise or no label), drawn
 * in input order over a white background; a highlighted set is ringed in black. Also frames it as a figure with
 * axes. Stateless; thread-safe.
 */
public final class MapRenderer {
    /** Twenty distinguishable colours (matplotlib's tab20 reordered: the ten dark ones first). */
    public static final int[] PALETTE = {
        0xFF1F77B4, 0xFFFF7F0E, 0xFF2CA02C, 0xFFD62728, 0xFF9467BD, 0xFF8C564B, 0xFFE377C2, 0xFF7F7F7F,
        0xFFBCBD22, 0xFF17BECF, 0xFFAEC7E8, 0xFFFFBB78, 0xFF98DF8A, 0xFFFF9896, 0xFFC5B0D5, 0xFFC49C94,
        0xFFF7B6D2, 0xFFC7C7C7, 0xFFDBDB8D, 0xFF9EDAE5,
    };
    /** The colour of a negative category. */
    public static final int GREY = 0xFFB0B0B0;
    private static final int WHITE = 0xFFFFFFFF;
    private static final int BLACK = 0xFF000000;

    /**
     * What part of the map the buffer shows.
     *
     * @param minX left edge, map units
     * @param minY bottom edge, map units
     */
    public record Bounds(double minX, double minY, double maxX, double maxY) {
        /** The points' extent with {@code marginFraction} of it added on every side. */
        public static Bounds of(float[][] points, double marginFraction) {
            double x0 = Double.POSITIVE_INFINITY;
            double y0 = Double.POSITIVE_INFINITY;
            double x1 = Double.NEGATIVE_INFINITY;
            double y1 = Double.NEGATIVE_INFINITY;
            for (float[] p : points) {
                x0 = Math.min(x0, p[0]);
                x1 = Math.max(x1, p[0]);
                y0 = Math.min(y0, p[1]);
                y1 = Math.max(y1, p[1]);
            }
            if (points.length == 0) {
                return new Bounds(0, 0, 1, 1);
            }
            double mx = Math.max(1e-6, x1 - x0) * marginFraction + (x1 > x0 ? 0 : 0.5);
            double my = Math.max(1e-6, y1 - y0) * marginFraction + (y1 > y0 ? 0 : 0.5);
            return new Bounds(x0 - mx, y0 - my, x1 + mx, y1 + my);
        }

        public double xPx(double x, int widthPx) {
            return (x - minX) / (maxX - minX) * widthPx;
        }

        public double yPx(double y, int heightPx) {
            return (maxY - y) / (maxY - minY) * heightPx;
        }

        public double xAt(double px, int widthPx) {
            return minX + px / widthPx * (maxX - minX);
        }

        public double yAt(double py, int heightPx) {
            return maxY - py / heightPx * (maxY - minY);
        }
    }

    private MapRenderer() {
    }

    /** The colour of category {@code c}. */
    public static int colour(int c) {
        return c < 0 ? GREY : PALETTE[c % PALETTE.length];
    }

    /**
     * Fills {@code argb} ({@code widthPx × heightPx}) with the map.
     *
     * @param colours     one ARGB colour per point
     * @param highlighted points to ring (may be null)
     */
    public static void render(float[][] points, int[] colours, boolean[] highlighted, Bounds bounds, int widthPx,
                              int heightPx, int radiusPx, int[] argb) {
        java.util.Arrays.fill(argb, 0, widthPx * heightPx, WHITE);
        for (int i = 0; i < points.length; i++) {
            int cx = (int) Math.round(bounds.xPx(points[i][0], widthPx));
            int cy = (int) Math.round(bounds.yPx(points[i][1], heightPx));
            if (highlighted != null && highlighted[i]) {
                disc(argb, widthPx, heightPx, cx, cy, radiusPx + 1, BLACK);
            }
            disc(argb, widthPx, heightPx, cx, cy, radiusPx, colours[i]);
        }
    }

    private static void disc(int[] argb, int w, int h, int cx, int cy, int r, int colour) {
        for (int dy = -r; dy <= r; dy++) {
            int y = cy + dy;
            if (y < 0 || y >= h) {
                continue;
            }
            int half = (int) Math.floor(Math.sqrt(r * r - dy * dy + 0.5));
            int x0 = Math.max(0, cx - half);
            int x1 = Math.min(w - 1, cx + half);
            for (int x = x0; x <= x1; x++) {
                argb[y * w + x] = colour;
            }
        }
    }

    /** The map as a figure with "UMAP 1" / "UMAP 2" axes (or the given names) and a title. */
    public static BufferedImage figure(float[][] points, int[] colours, String title, String xName, String yName,
                                       int widthPx, int heightPx, double scale) {
        Bounds b = Bounds.of(points, 0.04);
        FigureRenderer.Spec spec = new FigureRenderer.Spec(title, axis(xName, b.minX(), b.maxX(), false),
                axis(yName, b.minY(), b.maxY(), true), null, null, 0, 1, scale);
        FigureRenderer.Layout layout = FigureRenderer.layout(widthPx, heightPx, spec);
        int[] argb = new int[layout.plotWidth() * layout.plotHeight()];
        render(points, colours, null, b, layout.plotWidth(), layout.plotHeight(),
                (int) Math.max(1, Math.round(2.5 * scale)), argb);
        return FigureRenderer.draw(layout, spec, argb);
    }

    private static AxisTicks.Axis axis(String name, double lo, double hi, boolean vertical) {
        return new AxisTicks.Axis() {
            @Override
            public String title() {
                return name;
            }

            @Override
            public List<AxisTicks.Tick> ticks(int lengthPx, ToDoubleFunction<String> extentPx) {
                return AxisTicks.uniform(lo, hi, 1, v -> vertical ? (hi - v) / (hi - lo) * lengthPx
                        : (v - lo) / (hi - lo) * lengthPx, extentPx, 8);
            }
        };
    }
}
