package org.echoic.segment;

import org.echoic.audio.Recording;

/**
 * Reads the exact fixed-point box sums S of {@link Envelope} for any frame range. Two kinds: computed afresh
 * from the (memory-mapped) recording, so the envelope itself is never stored, or read from an
 * {@link IntStore} filled once (for sources whose samples depend on the read alignment, like
 * {@link BandPassRecording}). Holds scratch buffers: not thread-safe; {@link #fork()} one per thread.
 */
abstract class BoxSums {

    /** Writes S[start … start+len) into {@code dst[0 … len)}. */
    abstract void read(long start, int len, int[] dst);

    /** An independent reader of the same sums (for another thread). */
    abstract BoxSums fork();

    /** Sums computed from {@code rec}'s {@code channel} with box length {@code w} and scale {@code q}. */
    static BoxSums fromAudio(Recording rec, int channel, int w, long q) {
        return new FromAudio(rec, channel, rec.frames(), w, q);
    }

    /** Sums read from a filled store. */
    static BoxSums fromStore(IntStore store) {
        return new FromStore(store);
    }

    /** The running box sum over rectified, quantised samples with numpy-'reflect' edges. */
    private static final class FromAudio extends BoxSums {
        private final Recording rec;
        private final int channel;
        private final long n;
        private final int w;
        private final double q;
        private float[] in = new float[0];
        private int[] mags = new int[0];

        FromAudio(Recording rec, int channel, long n, int w, double q) {
            this.rec = rec;
            this.channel = channel;
            this.n = n;
            this.w = w;
            this.q = q;
        }

        @Override
        BoxSums fork() {
            return new FromAudio(rec, channel, n, w, q);
        }

        @Override
        void read(long start, int len, int[] dst) {
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
            double scale = q;
            for (int i = 0; i < inLen; i++) {
                m[i] = (int) (Math.min(Math.abs((double) x[i]), 1.0) * scale + 0.5);
            }
            long s = 0;
            for (int i = 0; i < w; i++) {
                s += m[i];
            }
            dst[0] = (int) s;
            for (int i = 1; i < len; i++) {
                s += m[i + w - 1] - m[i - 1];
                dst[i] = (int) s;
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

    /** Sums kept in a store. */
    private static final class FromStore extends BoxSums {
        private final IntStore store;

        FromStore(IntStore store) {
            this.store = store;
        }

        @Override
        BoxSums fork() {
            return this;
        }

        @Override
        void read(long start, int len, int[] dst) {
            store.get(start, len, dst);
        }
    }
}
