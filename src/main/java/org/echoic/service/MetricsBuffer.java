package org.echoic.service;

import java.util.ArrayList;
import java.util.List;

import org.echoic.train.BatchMetrics;
import org.echoic.train.EpochMetrics;

/**
 * Training metrics handed from the model thread to a UI that drains them a few times per second. Batch points
 * are coalesced: when more than {@code maxPending} wait, neighbouring pairs are merged (frame-weighted means), so
 * a slow reader gets a bounded, evenly thinned list and never one event per batch. Epoch points are kept
 * whole. Thread-safe (one lock, held only for list operations).
 */
public final class MetricsBuffer {
    /**
     * One (possibly merged) batch point.
     *
     * @param position       epochs done at the end of the batch (epoch + (batch + 1) / batchesPerEpoch)
     * @param cost           CD cost, frame-weighted mean over merged batches (NaN if all were skipped)
     * @param reconstruction reconstruction monitor, frame-weighted mean (NaN if all were skipped)
     * @param frames         real frames of the merged batches that had a finite cost
     * @param batches        batches merged into this point
     */
    public record BatchPoint(double position, double cost, double reconstruction, long frames, int batches) {
        static BatchPoint of(BatchMetrics m) {
            double pos = m.epoch() + (m.batch() + 1) / (double) Math.max(1, m.batchesPerEpoch());
            return m.skipped() ? new BatchPoint(pos, Double.NaN, Double.NaN, 0, 1)
                    : new BatchPoint(pos, m.cost(), m.reconstruction(), m.frames(), 1);
        }

        BatchPoint merge(BatchPoint later) {
            long n = frames + later.frames;
            double c = n == 0 ? Double.NaN : (weighted(cost, frames) + weighted(later.cost, later.frames)) / n;
            double r = n == 0 ? Double.NaN
                    : (weighted(reconstruction, frames) + weighted(later.reconstruction, later.frames)) / n;
            return new BatchPoint(later.position, c, r, n, batches + later.batches);
        }

        private static double weighted(double v, long w) {
            return w == 0 ? 0 : v * w;
        }
    }

    /** What one {@link #drain()} returns: the batch and epoch points since the previous drain. */
    public record Drained(List<BatchPoint> batches, List<EpochMetrics> epochs) {
        public boolean isEmpty() {
            return batches.isEmpty() && epochs.isEmpty();
        }
    }

    private final int maxPending;
    private List<BatchPoint> batches = new ArrayList<>();
    private List<EpochMetrics> epochs = new ArrayList<>();
    private long batchCount;

    /** @param maxPending batch points kept between drains before pairs are merged (≥ 2) */
    public MetricsBuffer(int maxPending) {
        if (maxPending < 2) {
            throw new IllegalArgumentException("maxPending must be at least 2: " + maxPending);
        }
        this.maxPending = maxPending;
    }

    /** Adds a batch (model thread). */
    public synchronized void add(BatchMetrics m) {
        batchCount++;
        batches.add(BatchPoint.of(m));
        if (batches.size() > maxPending) {
            List<BatchPoint> merged = new ArrayList<>(batches.size() / 2 + 1);
            for (int i = 0; i + 1 < batches.size(); i += 2) {
                merged.add(batches.get(i).merge(batches.get(i + 1)));
            }
            if (batches.size() % 2 == 1) {
                merged.add(batches.get(batches.size() - 1));
            }
            batches = merged;
        }
    }

    /** Adds an epoch (model thread). */
    public synchronized void add(EpochMetrics m) {
        epochs.add(m);
    }

    /** Everything added since the previous drain, oldest first; the buffer is left empty. */
    public synchronized Drained drain() {
        Drained d = new Drained(List.copyOf(batches), List.copyOf(epochs));
        batches = new ArrayList<>();
        epochs = new ArrayList<>();
        return d;
    }

    /** Batches added since this buffer was made (merged or not). */
    public synchronized long batchCount() {
        return batchCount;
    }
}
