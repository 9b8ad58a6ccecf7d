package org.echoic.render;

import java.util.Arrays;

import org.echoic.audio.Recording;
import org.echoic.audio.SummaryPyramid;

/**
 * Paints a waveform into an ARGB {@code int[]} (row-major, width × height): the min/max envelope with the RMS band
 * inside it. At coarse zoom it reads the {@link SummaryPyramid} level whose bins are no wider than a pixel (drawing
 * only what the pyramid has summarised so far); when a pixel holds at most a base bin of frames it reads raw samples;
 * below one frame per pixel it draws the samples as a connected line, with dots once they are 4 pixels apart.
 * The work per paint is proportional to the width (raw reads go through one fixed block buffer).
 * Not thread-safe: one renderer per lane, reused across paints.
 */
public final class WaveformRenderer {
    public static final int BACKGROUND = 0xFF1B1D23;
    /** Background of columns the pyramid has not summarised yet. */
    public static final int PENDING = 0xFF2A2D36;
    public static final int CENTRE_LINE = 0xFF4A4F5C;
    public static final int ENVELOPE = 0xFF3C8DD0;
    public static final int RMS = 0xFF9BD4FF;
    public static final int SAMPLE_DOT = 0xFFE8F4FF;
    private static final int READ_BLOCK_FRAMES = 1 << 16;

    private final float[] block = new float[READ_BLOCK_FRAMES];
    private float[] colMin = new float[0];
    private float[] colMax = new float[0];
    private float[] colRms = new float[0];
    private boolean[] colValid = new boolean[0];

    /**
     * Paints {@code viewport}'s frames of the pyramid's channel.
     *
     * @param argb at least {@code viewport.widthPx() * heightPx} pixels, overwritten
     */
    public void render(SummaryPyramid pyramid, Viewport viewport, int heightPx, WaveformParams params, int[] argb) {
        int width = viewport.widthPx();
        if (heightPx < 1 || argb.length < width * heightPx) {
            throw new IllegalArgumentException("buffer of " + argb.length + " pixels is too small for " + width + "×" + heightPx);
        }
        ensureColumns(width);
        double fpp = viewport.framesPerPixel();
        if (fpp < 1) {
            Arrays.fill(argb, 0, width * heightPx, BACKGROUND);
            drawCentreLine(argb, width, heightPx, params);
            drawSamples(pyramid, viewport, heightPx, params, argb);
            return;
        }
        if (fpp <= pyramid.baseBinFrames()) {
            summarizeRaw(pyramid, viewport);
        } else {
            summarizeLevel(pyramid, viewport);
        }
        for (int c = 0; c < width; c++) {
            argb[c] = colValid[c] ? BACKGROUND : PENDING;
        }
        for (int y = 1; y < heightPx; y++) {
            System.arraycopy(argb, 0, argb, y * width, width);
        }
        drawCentreLine(argb, width, heightPx, params);
        for (int c = 0; c < width; c++) {
            if (!colValid[c]) {
                continue;
            }
            int top = toY(colMax[c], heightPx, params);
            int bottom = toY(colMin[c], heightPx, params);
            vline(argb, width, heightPx, c, top, bottom, ENVELOPE);
            int rmsTop = Math.max(top, toY(colRms[c], heightPx, params));
            int rmsBottom = Math.min(bottom, toY(-colRms[c], heightPx, params));
            if (rmsTop < rmsBottom) {
                vline(argb, width, heightPx, c, rmsTop, rmsBottom, RMS);
            }
        }
    }

    private void ensureColumns(int width) {
        if (colMin.length < width) {
            colMin = new float[width];
            colMax = new float[width];
            colRms = new float[width];
            colValid = new boolean[width];
        }
    }

    /** Per column min/max/RMS from the level whose bins are the widest not wider than a pixel. */
    private void summarizeLevel(SummaryPyramid p, Viewport vp) {
        double fpp = vp.framesPerPixel();
        int level = 0;
        while (level + 1 < p.levels() && p.binFrames(level + 1) <= fpp) {
            level++;
        }
        long binFrames = p.binFrames(level);
        int validBins = p.validBins(level);
        for (int c = 0; c < vp.widthPx(); c++) {
            double f0 = vp.xToFrame(c);
            double f1 = vp.xToFrame(c + 1);
            long b0 = Math.max(0, (long) Math.floor(f0 / binFrames));
            long b1 = Math.min(validBins, (long) Math.ceil(f1 / binFrames));
            if (f1 <= 0 || f0 >= p.frames() || b0 >= b1) {
                colValid[c] = false;
                continue;
            }
            float lo = Float.POSITIVE_INFINITY;
            float hi = Float.NEGATIVE_INFINITY;
            double squares = 0;
            for (int b = (int) b0; b < b1; b++) {
                lo = Math.min(lo, p.min(level, b));
                hi = Math.max(hi, p.max(level, b));
                double r = p.rms(level, b);
                squares += r * r;
            }
            colMin[c] = lo;
            colMax[c] = hi;
            colRms[c] = (float) Math.sqrt(squares / (b1 - b0));
            colValid[c] = true;
        }
    }

    /** Per column min/max/RMS from the samples, each column joined to the last sample of the one before. */
    private void summarizeRaw(SummaryPyramid p, Viewport vp) {
        Recording rec = p.recording();
        long total = p.frames();
        int width = vp.widthPx();
        long first = Math.max(0, (long) Math.floor(vp.startFrame()));
        long end = Math.min(total, (long) Math.ceil(vp.endFrame()));
        long blockStart = first;
        int blockLen = 0;
        float previous = Float.NaN;
        for (int c = 0; c < width; c++) {
            long f0 = Math.max(first, (long) Math.floor(vp.xToFrame(c)));
            long f1 = Math.min(end, Math.max(f0 + 1, (long) Math.floor(vp.xToFrame(c + 1))));
            if (f0 >= f1) {
                colValid[c] = false;
                continue;
            }
            float lo = Float.isNaN(previous) ? Float.POSITIVE_INFINITY : previous;
            float hi = Float.isNaN(previous) ? Float.NEGATIVE_INFINITY : previous;
            double squares = 0;
            for (long f = f0; f < f1; f++) {
                if (f >= blockStart + blockLen || f < blockStart) {
                    blockStart = f;
                    blockLen = (int) Math.min(block.length, end - f);
                    rec.read(blockStart, blockLen, p.channel(), block, 0);
                }
                float v = block[(int) (f - blockStart)];
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
                squares += v * v;
                previous = v;
            }
            colMin[c] = lo;
            colMax[c] = hi;
            colRms[c] = (float) Math.sqrt(squares / (f1 - f0));
            colValid[c] = true;
        }
    }

    /** Below one frame per pixel: the samples joined by straight lines, dots on the samples when spread out. */
    private void drawSamples(SummaryPyramid p, Viewport vp, int heightPx, WaveformParams params, int[] argb) {
        long total = p.frames();
        int width = vp.widthPx();
        long first = Math.max(0, (long) Math.floor(vp.startFrame()) - 1);
        long end = Math.min(total, (long) Math.ceil(vp.endFrame()) + 1);
        if (first >= end) {
            return;
        }
        int n = (int) Math.min(block.length, end - first);
        p.recording().read(first, n, p.channel(), block, 0);
        int prevY = -1;
        for (int c = 0; c < width; c++) {
            double f = vp.xToFrame(c + 0.5);
            if (f < first || f > first + n - 1) {
                prevY = -1;
                continue;
            }
            int i = (int) Math.floor(f - first);
            double t = f - first - i;
            float v0 = block[i];
            float v1 = i + 1 < n ? block[i + 1] : v0;
            int y = toY(v0 + t * (v1 - v0), heightPx, params);
            vline(argb, width, heightPx, c, prevY < 0 ? y : Math.min(prevY, y), prevY < 0 ? y : Math.max(prevY, y), ENVELOPE);
            prevY = y;
        }
        if (1 / vp.framesPerPixel() >= 4) {
            for (int i = 0; i < n; i++) {
                int x = (int) Math.floor(vp.frameToX(first + i));
                int y = toY(block[i], heightPx, params);
                for (int dx = -1; dx <= 1; dx++) {
                    if (x + dx >= 0 && x + dx < width) {
                        vline(argb, width, heightPx, x + dx, y - 1, y + 1, SAMPLE_DOT);
                    }
                }
            }
        }
    }

    private static void drawCentreLine(int[] argb, int width, int heightPx, WaveformParams params) {
        int y = toY(0, heightPx, params);
        Arrays.fill(argb, y * width, y * width + width, CENTRE_LINE);
    }

    /** Row of amplitude {@code value} in a lane {@code heightPx} high, clipped to the lane. */
    public static int toY(double value, int heightPx, WaveformParams params) {
        double half = (heightPx - 1) / 2.0;
        long y = Math.round(half - params.toAxis(value) * half);
        return (int) Math.max(0, Math.min(heightPx - 1, y));
    }

    private static void vline(int[] argb, int width, int heightPx, int x, int y0, int y1, int colour) {
        int from = Math.max(0, y0);
        int to = Math.min(heightPx - 1, y1);
        for (int y = from, i = from * width + x; y <= to; y++, i += width) {
            argb[i] = colour;
        }
    }
}
