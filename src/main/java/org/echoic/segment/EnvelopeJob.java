package org.echoic.segment;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleConsumer;

import org.echoic.audio.Recording;

/**
 * Computes an {@link Envelope} (SEGMENTATION.md step 1) from a recording in one streaming pass, in blocks
 * of {@value #BLOCK} frames: rectify, quantise to fixed point, centred running box sum with reflection at
 * the edges, keeping only the per-block minima and maxima and the histogram (the sums are recomputed from
 * the recording when a scan needs them). With a band or a high-pass, the filtered sums ({@link BandPassRecording})
 * are stored instead, since they depend on the read alignment. A high-pass at or above Nyquist is ignored. Starts no thread: with an executor, the second
 * half of the recording is computed on it while the caller computes the first, and the envelope's later
 * scans share their work with it the same way. Reports progress (0–1) and stops with
 * {@link InterruptedException} when the calling thread is interrupted. Stateless; thread-safe.
 */
public final class EnvelopeJob {
    static final int BLOCK = 1 << 16;

    private EnvelopeJob() {
    }

    /**
     * Computes the envelope of {@code recording} for {@code spec}.
     *
     * @param executor runs the second half in parallel (and later scans), or {@code null} for the caller only
     * @param progress receives the fraction done (may be called from the executor's thread), or {@code null}
     * @throws IllegalArgumentException for a channel the recording does not have or a band above Nyquist
     */
    public static Envelope compute(Recording recording, EnvelopeSpec spec, Executor executor,
                                   DoubleConsumer progress) throws InterruptedException, IOException {
        return compute(recording, spec, executor, progress, IntStore.HEAP_LIMIT, IntStore.CHUNK_BITS);
    }

    /** As {@link #compute(Recording, EnvelopeSpec, Executor, DoubleConsumer)} with a chosen store layout (tests). */
    static Envelope compute(Recording recording, EnvelopeSpec spec, Executor executor, DoubleConsumer progress,
                            long heapLimit, int chunkBits) throws InterruptedException, IOException {
        if (spec.channel() >= recording.channels()) {
            throw new IllegalArgumentException(recording.path() + ": channel " + spec.channel()
                    + " does not exist (the recording has " + recording.channels() + ")");
        }
        Recording source = recording;
        int channel = spec.channel();
        if (spec.hasBand()) {
            source = new BandPassRecording(recording, channel, spec.bandLowHz(), spec.bandHighHz());
            channel = 0;
        } else if (spec.hasHighPass() && spec.highPassHz() < recording.sampleRateHz() / 2) {
            source = new BandPassRecording(recording, channel, spec.highPassHz(), Double.POSITIVE_INFINITY);
            channel = 0;
        }
        boolean filtered = source != recording;
        double rate = recording.sampleRateHz();
        long n = recording.frames();
        int w = spec.windowFrames(rate);
        long q = Envelope.scaleFor(w);
        IntStore store = filtered ? new IntStore(n, heapLimit, chunkBits) : null;
        BoxSums sums = BoxSums.fromAudio(source, channel, w, q);
        boolean ok = false;
        try {
            int nL1 = (int) ((n + Envelope.L1 - 1) >>> Envelope.L1_BITS);
            int[] l1Min = new int[nL1];
            int[] l1Max = new int[nL1];
            long blocks = (n + BLOCK - 1) / BLOCK;
            long split = executor == null || blocks < 2 ? blocks : blocks / 2;
            AtomicLong done = new AtomicLong();
            Worker first = new Worker(sums, n, store, l1Min, l1Max, done, progress);
            Worker second = new Worker(sums.fork(), n, store, l1Min, l1Max, done, progress);
            CompletableFuture<Void> other = null;
            if (split < blocks) {
                other = CompletableFuture.runAsync(() -> second.blocks(split, blocks), executor);
            }
            try {
                first.blocks(0, split);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                if (other != null) {
                    other.get();
                }
            } catch (InterruptedException e) {
                second.cancelled = true;
                throw e;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IOException(e.getCause());
            }
            if (first.cancelled) {
                throw new InterruptedException();
            }
            long[] hist = first.histogram;
            for (int i = 0; i < hist.length; i++) {
                hist[i] += second.histogram[i];
            }
            BoxSums kept = store == null ? sums : BoxSums.fromStore(store);
            Envelope env = new Envelope(spec, rate, n, w, q, kept, store, executor, l1Min, l1Max, hist);
            ok = true;
            if (progress != null) {
                progress.accept(1.0);
            }
            return env;
        } finally {
            if (!ok && store != null) {
                store.close();
            }
        }
    }

    /** Computes a range of blocks' summaries (and stored sums, if any); one per thread. */
    private static final class Worker {
        private final BoxSums sums;
        private final long n;
        private final IntStore store;
        private final int[] l1Min;
        private final int[] l1Max;
        private final AtomicLong done;
        private final DoubleConsumer progress;
        final long[] histogram = new long[Envelope.BINS];
        volatile boolean cancelled;
        private final int[] out = new int[BLOCK];

        Worker(BoxSums sums, long n, IntStore store, int[] l1Min, int[] l1Max, AtomicLong done,
               DoubleConsumer progress) {
            this.sums = sums;
            this.n = n;
            this.store = store;
            this.l1Min = l1Min;
            this.l1Max = l1Max;
            this.done = done;
            this.progress = progress;
        }

        void blocks(long from, long to) {
            for (long b = from; b < to; b++) {
                if (cancelled || Thread.currentThread().isInterrupted()) {
                    cancelled = true;
                    return;
                }
                long start = b * BLOCK;
                int len = (int) Math.min(BLOCK, n - start);
                block(start, len);
                long d = done.addAndGet(len);
                if (progress != null && ((b & 15) == 15 || b == to - 1)) {
                    progress.accept((double) d / n);
                }
            }
        }

        private void block(long start, int len) {
            int[] o = out;
            sums.read(start, len, o);
            if (store != null) {
                store.put(start, o, len);
            }
            long[] hist = histogram;
            int b1 = (int) (start >>> Envelope.L1_BITS);
            for (int i = 0; i < len; i += Envelope.L1, b1++) {
                int end = Math.min(len, i + Envelope.L1);
                int mn = Integer.MAX_VALUE;
                int mx = Integer.MIN_VALUE;
                for (int k = i; k < end; k++) {
                    int v = o[k];
                    mn = Math.min(mn, v);
                    mx = Math.max(mx, v);
                    hist[Envelope.code(v)]++;
                }
                l1Min[b1] = mn;
                l1Max[b1] = mx;
            }
        }
    }
}
