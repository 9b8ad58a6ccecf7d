package org.echoic.segment;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleConsumer;

import org.echoic.audio.Recording;

/**
 * Computes an {@link Envelope} (SEGMENTATION.md step 1) from a recording, reading it in blocks of
 * {@value #BLOCK} frames: band-pass when the spec has a band ({@link BandPassRecording}), rectify,
 * quantise to fixed point, centred running box sum with reflection at the edges. Starts no thread: with
 * an executor, the second half of the recording is computed on it while the caller computes the first.
 * Reports progress (0–1) and stops with {@link InterruptedException} when the calling thread is
 * interrupted. Stateless; thread-safe.
 */
public final class EnvelopeJob {
    static final int BLOCK = 1 << 18;

    private EnvelopeJob() {
    }

    /**
     * Computes the envelope of {@code recording} for {@code spec}.
     *
     * @param executor runs the second half in parallel, or {@code null} to compute everything on the caller
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
        }
        double rate = recording.sampleRateHz();
        long n = recording.frames();
        int w = spec.windowFrames(rate);
        long q = Envelope.scaleFor(w);
        IntStore store = new IntStore(n, heapLimit, chunkBits);
        boolean ok = false;
        try {
            int nL1 = (int) ((n + Envelope.L1 - 1) >>> Envelope.L1_BITS);
            int[] l1Min = new int[nL1];
            int[] l1Max = new int[nL1];
            long blocks = (n + BLOCK - 1) / BLOCK;
            long split = executor == null || blocks < 2 ? blocks : blocks / 2;
            AtomicLong done = new AtomicLong();
            Worker first = new Worker(source, channel, n, w, q, store, l1Min, l1Max, done, progress);
            Worker second = new Worker(source, channel, n, w, q, store, l1Min, l1Max, done, progress);
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
            Envelope env = new Envelope(spec, rate, n, w, q, store, l1Min, l1Max, hist);
            ok = true;
            return env;
        } finally {
            if (!ok) {
                store.close();
            }
        }
    }

    /** Computes a range of blocks into the shared store; one per thread. */
    private static final class Worker {
        private final Recording rec;
        private final int channel;
        private final long n;
        private final int w;
        private final double q;
        private final IntStore store;
        private final int[] l1Min;
        private final int[] l1Max;
        private final AtomicLong done;
        private final DoubleConsumer progress;
        final long[] histogram = new long[Envelope.BINS];
        volatile boolean cancelled;
        private float[] in = new float[0];
        private int[] mags = new int[0];
        private final int[] out = new int[BLOCK];

        Worker(Recording rec, int channel, long n, int w, long q, IntStore store, int[] l1Min, int[] l1Max,
               AtomicLong done, DoubleConsumer progress) {
            this.rec = rec;
            this.channel = channel;
            this.n = n;
            this.w = w;
            this.q = q;
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
                if (progress != null) {
                    progress.accept((double) d / n);
                }
            }
        }

        private void block(long start, int len) {
            int h = w / 2;
            int inLen = len + 2 * h;
            if (in.length < inLen) {
                in = new float[inLen];
                mags = new int[inLen];
            }
            long from = start - h;
            if (from >= 0 && start + len + h <= n) {
                rec.read(from, inLen, channel, in, 0);
            } else {
                readReflected(from, inLen);
            }
            int[] m = mags;
            float[] x = in;
            for (int i = 0; i < inLen; i++) {
                m[i] = (int) (Math.min(Math.abs((double) x[i]), 1.0) * q + 0.5);
            }
            long s = 0;
            for (int i = 0; i < w; i++) {
                s += m[i];
            }
            int[] o = out;
            o[0] = (int) s;
            for (int i = 1; i < len; i++) {
                s += m[i + w - 1] - m[i - 1];
                o[i] = (int) s;
            }
            store.put(start, o, len);
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

        /** Fills {@code in} with frames from, from+1, … mapped by numpy-'reflect' into [0, n). */
        private void readReflected(long from, int inLen) {
            long lo = Long.MAX_VALUE;
            long hi = Long.MIN_VALUE;
            for (int i = 0; i < inLen; i++) {
                long r = Envelope.reflect(from + i, n);
                lo = Math.min(lo, r);
                hi = Math.max(hi, r);
            }
            float[] tmp = new float[(int) (hi - lo + 1)];
            rec.read(lo, tmp.length, channel, tmp, 0);
            for (int i = 0; i < inLen; i++) {
                in[i] = tmp[(int) (Envelope.reflect(from + i, n) - lo)];
            }
        }
    }
}
