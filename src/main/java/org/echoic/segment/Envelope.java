package org.echoic.segment;

import java.nio.IntBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The smoothed amplitude envelope of a recording, stored compactly for fast re-thresholding.
 *
 * <p>Fixed point: each magnitude is {@code q = floor(min(|x|, 1) · Q + 0.5)} (NaN counts as 0) with
 * {@code Q} = {@link #scale()}, the largest power of two ≤ 2^24 with {@code w · Q < 2^31}; the stored
 * value of frame i is the exact integer box sum {@code S[i] = Σ q[j]} over the {@code w} frames centred on
 * i, with numpy-'reflect' indices at the edges (see {@link #reflect(long, long)}). The envelope value is
 * {@code S[i] / (w · Q)}. 16- and 24-bit PCM are represented exactly (Q ≥ 2^23 for w ≤ 255).
 *
 * <p>Beside the values (an {@link IntStore}, memory-mapped for long recordings) it keeps the minimum and
 * maximum of every block of {@value #L1} and {@value #L2} frames, so a threshold scan only reads the
 * blocks that straddle the threshold, and a histogram over a monotone 43 008-bin code of S (exact below
 * 2048, 2^-11 relative width above) from which percentiles are computed exactly: the order statistics are
 * found by bin and, when a bin holds several values, by collecting that bin's values (cached).
 *
 * <p>Thread-safety: immutable after construction except for the internal bin cache, which is
 * synchronized; safe for concurrent use. Close to release the temporary file.
 */
public final class Envelope implements AutoCloseable {
    static final int L1_BITS = 8;
    static final int L1 = 1 << L1_BITS;
    static final int L2_BITS = 16;
    static final int L2 = 1 << L2_BITS;
    static final int BINS = 43008;

    private final EnvelopeSpec spec;
    private final double sampleRateHz;
    private final long frames;
    private final int windowFrames;
    private final long scale;
    private final IntStore store;
    private final int[] l1Min;
    private final int[] l1Max;
    private final int[] l2Min;
    private final int[] l2Max;
    private final long[] cumulative;
    private final Map<Integer, int[]> binCache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, int[]> e) {
            return size() > 8;
        }
    };

    Envelope(EnvelopeSpec spec, double sampleRateHz, long frames, int windowFrames, long scale, IntStore store,
             int[] l1Min, int[] l1Max, long[] histogram) {
        this.spec = spec;
        this.sampleRateHz = sampleRateHz;
        this.frames = frames;
        this.windowFrames = windowFrames;
        this.scale = scale;
        this.store = store;
        this.l1Min = l1Min;
        this.l1Max = l1Max;
        int perL2 = L2 / L1;
        int n2 = (l1Min.length + perL2 - 1) / perL2;
        l2Min = new int[n2];
        l2Max = new int[n2];
        Arrays.fill(l2Min, Integer.MAX_VALUE);
        Arrays.fill(l2Max, Integer.MIN_VALUE);
        for (int b = 0; b < l1Min.length; b++) {
            l2Min[b / perL2] = Math.min(l2Min[b / perL2], l1Min[b]);
            l2Max[b / perL2] = Math.max(l2Max[b / perL2], l1Max[b]);
        }
        cumulative = new long[BINS + 1];
        for (int i = 0; i < BINS; i++) {
            cumulative[i + 1] = cumulative[i] + histogram[i];
        }
    }

    /** The fixed-point scale Q for a box of {@code w} frames: the largest power of two ≤ 2^24 with w·Q < 2^31. */
    public static long scaleFor(int windowFrames) {
        long q = 1L << 24;
        while (q > 1 && (long) windowFrames * q > Integer.MAX_VALUE) {
            q >>= 1;
        }
        return q;
    }

    /**
     * numpy's 'reflect' padding index: the signal is mirrored about its first and last sample without
     * repeating them ({@code -1 → 1}, {@code n → n-2}), repeatedly when the distance exceeds the length;
     * for a single frame every index maps to 0.
     */
    public static long reflect(long j, long n) {
        if (n == 1) {
            return 0;
        }
        long period = 2 * (n - 1);
        long m = Math.floorMod(j, period);
        return m >= n ? period - m : m;
    }

    /** The monotone histogram code of a box sum (exact below 2048, 2^-11 relative bins above). */
    static int code(int s) {
        if (s < 2048) {
            return s;
        }
        int e = 31 - Integer.numberOfLeadingZeros(s);
        return ((e - 10) << 11) | ((s >>> (e - 11)) & 0x7FF);
    }

    static int binLow(int code) {
        if (code < 2048) {
            return code;
        }
        int e = (code >>> 11) + 10;
        return (2048 | (code & 0x7FF)) << (e - 11);
    }

    static int binHigh(int code) {
        if (code < 2048) {
            return code;
        }
        int e = (code >>> 11) + 10;
        long hi = (long) binLow(code) + (1L << (e - 11)) - 1;
        return (int) Math.min(hi, Integer.MAX_VALUE);
    }

    public EnvelopeSpec spec() {
        return spec;
    }

    public double sampleRateHz() {
        return sampleRateHz;
    }

    public long frames() {
        return frames;
    }

    /** The odd box length w in frames. */
    public int windowFrames() {
        return windowFrames;
    }

    /** The fixed-point scale Q (magnitudes are multiples of 1/Q). */
    public long scale() {
        return scale;
    }

    /** The exact fixed-point box sum S at {@code frame}. */
    public int sum(long frame) {
        return store.get(frame);
    }

    /** The envelope value (mean |x| over the box, full scale = 1) at {@code frame}. */
    public double value(long frame) {
        return sum(frame) / sumPerUnit();
    }

    /** w · Q: the box sum of a full-scale signal. */
    public double sumPerUnit() {
        return (double) windowFrames * scale;
    }

    /**
     * numpy.percentile(S, p) with the default 'linear' method, on the box sums: with sorted values v,
     * {@code g = (n-1) · (p/100)}, {@code k = floor(g)}, {@code t = g - k}, the result is
     * {@code v[k] + (v[k+1]-v[k])·t} for t < 0.5 and {@code v[k+1] - (v[k+1]-v[k])·(1-t)} otherwise
     * (numpy's _lerp). Divide by {@link #sumPerUnit()} for the envelope value.
     */
    public double percentileSum(double percentile) {
        if (frames == 0) {
            return 0;
        }
        double g = (frames - 1) * (percentile / 100.0);
        long k = (long) Math.floor(g);
        k = Math.max(0, Math.min(frames - 1, k));
        long k1 = Math.min(frames - 1, k + 1);
        double t = g - Math.floor(g);
        double a = orderStatistic(k);
        double b = orderStatistic(k1);
        return lerp(a, b, t);
    }

    /** numpy's _lerp. */
    static double lerp(double a, double b, double t) {
        double diff = b - a;
        return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
    }

    /** The k-th smallest box sum (0-based), exactly. */
    public int orderStatistic(long k) {
        if (k < 0 || k >= frames) {
            throw new IndexOutOfBoundsException("rank " + k + " of " + frames);
        }
        int lo = 0;
        int hi = BINS - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid + 1] > k) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        int bin = lo;
        if (binLow(bin) == binHigh(bin)) {
            return binLow(bin);
        }
        int[] values = binValues(bin);
        return values[(int) (k - cumulative[bin])];
    }

    private synchronized int[] binValues(int bin) {
        int[] cached = binCache.get(bin);
        if (cached != null) {
            return cached;
        }
        int lo = binLow(bin);
        int hi = binHigh(bin);
        int[] out = new int[(int) (cumulative[bin + 1] - cumulative[bin])];
        int n = 0;
        for (int b2 = 0; b2 < l2Min.length; b2++) {
            if (l2Min[b2] > hi || l2Max[b2] < lo) {
                continue;
            }
            int firstL1 = b2 * (L2 / L1);
            int endL1 = Math.min(l1Min.length, firstL1 + L2 / L1);
            for (int b1 = firstL1; b1 < endL1; b1++) {
                if (l1Min[b1] > hi || l1Max[b1] < lo) {
                    continue;
                }
                long start = (long) b1 << L1_BITS;
                long end = Math.min(frames, start + L1);
                IntBuffer c = store.chunk(start);
                int off = store.offset(start);
                for (int i = 0, len = (int) (end - start); i < len; i++) {
                    int s = c.get(off + i);
                    if (s >= lo && s <= hi) {
                        out[n++] = s;
                    }
                }
            }
        }
        Arrays.sort(out);
        binCache.put(bin, out);
        return out;
    }

    /** Receives maximal runs [startFrame, endFrame) in increasing order. */
    @FunctionalInterface
    public interface RunSink {
        void run(long startFrame, long endFrame);
    }

    /**
     * Reports the maximal runs of frames with box sum ≥ {@code thresholdSum}, in order. Blocks entirely
     * above or below the threshold are decided from their minimum and maximum without reading them.
     */
    public void forEachRun(long thresholdSum, RunSink sink) {
        if (thresholdSum > Integer.MAX_VALUE) {
            return;
        }
        int t = (int) Math.max(thresholdSum, Integer.MIN_VALUE);
        long runStart = -1;
        int perL2 = L2 / L1;
        for (int b2 = 0; b2 < l2Min.length; b2++) {
            long start2 = (long) b2 << L2_BITS;
            if (l2Max[b2] < t) {
                if (runStart >= 0) {
                    sink.run(runStart, start2);
                    runStart = -1;
                }
                continue;
            }
            if (l2Min[b2] >= t) {
                if (runStart < 0) {
                    runStart = start2;
                }
                continue;
            }
            int endL1 = Math.min(l1Min.length, (b2 + 1) * perL2);
            for (int b1 = b2 * perL2; b1 < endL1; b1++) {
                long start = (long) b1 << L1_BITS;
                if (l1Max[b1] < t) {
                    if (runStart >= 0) {
                        sink.run(runStart, start);
                        runStart = -1;
                    }
                    continue;
                }
                if (l1Min[b1] >= t) {
                    if (runStart < 0) {
                        runStart = start;
                    }
                    continue;
                }
                IntBuffer c = store.chunk(start);
                int off = store.offset(start);
                int len = (int) (Math.min(frames, start + L1) - start);
                for (int i = 0; i < len; i++) {
                    boolean above = c.get(off + i) >= t;
                    if (above && runStart < 0) {
                        runStart = start + i;
                    } else if (!above && runStart >= 0) {
                        sink.run(runStart, start + i);
                        runStart = -1;
                    }
                }
            }
        }
        if (runStart >= 0) {
            sink.run(runStart, frames);
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
