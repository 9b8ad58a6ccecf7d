package org.echoic.segment;

import java.util.Arrays;

/**
 * One chunk's maximal runs of frames ≥ lo (in order, the last one ending at the chunk's end when open),
 * with the frames whose sums lie in [lo, hi] (positions and values, in order); hi = lo - 1 for none.
 */
final class EnvelopeScan {
    long[] runs = new long[64];
    int runCount;
    long[] positions = new long[0];
    int[] values = new int[0];
    int ambiguous;

    void run(long start, long end) {
        if (2 * runCount + 2 > runs.length) {
            runs = Arrays.copyOf(runs, runs.length * 2);
        }
        runs[2 * runCount] = start;
        runs[2 * runCount++ + 1] = end;
    }

    void undecided(long position, int value) {
        if (ambiguous == values.length) {
            values = Arrays.copyOf(values, Math.max(64, 2 * ambiguous));
            positions = Arrays.copyOf(positions, values.length);
        }
        positions[ambiguous] = position;
        values[ambiguous++] = value;
    }

    /** Scans chunk {@code chunk} of blocks of {@code env}: runs of frames ≥ lo, and the frames in [lo, hi]. */
    static EnvelopeScan scan(Envelope env, int chunk, int lo, int hi) {
        EnvelopeScan out = new EnvelopeScan();
        BoxSums reader = null;
        int[] buf = null;
        long runStart = -1;
        int b = chunk * Envelope.CHUNK_BLOCKS;
        int endBlock = Math.min(env.l1Min().length, b + Envelope.CHUNK_BLOCKS);
        while (b < endBlock) {
            long start = (long) b << Envelope.L1_BITS;
            if (env.l1Max()[b] < lo) {
                if (runStart >= 0) {
                    out.run(runStart, start);
                    runStart = -1;
                }
                b++;
                continue;
            }
            if (env.l1Min()[b] > hi) {
                if (runStart < 0) {
                    runStart = start;
                }
                b++;
                continue;
            }
            int e = b + 1;
            while (e < endBlock && e - b < Envelope.STRETCH_BLOCKS && env.l1Min()[e] <= hi && env.l1Max()[e] >= lo) {
                e++;
            }
            if (reader == null) {
                reader = env.sums().fork();
                buf = new int[Envelope.STRETCH_BLOCKS * Envelope.L1];
            }
            int len = (int) (Math.min(env.frames(), (long) e << Envelope.L1_BITS) - start);
            reader.read(start, len, buf);
            int i = 0;
            while (i < len) {
                if (runStart < 0) {
                    while (i < len && buf[i] < lo) {
                        i++;
                    }
                    if (i < len) {
                        runStart = start + i;
                    }
                } else {
                    while (i < len && buf[i] >= lo) {
                        i++;
                    }
                    if (i < len) {
                        out.run(runStart, start + i);
                        runStart = -1;
                    }
                }
            }
            if (hi >= lo) {
                for (int k = 0; k < len; k++) {
                    int v = buf[k];
                    if (v >= lo && v <= hi) {
                        out.undecided(start + k, v);
                    }
                }
            }
            b = e;
        }
        if (runStart >= 0) {
            out.run(runStart, Math.min(env.frames(), (long) endBlock << Envelope.L1_BITS));
        }
        return out;
    }

    /** Feeds the chunks' runs to the sink in order, cutting out undecided frames below t and joining across chunks. */
    static void emit(EnvelopeScan[] parts, long t, Envelope.RunSink sink) {
        long pendingStart = -1;
        long pendingEnd = -1;
        for (EnvelopeScan part : parts) {
            int h = 0;
            for (int i = 0; i < part.runCount; i++) {
                long runStart = part.runs[2 * i];
                long runEnd = part.runs[2 * i + 1];
                while (true) {
                    while (h < part.ambiguous && part.positions[h] < runEnd && part.values[h] >= t) {
                        h++;
                    }
                    long cut = h < part.ambiguous && part.positions[h] < runEnd ? part.positions[h] : runEnd;
                    if (cut > runStart) {
                        if (pendingStart >= 0 && runStart == pendingEnd) {
                            pendingEnd = cut;
                        } else {
                            if (pendingStart >= 0) {
                                sink.run(pendingStart, pendingEnd);
                            }
                            pendingStart = runStart;
                            pendingEnd = cut;
                        }
                    }
                    if (cut == runEnd) {
                        break;
                    }
                    runStart = cut + 1;
                    h++;
                }
            }
        }
        if (pendingStart >= 0) {
            sink.run(pendingStart, pendingEnd);
        }
    }
}
