package org.echoic.audio;

import java.util.function.DoubleConsumer;

/**
 * A min/max/RMS summary of one channel (or the mean, {@link Recording#MEAN_CHANNEL}) of a recording, at several
 * resolutions: level 0 holds one bin per {@link #baseBinFrames()} frames, each further level is 4× coarser, up to a
 * level with a single bin. The base bin size is chosen from the length so that the whole pyramid stays below
 * {@link #MAX_BYTES} whatever the length (a 24-hour file at 44.1 kHz uses bins of 4096 frames).
 *
 * <p>Filled by {@link #run(DoubleConsumer)} (on a worker thread, front to back) and readable while it fills: the
 * bins that cover frames before {@link #validFrames()} are complete. The writer fills every level for a block before
 * publishing the new watermark through a volatile field, so a reader that reads the watermark first sees complete
 * bins below it. Safe for one writer and any number of concurrent readers.
 */
public final class SummaryPyramid {
    /** Upper bound on the heap the summary arrays of one pyramid take, in bytes. */
    public static final long MAX_BYTES = 16L << 20;
    /** The smallest base bin, in frames. */
    public static final int MIN_BASE_BIN_FRAMES = 16;
    /** Frames read per block while building. */
    static final int BLOCK_FRAMES = 1 << 16;
    private static final int BYTES_PER_BIN = 12;

    private final Recording recording;
    private final int channel;
    private final long frames;
    private final int baseBinFrames;
    private final float[][] min;
    private final float[][] max;
    private final float[][] rms;
    /** Number of complete base bins; the publication point of everything the builder wrote. */
    private volatile int baseBinsDone;

    private SummaryPyramid(Recording recording, int channel) {
        if (channel != Recording.MEAN_CHANNEL && (channel < 0 || channel >= recording.channels())) {
            throw new IllegalArgumentException("channel " + channel + " of " + recording.channels());
        }
        this.recording = recording;
        this.channel = channel;
        this.frames = recording.frames();
        this.baseBinFrames = chooseBaseBinFrames(frames);
        int levels = 1;
        long bins = binsFor(frames, baseBinFrames);
        while (bins > 1) {
            bins = (bins + 3) / 4;
            levels++;
        }
        min = new float[levels][];
        max = new float[levels][];
        rms = new float[levels][];
        long n = binsFor(frames, baseBinFrames);
        for (int l = 0; l < levels; l++) {
            min[l] = new float[(int) n];
            max[l] = new float[(int) n];
            rms[l] = new float[(int) n];
            n = (n + 3) / 4;
        }
    }

    /** An empty pyramid for one channel of {@code recording}; call {@link #run} to fill it. */
    public static SummaryPyramid create(Recording recording, int channel) {
        return new SummaryPyramid(recording, channel);
    }

    /** The base bin size for a recording of {@code frames} frames: a power of two keeping the pyramid under MAX_BYTES. */
    public static int chooseBaseBinFrames(long frames) {
        long maxBaseBins = MAX_BYTES * 3 / (4 * BYTES_PER_BIN);
        int b = MIN_BASE_BIN_FRAMES;
        while (binsFor(frames, b) > maxBaseBins) {
            b <<= 1;
        }
        return b;
    }

    private static long binsFor(long frames, long binFrames) {
        return Math.max(1, (frames + binFrames - 1) / binFrames);
    }

    /**
     * Reads the recording front to back in large blocks and fills every level, publishing progress as it goes.
     *
     * @param progress receives the fraction done in [0, 1] after each block (on the calling thread)
     * @throws InterruptedException when the calling thread is interrupted; the pyramid stays partly filled
     */
    public void run(DoubleConsumer progress) throws InterruptedException {
        float[] block = new float[Math.max(BLOCK_FRAMES, baseBinFrames)];
        int bin = baseBinsDone;
        long start = (long) bin * baseBinFrames;
        while (start < frames) {
            if (Thread.interrupted()) {
                throw new InterruptedException("summary of " + recording.path() + " cancelled");
            }
            int n = (int) Math.min(block.length, frames - start);
            recording.read(start, n, channel, block, 0);
            for (int off = 0; off < n; off += baseBinFrames, bin++) {
                summarizeSamples(block, off, Math.min(n, off + baseBinFrames), bin);
            }
            start += n;
            fillUpperLevels(bin);
            baseBinsDone = bin;
            progress.accept((double) start / frames);
        }
        if (frames == 0) {
            baseBinsDone = min[0].length;
        }
        progress.accept(1.0);
    }

    private void summarizeSamples(float[] block, int from, int to, int bin) {
        float lo = block[from];
        float hi = lo;
        float sumSquares = 0;
        for (int i = from; i < to; i++) {
            float v = block[i];
            lo = v < lo ? v : lo;
            hi = v > hi ? v : hi;
            sumSquares += v * v;
        }
        min[0][bin] = lo;
        max[0][bin] = hi;
        rms[0][bin] = (float) Math.sqrt(sumSquares / (to - from));
    }

    /** Fills the bins of levels 1… whose children are all complete once {@code doneBase} base bins are. */
    private void fillUpperLevels(int doneBase) {
        int childDone = doneBase;
        for (int l = 1; l < min.length; l++) {
            int childBins = min[l - 1].length;
            int from = doneBinsAtLevel(baseBinsDone, l);
            int to = childDone == childBins ? min[l].length : childDone / 4;
            long childFrames = (long) baseBinFrames << (2 * (l - 1));
            for (int b = from; b < to; b++) {
                int c0 = 4 * b;
                int c1 = Math.min(childBins, c0 + 4);
                float lo = Float.POSITIVE_INFINITY;
                float hi = Float.NEGATIVE_INFINITY;
                double sumSquares = 0;
                long count = 0;
                for (int c = c0; c < c1; c++) {
                    lo = Math.min(lo, min[l - 1][c]);
                    hi = Math.max(hi, max[l - 1][c]);
                    long n = Math.min(childFrames, frames - c * childFrames);
                    double r = rms[l - 1][c];
                    sumSquares += r * r * n;
                    count += n;
                }
                min[l][b] = lo;
                max[l][b] = hi;
                rms[l][b] = (float) Math.sqrt(sumSquares / Math.max(1, count));
            }
            childDone = to;
        }
    }

    /** Complete bins at {@code level} when {@code base} base bins are complete. */
    private int doneBinsAtLevel(int base, int level) {
        return base == min[0].length ? min[level].length : base >> (2 * level);
    }

    public Recording recording() {
        return recording;
    }

    /** The summarised channel, or {@link Recording#MEAN_CHANNEL}. */
    public int channel() {
        return channel;
    }

    public long frames() {
        return frames;
    }

    /** Frames per bin at level 0. */
    public int baseBinFrames() {
        return baseBinFrames;
    }

    public int levels() {
        return min.length;
    }

    /** Frames per bin at {@code level} (the last bin of a level may hold fewer). */
    public long binFrames(int level) {
        return (long) baseBinFrames << (2 * level);
    }

    /** Number of bins at {@code level}. */
    public int bins(int level) {
        return min[level].length;
    }

    /** The bins of every level covering frames before this position are complete (published). */
    public long validFrames() {
        int done = baseBinsDone;
        return done == min[0].length ? frames : (long) done * baseBinFrames;
    }

    /** Complete bins at {@code level} now (read this before reading the bins). */
    public int validBins(int level) {
        return doneBinsAtLevel(baseBinsDone, level);
    }

    public boolean isComplete() {
        return baseBinsDone == min[0].length;
    }

    public float min(int level, int bin) {
        return min[level][bin];
    }

    public float max(int level, int bin) {
        return max[level][bin];
    }

    public float rms(int level, int bin) {
        return rms[level][bin];
    }

    /** Heap taken by the summary arrays, in bytes. */
    public long sizeBytes() {
        long bins = 0;
        for (float[] level : min) {
            bins += level.length;
        }
        return bins * BYTES_PER_BIN;
    }

    /**
     * The exact minimum and maximum of frames [startFrame, endFrame): whole bins from the coarsest levels that fit,
     * raw samples at the ragged ends. Needs the range to be within {@link #validFrames()}.
     *
     * @return {min, max}
     */
    public float[] minMax(long startFrame, long endFrame) {
        if (startFrame < 0 || endFrame > validFrames() || startFrame >= endFrame) {
            throw new IllegalArgumentException("range [" + startFrame + ", " + endFrame + ") not within the summarised [0, "
                    + validFrames() + ")");
        }
        float[] out = {Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
        long first = (startFrame + baseBinFrames - 1) / baseBinFrames;
        long last = endFrame == frames ? bins(0) : endFrame / baseBinFrames;
        if (first >= last) {
            rawMinMax(startFrame, endFrame, out);
            return out;
        }
        rawMinMax(startFrame, first * baseBinFrames, out);
        rawMinMax(last * baseBinFrames, endFrame, out);
        binMinMax(0, (int) first, (int) last, out);
        return out;
    }

    private void binMinMax(int level, int first, int last, float[] out) {
        if (level == levels() - 1) {
            while (first < last) {
                accumulate(level, first++, out);
            }
            return;
        }
        while (first < last && (first & 3) != 0) {
            accumulate(level, first++, out);
        }
        while (first < last && (last & 3) != 0 && last != bins(level)) {
            accumulate(level, --last, out);
        }
        if (first < last) {
            binMinMax(level + 1, first / 4, last == bins(level) ? bins(level + 1) : last / 4, out);
        }
    }

    private void accumulate(int level, int bin, float[] out) {
        out[0] = Math.min(out[0], min[level][bin]);
        out[1] = Math.max(out[1], max[level][bin]);
    }

    private void rawMinMax(long from, long to, float[] out) {
        float[] buf = new float[(int) Math.min(BLOCK_FRAMES, Math.max(0, to - from))];
        for (long s = from; s < to; s += buf.length) {
            int n = (int) Math.min(buf.length, to - s);
            recording.read(s, n, channel, buf, 0);
            for (int i = 0; i < n; i++) {
                out[0] = Math.min(out[0], buf[i]);
                out[1] = Math.max(out[1], buf[i]);
            }
        }
    }
}
