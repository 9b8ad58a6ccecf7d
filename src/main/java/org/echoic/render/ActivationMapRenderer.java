package org.echoic.render;

import org.echoic.dsp.ColorMap;

/**
 * Paints a time × row matrix (p(h | v_t) of T frames × H hidden units, recurrent states, or the model's
 * frames themselves) as a heatmap into an ARGB buffer. Column x shows frame ⌊x·T / width⌋, so a map and the
 * segment's spectrogram painted at the same width line up frame for frame. Stateless; thread-safe.
 */
public final class ActivationMapRenderer {
    private ActivationMapRenderer() {
    }

    /**
     * Paints {@code values} ([T][rows]) into a new {@code width × height} ARGB buffer.
     *
     * @param low            value shown with the lowest colour (e.g. 0 for probabilities, −1 for states)
     * @param high           value shown with the highest colour, &gt; low
     * @param firstRowAtBottom true to put row 0 at the bottom (frequency bins), false at the top (units)
     * @param rowOrder       which row to show at each display row (null = 0, 1, 2, …)
     */
    public static int[] paint(float[][] values, int[] rowOrder, double low, double high, boolean firstRowAtBottom,
                              ColorMap map, int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image size must be positive: " + width + " x " + height);
        }
        if (values.length == 0 || !(high > low)) {
            throw new IllegalArgumentException("need at least one frame and high > low");
        }
        int frames = values.length;
        int rows = rowOrder == null ? values[0].length : rowOrder.length;
        double scale = 1 / (high - low);
        int[] argb = new int[width * height];
        int[] rowAt = new int[height];
        for (int y = 0; y < height; y++) {
            int display = (int) ((long) (firstRowAtBottom ? height - 1 - y : y) * rows / height);
            rowAt[y] = rowOrder == null ? display : rowOrder[display];
        }
        for (int x = 0; x < width; x++) {
            float[] column = values[frameAtX(x, frames, width)];
            for (int y = 0; y < height; y++) {
                argb[y * width + x] = map.argb((column[rowAt[y]] - low) * scale);
            }
        }
        return argb;
    }

    /** The frame shown at pixel column {@code x} of a map of {@code frames} frames painted {@code width} wide. */
    public static int frameAtX(int x, int frames, int width) {
        return (int) Math.min(frames - 1, Math.max(0, (long) x * frames / width));
    }

    /** The first pixel column of frame {@code t}. */
    public static int xOfFrame(int t, int frames, int width) {
        return (int) Math.ceil((double) t * width / frames);
    }
}
