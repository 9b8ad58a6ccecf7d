package org.echoic.segment;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * The smoothed amplitude envelope of a recording, summarised for fast re-thresholding without storing it.
 *
 * <p>Fixed point: each magnitude is {@code q = floor(min(|x|, 1) · Q + 0.5)} (NaN counts as 0) with
 * {@code Q} = {@link #scale()}, the largest power of two ≤ 2^24 with {@code w · Q < 2^31}; the box sum of
 * frame i is the exact integer {@code S[i] = Σ q[j]} over the {@code w} frames centred on i, with
 * numpy-'reflect' indices at the edges (see {@link #reflect(long, long)}). The envelope value is
 * {@code S[i] / (w · Q)}. 16- and 24-bit PCM are represented exactly (Q ≥ 2^23 for w ≤ 255).
 *
 * <p>Only a summary is kept: the minimum and maximum of S over every block of {@value #L1} frames and a
 * histogram over a monotone {@value #BINS}-bin code of S (exact below 2^14, 2^-14 relative width above).
 * The sums themselves are recomputed from the memory-mapped recording where needed (a band-passed envelope,
 * whose samples depend on the read alignment, is stored instead): a threshold scan reads only the blocks
 * that straddle the threshold, and a percentile is exact: its order statistics are found by bin and, when a
 * bin holds several values, by collecting that bin's values from the blocks that can hold them (cached).
 * Scans split the work between the calling thread and one task on the executor given at construction.
 *
 * <p>Thread-safety: safe for concurrent use (the bin cache is synchronized). It reads the recording it was
 * computed from, which must stay open while the envelope is used; close to release a stored envelope.
 */
public final class Envelope implements AutoCloseable {
    static final int L1_BITS = 8;
    static final int L1 = 1 << L1_BITS;
    static final int FINE_BITS = 14;
    static final int BINS = (31 - FINE_BITS + 1) << FINE_BITS;
    /** Blocks per unit of parallel work in a scan. */
    static final int CHUNK_BLOCKS = 512;
    /** Most consecutive straddling blocks recomputed in one read. */
    static final int STRETCH_BLOCKS = 64;

    private final EnvelopeSpec spec;
    private final double sampleRateHz;
    private final long frames;
    private final int windowFrames;
    private final long scale;
    private final BoxSums sums;
    private final IntStore store;
    private final Executor executor;
    private final int[] l1Min;
    private final int[] l1Max;
    private final long[] cumulative;
    private final Map<Integer, int[]> binCache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, int[]> e) {
            return size() > 64;
        }
    };

    Envelope(EnvelopeSpec spec, double sampleRateHz, long frames, int windowFrames, long scale, BoxSums sums,
             IntStore store, Executor executor, int[] l1Min, int[] l1Max, long[] histogram) {
        this.spec = spec;
        this.sampleRateHz = sampleRateHz;
        this.frames = frames;
        this.windowFrames = windowFrames;
        this.scale = scale;
        this.sums = sums;
        this.store = store;
        this.executor = executor;
        this.l1Min = l1Min;
        this.l1Max = l1Max;
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

    /** The monotone histogram code of a box sum ≥ 0 (exact below 2^14, 2^-14 relative bins above). */
    static int code(int s) {
        if (s < 1 << FINE_BITS) {
            return s;
        }
        int e = 31 - Integer.numberOfLeadingZeros(s);
        return ((e - FINE_BITS + 1) << FINE_BITS) | ((s >>> (e - FINE_BITS)) & ((1 << FINE_BITS) - 1));
    }

    static int binLow(int code) {
        if (code < 1 << FINE_BITS) {
            return code;
        }
        int e = (code >>> FINE_BITS) + FINE_BITS - 1;
        return ((1 << FINE_BITS) | (code & ((1 << FINE_BITS) - 1))) << (e - FINE_BITS);
    }

    static int binHigh(int code) {
        if (code < 1 << FINE_BITS) {
            return code;
        }
        int e = (code >>> FINE_BITS) + FINE_BITS - 1;
        long hi = (long) binLow(code) + (1L << (e - FINE_BITS)) - 1;
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

    /** The exact fixed-point box sum S at {@code frame} (recomputed: O(w)). */
    public int sum(long frame) {
        int[] one = new int[1];
        sums(frame, 1, one);
        return one[0];
    }

    /**
     * Writes the exact box sums of frames [startFrame, startFrame + count) into {@code dst[0 … count)},
     * recomputed from the recording in O(count + w) (for drawing the envelope).
     */
    public void sums(long startFrame, int count, int[] dst) {
        if (startFrame < 0 || count < 0 || startFrame + count > frames || count > dst.length) {
            throw new IndexOutOfBoundsException("frames [" + startFrame + ", " + (startFrame + count)
                    + ") outside [0, " + frames + ") or longer than the destination");
        }
        if (count > 0) {
            sums.fork().read(startFrame, count, dst);
        }
    }

    /**
     * The largest envelope value (full scale = 1) in each of {@code columns} columns of {@code framesPerColumn}
     * frames from {@code startFrame}, for drawing: exact when a column spans fewer than two summary blocks (the sums
     * of the visible frames are recomputed in one pass), else the maximum of the blocks it touches (at most one block,
     * {@value #L1} frames, wider). Columns outside the recording get NaN.
     */
    public float[] columnMaxima(double startFrame, double framesPerColumn, int columns) {
        return EnvelopeColumns.maxima(this, startFrame, framesPerColumn, columns);
    }

    /** The largest box sum of summary block {@code block} ({@value #L1} frames). */
    int blockMax(int block) {
        return l1Max[block];
    }

    /** A reader of the exact box sums for one thread. */
    BoxSums sumsReader() {
        return sums.fork();
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
        long[] ranks = ranks(percentile);
        return lerp(orderStatistic(ranks[0]), orderStatistic(ranks[1]), fraction(percentile));
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
        int bin = binOfRank(k);
        if (binLow(bin) == binHigh(bin)) {
            return binLow(bin);
        }
        int[] values = binValues(bin);
        return values[(int) (k - cumulative[bin])];
    }

    /** The histogram bin holding the k-th smallest box sum. */
    private int binOfRank(long k) {
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
        return lo;
    }

    /** The k-th smallest box sum if it is known without a scan (single-valued or cached bin), else -1. */
    private synchronized int knownOrderStatistic(long k) {
        int bin = binOfRank(k);
        if (binLow(bin) == binHigh(bin)) {
            return binLow(bin);
        }
        int[] values = binCache.get(bin);
        return values == null ? -1 : values[(int) (k - cumulative[bin])];
    }

    /**
     * {@link #percentileSum(double)} when it is known without scanning the recording (its order statistics
     * lie in single-valued or cached histogram bins), else NaN.
     */
    public double knownPercentileSum(double percentile) {
        if (frames == 0) {
            return 0;
        }
        long[] ranks = ranks(percentile);
        int a = knownOrderStatistic(ranks[0]);
        int b = a < 0 ? -1 : knownOrderStatistic(ranks[1]);
        return b < 0 ? Double.NaN : lerp(a, b, fraction(percentile));
    }

    private long[] ranks(double percentile) {
        double g = (frames - 1) * (percentile / 100.0);
        long k = Math.max(0, Math.min(frames - 1, (long) Math.floor(g)));
        return new long[] {k, Math.min(frames - 1, k + 1)};
    }

    private double fraction(double percentile) {
        double g = (frames - 1) * (percentile / 100.0);
        return g - Math.floor(g);
    }

    /**
     * Reports the maximal runs at or above the percentile's threshold ({@code ceil(percentileSum(p))}) and
     * returns {@code percentileSum(p)}, in one pass over the recording: the blocks that may hold the
     * percentile's histogram bins are recomputed once, their in-bin values both give the exact order
     * statistics and, once the threshold is known, decide the frames whose side was still open.
     */
    public double forEachRunAtPercentile(double percentile, RunSink sink) {
        double known = knownPercentileSum(percentile);
        if (!Double.isNaN(known)) {
            forEachRun((long) Math.ceil(known), sink);
            return known;
        }
        long[] ranks = ranks(percentile);
        int binA = binOfRank(ranks[0]);
        int binB = binOfRank(ranks[1]);
        int lo = binLow(binA);
        int hi = binHigh(binB);
        int chunks = (l1Min.length + CHUNK_BLOCKS - 1) / CHUNK_BLOCKS;
        EnvelopeScan[] parts = SharedChunks.run(chunks, c -> EnvelopeScan.scan(this, c, lo, hi), executor,
                new EnvelopeScan[chunks]);
        long total = cumulative[binB + 1] - cumulative[binA];
        int[] values = new int[(int) Math.min(total, Integer.MAX_VALUE - 8)];
        int n = 0;
        for (EnvelopeScan part : parts) {
            if (n + part.ambiguous > values.length) {
                throw new IllegalStateException("the recording changed since its envelope was computed");
            }
            System.arraycopy(part.values, 0, values, n, part.ambiguous);
            n += part.ambiguous;
        }
        if (n != total) {
            throw new IllegalStateException("the recording changed since its envelope was computed");
        }
        Arrays.sort(values);
        int countA = (int) (cumulative[binA + 1] - cumulative[binA]);
        synchronized (this) {
            binCache.put(binA, Arrays.copyOf(values, countA));
            if (binB != binA) {
                binCache.put(binB, Arrays.copyOfRange(values, countA, values.length));
            }
        }
        double thresholdSum = lerp(values[(int) (ranks[0] - cumulative[binA])],
                values[(int) (ranks[1] - cumulative[binA])], fraction(percentile));
        long t = (long) Math.ceil(thresholdSum);
        EnvelopeScan.emit(parts, t, sink);
        return thresholdSum;
    }

    private synchronized int[] binValues(int bin) {
        int[] cached = binCache.get(bin);
        if (cached != null) {
            return cached;
        }
        int lo = binLow(bin);
        int hi = binHigh(bin);
        int chunks = (l1Min.length + CHUNK_BLOCKS - 1) / CHUNK_BLOCKS;
        int[][] parts = SharedChunks.run(chunks, c -> collect(c, lo, hi), executor, new int[chunks][]);
        int[] out = new int[(int) (cumulative[bin + 1] - cumulative[bin])];
        int n = 0;
        for (int[] part : parts) {
            int len = part[0];
            if (n + len > out.length) {
                throw new IllegalStateException("the recording changed since its envelope was computed");
            }
            System.arraycopy(part, 1, out, n, len);
            n += len;
        }
        if (n != out.length) {
            throw new IllegalStateException("the recording changed since its envelope was computed");
        }
        Arrays.sort(out);
        binCache.put(bin, out);
        return out;
    }

    /** The values in [lo, hi] of one chunk of blocks, as {count, values…}. */
    private int[] collect(int chunk, int lo, int hi) {
        BoxSums reader = sums.fork();
        int[] buf = new int[STRETCH_BLOCKS * L1];
        int[] out = new int[1 + 64];
        int n = 0;
        int b = chunk * CHUNK_BLOCKS;
        int endBlock = Math.min(l1Min.length, b + CHUNK_BLOCKS);
        while (b < endBlock) {
            if (l1Min[b] > hi || l1Max[b] < lo) {
                b++;
                continue;
            }
            int e = b + 1;
            while (e < endBlock && e - b < STRETCH_BLOCKS && l1Min[e] <= hi && l1Max[e] >= lo) {
                e++;
            }
            long start = (long) b << L1_BITS;
            int len = (int) (Math.min(frames, (long) e << L1_BITS) - start);
            reader.read(start, len, buf);
            for (int i = 0; i < len; i++) {
                int v = buf[i];
                if (v >= lo && v <= hi) {
                    if (n + 2 > out.length) {
                        out = Arrays.copyOf(out, out.length * 2);
                    }
                    out[++n] = v;
                }
            }
            b = e;
        }
        out[0] = n;
        return out;
    }

    /** Receives maximal runs [startFrame, endFrame) in increasing order. */
    @FunctionalInterface
    public interface RunSink {
        void run(long startFrame, long endFrame);
    }

    /**
     * Reports the maximal runs of frames with box sum ≥ {@code thresholdSum}, in order. Blocks entirely
     * above or below the threshold are decided from their minimum and maximum; only blocks that straddle it
     * are recomputed.
     */
    public void forEachRun(long thresholdSum, RunSink sink) {
        if (thresholdSum > Integer.MAX_VALUE || frames == 0) {
            return;
        }
        int t = (int) Math.max(thresholdSum, 0);
        int chunks = (l1Min.length + CHUNK_BLOCKS - 1) / CHUNK_BLOCKS;
        EnvelopeScan[] parts = SharedChunks.run(chunks, c -> EnvelopeScan.scan(this, c, t, t - 1), executor,
                new EnvelopeScan[chunks]);
        EnvelopeScan.emit(parts, t, sink);
    }

    int[] l1Min() {
        return l1Min;
    }

    int[] l1Max() {
        return l1Max;
    }

    BoxSums sums() {
        return sums;
    }

    @Override
    public void close() {
        if (store != null) {
            store.close();
        }
    }
}
