package org.echoic.service;

import java.util.ArrayList;
import java.util.List;

/**
 * Training metrics of any {@link TrainableJob}, handed from the model thread to a UI that drains them a few times
 * per second. Batch points are coalesced: when more than {@code maxPending} wait, neighbouring pairs are merged
 * (frame-weighted means of every value), so a slow reader gets a bounded, evenly thinned list and never one event
 * per batch. Epoch points are kept whole. {@link #reset} starts a run with its curve names. Thread-safe (one lock,
 * held only for list operations).
 */
public final class MetricsBuffer {
    /**
     * One (possibly merged) batch point.
     *
     * @param position epochs done at the end of the batch (epoch + (batch + 1) / batchesPerEpoch)
     * @param values   the job's batch values ({@link TrainingCurves#batch()} order), frame-weighted means over
     *                 merged batches (NaN if all were skipped)
     * @param frames   frames of the merged batches that were not skipped
     * @param batches  batches merged into this point
     */
    public record BatchPoint(double position, double[] values, long frames, int batches) {
        static BatchPoint of(TrainingSession.Batch b) {
            if (b.skipped()) {
                double[] nan = new double[b.values().length];
                java.util.Arrays.fill(nan, Double.NaN);
                return new BatchPoint(b.position(), nan, 0, 1);
            }
            return new BatchPoint(b.position(), b.values().clone(), b.frames(), 1);
        }

        /** Value {@code i} (NaN when the job reported fewer). */
        public double value(int i) {
            return i < values.length ? values[i] : Double.NaN;
        }

        BatchPoint merge(BatchPoint later) {
            long n = frames + later.frames;
            double[] v = new double[Math.max(values.length, later.values.length)];
            for (int i = 0; i < v.length; i++) {
                v[i] = n == 0 ? Double.NaN : (weighted(value(i), frames) + weighted(later.value(i), later.frames)) / n;
            }
            return new BatchPoint(later.position, v, n, batches + later.batches);
        }

        private static double weighted(double v, long w) {
            return w == 0 ? 0 : v * w;
        }
    }

    /**
     * One finished epoch.
     *
     * @param epoch  0-based epoch (drawn at x = epoch + 1)
     * @param values the job's epoch values ({@link TrainingCurves#epoch()} order), NaN where absent
     */
    public record EpochPoint(int epoch, double[] values) {
        /** Value {@code i} (NaN when absent). */
        public double value(int i) {
            return i >= 0 && i < values.length ? values[i] : Double.NaN;
        }
    }

    /** What one {@link #drain()} returns: the run's curve names and the batch and epoch points since the last drain. */
    public record Drained(TrainingCurves curves, List<BatchPoint> batches, List<EpochPoint> epochs) {
        public boolean isEmpty() {
            return batches.isEmpty() && epochs.isEmpty();
        }
    }

    private final int maxPending;
    private TrainingCurves curves = TrainingCurves.NONE;
    private List<BatchPoint> batches = new ArrayList<>();
    private List<EpochPoint> epochs = new ArrayList<>();
    private long batchCount;

    /** @param maxPending batch points kept between drains before pairs are merged (≥ 2) */
    public MetricsBuffer(int maxPending) {
        if (maxPending < 2) {
            throw new IllegalArgumentException("maxPending must be at least 2: " + maxPending);
        }
        this.maxPending = maxPending;
    }

    /** Starts a run with these curves: undrained points are dropped. */
    public synchronized void reset(TrainingCurves runCurves) {
        curves = runCurves;
        batches = new ArrayList<>();
        epochs = new ArrayList<>();
    }

    /** The current run's curve names. */
    public synchronized TrainingCurves curves() {
        return curves;
    }

    /** Adds a batch (model thread). */
    public synchronized void add(TrainingSession.Batch b) {
        batchCount++;
        batches.add(BatchPoint.of(b));
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
    public synchronized void add(EpochPoint e) {
        epochs.add(e);
    }

    /** Everything added since the previous drain, oldest first; the buffer is left empty. */
    public synchronized Drained drain() {
        Drained d = new Drained(curves, List.copyOf(batches), List.copyOf(epochs));
        batches = new ArrayList<>();
        epochs = new ArrayList<>();
        return d;
    }

    /** Batches added since this buffer was made (merged or not). */
    public synchronized long batchCount() {
        return batchCount;
    }
}
