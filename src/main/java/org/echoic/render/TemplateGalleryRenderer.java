package org.echoic.render;

import org.echoic.dsp.ColorMap;

/**
 * Paints hidden units' spectral templates (W[:, j] over the F frame values) as a grid of small cells into an
 * ARGB buffer, in a chosen order. In each cell frequency runs upwards (value 0 at the bottom, like a
 * spectrogram); each row is coloured by the weight scaled to the cell's largest |w| (mid-colour = 0), a grey
 * line marks zero and a white trace the weight profile. The selected unit gets a highlight frame. Immutable; thread-safe.
 *
 * @param cellWidth  cell width in pixels
 * @param cellHeight cell height in pixels
 * @param gap        pixels between cells
 */
public record TemplateGalleryRenderer(int cellWidth, int cellHeight, int gap) {
    /** Background between cells. */
    public static final int BACKGROUND = 0xff202020;
    /** The profile trace. */
    public static final int TRACE = 0xffffffff;
    /** The zero line of each cell. */
    public static final int ZERO_LINE = 0xff8a8a8a;
    /** Frame of the selected cell. */
    public static final int HIGHLIGHT = 0xffff4040;

    public TemplateGalleryRenderer {
        if (cellWidth < 4 || cellHeight < 4 || gap < 0) {
            throw new IllegalArgumentException("cells must be at least 4 x 4 pixels and the gap ≥ 0");
        }
    }

    /** Cells per row at {@code width} pixels (at least one). */
    public int columns(int width) {
        return Math.max(1, (width - gap) / (cellWidth + gap));
    }

    /** Height in pixels of a gallery of {@code count} cells at {@code width}. */
    public int height(int count, int width) {
        int rows = (count + columns(width) - 1) / columns(width);
        return Math.max(1, gap + rows * (cellHeight + gap));
    }

    /** The position in the order of the cell at pixel (x, y), or −1 between cells or past the end. */
    public int cellAt(double x, double y, int count, int width) {
        int cols = columns(width);
        int cx = (int) Math.floor((x - gap) / (cellWidth + gap));
        int cy = (int) Math.floor((y - gap) / (cellHeight + gap));
        if (x < gap || y < gap || cx >= cols || cx < 0 || cy < 0) {
            return -1;
        }
        double inX = x - gap - cx * (cellWidth + gap);
        double inY = y - gap - cy * (cellHeight + gap);
        int i = cy * cols + cx;
        return inX < cellWidth && inY < cellHeight && i < count ? i : -1;
    }

    /**
     * Paints the templates in {@code order} into a new buffer {@code width} wide and {@link #height} high.
     *
     * @param templates [nHidden][F]
     * @param order     the units to show, in display order
     * @param selected  the unit to highlight, or −1
     */
    public int[] paint(float[][] templates, int[] order, int selected, ColorMap map, int width) {
        int height = height(order.length, width);
        int[] argb = new int[width * height];
        java.util.Arrays.fill(argb, BACKGROUND);
        int cols = columns(width);
        for (int i = 0; i < order.length; i++) {
            int x0 = gap + (i % cols) * (cellWidth + gap);
            int y0 = gap + (i / cols) * (cellHeight + gap);
            if (x0 + cellWidth > width) {
                continue;
            }
            paintCell(templates[order[i]], map, argb, width, x0, y0);
            if (order[i] == selected) {
                frame(argb, width, height, x0, y0);
            }
        }
        return argb;
    }

    private void paintCell(float[] w, ColorMap map, int[] argb, int width, int x0, int y0) {
        double max = 0;
        for (float v : w) {
            max = Math.max(max, Math.abs(v));
        }
        double inv = max > 0 ? 1 / max : 0;
        int f = w.length;
        int mid = cellWidth / 2;
        int previous = -1;
        for (int y = 0; y < cellHeight; y++) {
            int bin = (int) ((long) (cellHeight - 1 - y) * f / cellHeight);
            double s = w[bin] * inv;
            int colour = map.argb(0.5 + 0.5 * s);
            int row = (y0 + y) * width + x0;
            for (int x = 0; x < cellWidth; x++) {
                argb[row + x] = colour;
            }
            argb[row + mid] = ZERO_LINE;
            int trace = Math.max(0, Math.min(cellWidth - 1, mid + (int) Math.round(s * (cellWidth / 2 - 1))));
            int from = previous < 0 ? trace : Math.min(previous, trace);
            int to = previous < 0 ? trace : Math.max(previous, trace);
            for (int x = from; x <= to; x++) {
                argb[row + x] = TRACE;
            }
            previous = trace;
        }
    }

    private static void frame(int[] argb, int width, int height, int x0, int y0, int w, int h) {
        for (int x = x0 - 1; x <= x0 + w; x++) {
            set(argb, width, height, x, y0 - 1);
            set(argb, width, height, x, y0 + h);
        }
        for (int y = y0 - 1; y <= y0 + h; y++) {
            set(argb, width, height, x0 - 1, y);
            set(argb, width, height, x0 + w, y);
        }
    }

    private void frame(int[] argb, int width, int height, int x0, int y0) {
        frame(argb, width, height, x0, y0, cellWidth, cellHeight);
    }

    private static void set(int[] argb, int width, int height, int x, int y) {
        if (x >= 0 && y >= 0 && x < width && y < height) {
            argb[y * width + x] = HIGHLIGHT;
        }
    }
}
