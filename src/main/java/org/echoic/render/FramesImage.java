package org.echoic.render;

import org.echoic.dsp.ColorMap;

/**
 * Paints model frames ({@code [T][F]}, values in [0, 1]) as a spectrogram image: time to the right, frequency
 * up, each value through a colour map (0 = lowest colour, 1 = highest), so generated and real frames scaled
 * the same way look alike. Nearest frame and value per pixel. A primed prefix is marked by a white line at
 * its end. Stateless; thread-safe.
 */
public final class FramesImage {
    /** Colour of the line at the end of the primed frames. */
    public static final int PRIMER_MARK_ARGB = 0xffffffff;

    private FramesImage() {
    }

    /**
     * Returns {@code width·height} ARGB pixels, row-major, top row = highest frequency.
     *
     * @param primedFrames frames before the mark (0 for none)
     */
    public static int[] paint(float[][] frames, int primedFrames, ColorMap colors, int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image size must be positive: " + width + " x " + height);
        }
        int[] argb = new int[width * height];
        int t = frames.length;
        if (t == 0) {
            java.util.Arrays.fill(argb, SpectrogramRenderer.MISSING_ARGB);
            return argb;
        }
        int f = frames[0].length;
        for (int x = 0; x < width; x++) {
            int col = (int) Math.min(t - 1, (long) x * t / width);
            for (int y = 0; y < height; y++) {
                int bin = (int) Math.min(f - 1, (long) (height - 1 - y) * f / height);
                argb[y * width + x] = colors.argb(Math.min(1, Math.max(0, frames[col][bin])));
            }
        }
        if (primedFrames > 0 && primedFrames < t) {
            int x = (int) Math.min(width - 1, (long) primedFrames * width / t);
            for (int y = 0; y < height; y++) {
                argb[y * width + x] = PRIMER_MARK_ARGB;
            }
        }
        return argb;
    }
}
