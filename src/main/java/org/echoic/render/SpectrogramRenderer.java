package org.echoic.render;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.echoic.dsp.StftParams;

/**
 * Paints a spectrogram into an ARGB {@code int[]} (row-major, top row = highest frequency) from the
 * tiles of a {@link SpectrogramTileCache}. Zoomed out, the STFT frames under a pixel are combined by their
 * maximum (never skipped), and so are the bins under a pixel row; zoomed in, the nearest frame and bin
 * are repeated. Missing tiles are painted with {@link #MISSING_ARGB} and reported so that the caller can
 * compute them. Only the bins of the shown band are combined. Holds scratch buffers: one renderer per view; NOT thread-safe.
 */
public final class SpectrogramRenderer {
    /** Colour of pixels whose tile is not computed yet or that lie outside the recording. */
    public static final int MISSING_ARGB = 0xff202020;

    private final SpectrogramTileCache cache;
    private float[] columns = new float[0];
    private float[] column = new float[0];
    private double lastFloorDb = Double.NaN;

    public SpectrogramRenderer(SpectrogramTileCache cache) {
        this.cache = cache;
    }

    /** The level of detail whose columns are no coarser than one pixel of {@code samplesPerPixel}. */
    public static int levelFor(StftParams params, double samplesPerPixel) {
        int level = 0;
        while (level < 30 && (double) (2L << level) * params.hop() <= samplesPerPixel) {
            level++;
        }
        return level;
    }

    /** The tiles a paint with these parameters reads, in left-to-right order. */
    public static List<SpectrogramTileKey> tilesFor(Object recordingKey, int channel, StftParams params,
                                                    long recordingFrames, SpectrogramRenderParams rp) {
        int level = levelFor(params, rp.samplesPerPixel());
        long total = params.frameCount(recordingFrames);
        Set<SpectrogramTileKey> keys = new LinkedHashSet<>();
        long[] range = new long[2];
        for (int x = 0; x < rp.width(); x++) {
            if (framesOf(params, rp, x, total, range)) {
                long perTile = (long) SpectrogramTileCache.TILE_COLUMNS << level;
                for (long t = range[0] / perTile; t <= (range[1] - 1) / perTile; t++) {
                    keys.add(new SpectrogramTileKey(recordingKey, channel, params, level, t));
                }
            }
        }
        return new ArrayList<>(keys);
    }

    /**
     * Paints {@code argb} ({@code width * height}) from cached tiles only (fast path for the UI thread).
     *
     * @return the keys of tiles that were missing (empty when the image is complete)
     */
    public List<SpectrogramTileKey> paint(Object recordingKey, int channel, StftParams params, double sampleRateHz,
                                          long recordingFrames, SpectrogramRenderParams rp, int[] argb) {
        int w = rp.width();
        int h = rp.height();
        if (argb.length < w * h) {
            throw new IllegalArgumentException("pixel buffer smaller than " + w + " x " + h);
        }
        int bins = params.bins();
        if (columns.length < w * bins) {
            columns = new float[w * bins];
        }
        if (column.length < bins) {
            column = new float[bins];
        }
        int[] rowLo = new int[h];
        int[] rowHi = new int[h];
        binsOfRows(params, sampleRateHz, rp, rowLo, rowHi);
        int level = levelFor(params, rp.samplesPerPixel());
        long total = params.frameCount(recordingFrames);
        long[] range = new long[2];
        Set<SpectrogramTileKey> missing = new LinkedHashSet<>();
        SpectrogramTile tile = null;
        int lowest = rowLo[h - 1];
        int highest = rowHi[0];
        float max = Float.NEGATIVE_INFINITY;
        for (int x = 0; x < w; x++) {
            boolean any = false;
            java.util.Arrays.fill(column, lowest, highest, Float.NEGATIVE_INFINITY);
            if (framesOf(params, rp, x, total, range)) {
                for (long c = range[0] >> level; c <= (range[1] - 1) >> level; c++) {
                    long tileIndex = c / SpectrogramTileCache.TILE_COLUMNS;
                    if (tile == null || tile.key().tileIndex() != tileIndex) {
                        SpectrogramTileKey key = new SpectrogramTileKey(recordingKey, channel, params, level, tileIndex);
                        tile = cache.get(key);
                        if (tile == null) {
                            missing.add(key);
                            continue;
                        }
                    }
                    int col = (int) (c - tileIndex * SpectrogramTileCache.TILE_COLUMNS);
                    if (col >= tile.columns()) {
                        continue;
                    }
                    any = true;
                    float[] db = tile.db();
                    int o = col * bins;
                    for (int k = lowest; k < highest; k++) {
                        column[k] = Math.max(column[k], db[o + k]);
                    }
                }
            }
            for (int k = lowest; k < highest; k++) {
                columns[k * w + x] = any ? column[k] : Float.NaN;
            }
            if (any) {
                for (int k = lowest; k < highest; k++) {
                    max = Math.max(max, column[k]);
                }
            }
        }
        double floor = Double.isNaN(rp.floorDb()) ? max - rp.rangeDb() : rp.floorDb();
        lastFloorDb = floor;
        float perStep = (float) (256.0 / rp.rangeDb());
        float offset = (float) floor;
        int[] table = rp.colorMap().table();
        for (int y = 0; y < h; y++) {
            int lo = rowLo[y] * w;
            int hi = rowHi[y] * w;
            int row = y * w;
            for (int x = 0; x < w; x++) {
                float v = columns[lo + x];
                for (int k = lo + w; k < hi; k += w) {
                    v = Math.max(v, columns[k + x]);
                }
                if (Float.isNaN(v)) {
                    argb[row + x] = MISSING_ARGB;
                } else {
                    float s = (v - offset) * perStep;
                    argb[row + x] = table[s <= 0 ? 0 : s >= 255 ? 255 : (int) s];
                }
            }
        }
        return new ArrayList<>(missing);
    }

    /** STFT frames whose centres fall in pixel x (or the nearest one), clipped to [0, total). */
    private static boolean framesOf(StftParams p, SpectrogramRenderParams rp, int x, long total, long[] out) {
        double spp = rp.samplesPerPixel();
        double half = p.nperseg() / 2.0;
        double s0 = rp.startSample() + x * spp - half;
        double s1 = s0 + spp;
        long k0 = (long) Math.ceil(s0 / p.hop());
        long k1 = (long) Math.ceil(s1 / p.hop());
        if (k1 <= k0) {
            k0 = Math.round((s0 + s1) / 2 / p.hop());
            k1 = k0 + 1;
        }
        k0 = Math.max(0, k0);
        k1 = Math.min(total, k1);
        out[0] = k0;
        out[1] = k1;
        return k1 > k0;
    }

    /** Bins under each pixel row [lo, hi); the nearest bin when a row is thinner than a bin. */
    private static void binsOfRows(StftParams p, double fs, SpectrogramRenderParams rp, int[] lo, int[] hi) {
        int h = rp.height();
        double binHz = fs / p.nfft();
        double[] ab = scaleRange(p, fs, rp.minHz(), rp.maxHz(), rp.axis());
        double a = ab[0];
        double b = ab[1];
        int last = p.bins() - 1;
        for (int y = 0; y < h; y++) {
            double fHi = rp.axis().toHz(b - (b - a) * y / h);
            double fLo = rp.axis().toHz(b - (b - a) * (y + 1) / h);
            int k0 = (int) Math.ceil(fLo / binHz);
            int k1 = (int) Math.ceil(fHi / binHz);
            if (k1 <= k0) {
                k0 = (int) Math.round((fLo + fHi) / 2 / binHz);
                k1 = k0 + 1;
            }
            lo[y] = Math.max(0, Math.min(last, k0));
            hi[y] = Math.max(lo[y] + 1, Math.min(last + 1, k1));
        }
    }

    /** The axis coordinates of the bottom and top edges of the image, as the rows are painted. */
    private static double[] scaleRange(StftParams p, double fs, double minHz, double maxHz, FrequencyAxis axis) {
        double binHz = fs / p.nfft();
        double lowHz = axis == FrequencyAxis.LOG ? Math.max(minHz, binHz / 2) : minHz;
        return new double[] {axis.toScale(lowHz), axis.toScale(Math.max(maxHz, lowHz * 1.0001))};
    }

    /**
     * The y (fractional pixels, 0 = top edge) of {@code hz} in an image {@code heightPx} high painted with these
     * settings: row {@code floor(y)} holds the bins of {@code hz}. Figure axes place their ticks with it.
     */
    public static double hzToY(double hz, StftParams p, double fs, double minHz, double maxHz, FrequencyAxis axis,
                               int heightPx) {
        double[] ab = scaleRange(p, fs, minHz, maxHz, axis);
        return heightPx * (ab[1] - axis.toScale(hz)) / (ab[1] - ab[0]);
    }

    /** The colour-table index of {@code db} for a colour scale from {@code floorDb} over {@code rangeDb}, as painted. */
    public static int colourIndex(double db, double floorDb, double rangeDb) {
        float s = ((float) db - (float) floorDb) * (float) (256.0 / rangeDb);
        return s <= 0 ? 0 : s >= 255 ? 255 : (int) s;
    }

    /** dB of the lowest colour in the last paint (the image's maximum minus the range when the floor is automatic). */
    public double lastFloorDb() {
        return lastFloorDb;
    }
}
