package org.echoic.segment;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.concurrent.Executor;
import java.util.function.DoubleConsumer;

import org.echoic.audio.Recording;

/**
 * Live segmentation of one recording for a tuning UI. It caches one {@link Envelope} (for one
 * {@link EnvelopeSpec}) and the threshold runs of the last few thresholds, so that
 * {@link #segments(SegmentationParams)} is fast when only the percentile/dBFS threshold, spacing, lengths
 * or buffer changed: no envelope is recomputed and nothing is sorted; a threshold change scans only the
 * envelope blocks that straddle the threshold, and a change of spacing, lengths or buffer only re-walks
 * the cached runs. A change of window, channel or band needs {@link #computeEnvelope} (a background job
 * with progress that stops on interruption).
 *
 * <p>Thread-safety: all methods may be called from any thread; {@code computeEnvelope} computes without
 * holding the lock, so a UI can keep segmenting with the old envelope meanwhile. The recording is not
 * closed by this model.
 */
public final class SegmentationModel implements AutoCloseable {
    /** Threshold runs are cached when there are at most this many. */
    static final int MAX_CACHED_RUNS = 2_000_000;

    private final Recording recording;
    /** Run lists of this many recent thresholds are kept (at most {@link #MAX_CACHED_RUNS} runs in all). */
    static final int CACHED_THRESHOLDS = 6;

    private Envelope envelope;
    /** Threshold sum → its runs {start0, end0, …} of the current envelope, least recently used first. */
    private final LinkedHashMap<Long, long[]> runCache = new LinkedHashMap<>(16, 0.75f, true);
    private long cachedRuns;

    public SegmentationModel(Recording recording) {
        this.recording = recording;
    }

    public Recording recording() {
        return recording;
    }

    /** True when the cached envelope was computed for {@code spec} (so segmenting with it is fast). */
    public synchronized boolean hasEnvelope(EnvelopeSpec spec) {
        return envelope != null && envelope.spec().equals(spec);
    }

    /** The cached envelope, or {@code null} before the first {@link #computeEnvelope}. */
    public synchronized Envelope envelope() {
        return envelope;
    }

    /**
     * Computes and caches the envelope for {@code spec} unless it is already cached (see
     * {@link EnvelopeJob#compute}); the previous envelope is released.
     */
    public Envelope computeEnvelope(EnvelopeSpec spec, Executor executor, DoubleConsumer progress)
            throws InterruptedException, IOException {
        synchronized (this) {
            if (hasEnvelope(spec)) {
                return envelope;
            }
        }
        Envelope fresh = EnvelopeJob.compute(recording, spec, executor, progress);
        synchronized (this) {
            Envelope old = envelope;
            envelope = fresh;
            runCache.clear();
            cachedRuns = 0;
            if (old != null) {
                old.close();
            }
            return fresh;
        }
    }

    /** Segments with {@code params}, computing the envelope first when its spec differs from the cached one. */
    public SegmentationResult segments(SegmentationParams params, Executor executor, DoubleConsumer progress)
            throws InterruptedException, IOException {
        computeEnvelope(params.envelopeSpec(), executor, progress);
        return segments(params);
    }

    /**
     * Segments with {@code params} from the cached envelope (fast path).
     *
     * @throws IllegalStateException when no envelope for {@code params.envelopeSpec()} is cached
     */
    public synchronized SegmentationResult segments(SegmentationParams params) {
        if (!hasEnvelope(params.envelopeSpec())) {
            throw new IllegalStateException("no envelope for " + params.envelopeSpec() + ": call computeEnvelope first");
        }
        Envelope env = envelope;
        double thresholdSum = params.usesAbsoluteThreshold() || params.usesNoiseThreshold()
                ? thresholdSum(env, params) : env.knownPercentileSum(params.thresholdPercentile());
        RunSegmenter seg = RunSegmenter.of(params, env.frames(), env.sampleRateHz());
        if (Double.isNaN(thresholdSum)) {
            RunCache cache = new RunCache(seg);
            thresholdSum = env.forEachRunAtPercentile(params.thresholdPercentile(), cache);
            keep(env, cache, (long) Math.ceil(Math.min(thresholdSum, 1e18)));
            return seg.finish(thresholdSum / env.sumPerUnit(), params);
        }
        long t = (long) Math.ceil(Math.min(thresholdSum, 1e18));
        long[] runs = runCache.get(t);
        if (runs != null) {
            for (int i = 0; i < runs.length; i += 2) {
                seg.run(runs[i], runs[i + 1]);
            }
        } else {
            RunCache cache = new RunCache(seg);
            env.forEachRun(t, cache);
            keep(env, cache, t);
        }
        return seg.finish(thresholdSum / env.sumPerUnit(), params);
    }

    private void keep(Envelope env, RunCache cache, long t) {
        if (env != envelope || cache.count < 0) {
            return;
        }
        long[] runs = Arrays.copyOf(cache.buf, 2 * cache.count);
        runCache.put(t, runs);
        cachedRuns += cache.count;
        var eldest = runCache.entrySet().iterator();
        while (runCache.size() > CACHED_THRESHOLDS || cachedRuns > MAX_CACHED_RUNS && runCache.size() > 1) {
            cachedRuns -= eldest.next().getValue().length / 2;
            eldest.remove();
        }
    }

    /** Passes runs on to a segmenter and keeps up to {@link #MAX_CACHED_RUNS} of them. */
    private static final class RunCache implements Envelope.RunSink {
        private final RunSegmenter seg;
        long[] buf = new long[1024];
        int count;

        RunCache(RunSegmenter seg) {
            this.seg = seg;
        }

        @Override
        public void run(long s, long e) {
            seg.run(s, e);
            if (count < 0) {
                return;
            }
            if (count == MAX_CACHED_RUNS) {
                count = -1;
                buf = null;
                return;
            }
            if (2 * count + 2 > buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            buf[2 * count] = s;
            buf[2 * count + 1] = e;
            count++;
        }
    }

    /**
     * The threshold of {@code params} as a box sum of {@code env} (dBFS, dB above the noise floor, or percentile),
     * before rounding up. The noise floor is the envelope's {@value SegmentationParams#NOISE_PERCENTILE}th
     * percentile (at least one quantisation step, so a digitally silent floor still gives a threshold).
     */
    public static double thresholdSum(Envelope env, SegmentationParams params) {
        if (params.usesAbsoluteThreshold()) {
            return Math.pow(10, params.thresholdDbfs() / 20) * env.sumPerUnit();
        }
        if (params.usesNoiseThreshold()) {
            double floor = Math.max(1, env.percentileSum(SegmentationParams.NOISE_PERCENTILE));
            return floor * Math.pow(10, params.aboveNoiseDb() / 20);
        }
        return env.percentileSum(params.thresholdPercentile());
    }

    @Override
    public synchronized void close() {
        if (envelope != null) {
            envelope.close();
            envelope = null;
        }
        runCache.clear();
        cachedRuns = 0;
    }
}
