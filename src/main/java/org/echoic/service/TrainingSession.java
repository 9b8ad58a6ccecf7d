package org.echoic.service;

import java.nio.file.Path;

/**
 * What a {@link TrainableJob} reports to while it trains, and where it learns that it should stop. The
 * {@link TrainingService}'s session updates the status and the metrics buffer, runs model tasks that other views
 * submitted, and blocks in {@link #batch} while the run is paused. Called on the model thread only.
 */
public interface TrainingSession {
    /**
     * One finished batch. Times in seconds.
     *
     * @param epoch            0-based epoch
     * @param batch            0-based batch within the epoch
     * @param batchesPerEpoch  batches in an epoch
     * @param values           the job's batch values in {@link TrainingCurves#batch()} order
     * @param frames           frames (or examples) in the batch
     * @param learningRate     the rate used
     * @param skipped          true when the step was skipped (non-finite loss): its values carry no weight
     * @param skippedTotal     steps skipped so far (non-finite loss)
     * @param elapsedSeconds   time since this run started, as the job measures it
     * @param remainingSeconds the job's estimate of the time to the end (NaN when unknown)
     * @param progress         fraction of the schedule done, 0..1
     */
    record Batch(int epoch, int batch, int batchesPerEpoch, double[] values, long frames, double learningRate,
                 boolean skipped, long skippedTotal, double elapsedSeconds, double remainingSeconds, double progress) {
        /** The epochs done at the end of this batch, as a chart's x. */
        public double position() {
            return epoch + (batch + 1) / (double) Math.max(1, batchesPerEpoch);
        }
    }

    /** True once the user asked the run to stop: end after this batch with a checkpoint of the weights so far. */
    boolean stopRequested();

    /**
     * The schedule is known (after the model was built or loaded).
     *
     * @param nextEpoch      the first epoch this run trains (0, or the checkpoint's next epoch)
     * @param totalEpochs    epochs of the whole schedule
     * @param epochsPerStage epochs per learning-rate stage ({@code totalEpochs} for a single stage)
     * @param skippedTotal   steps skipped before this run
     */
    void begin(int nextEpoch, int totalEpochs, int epochsPerStage, long skippedTotal);

    /** After every batch: metrics, status, pending model tasks; blocks here while paused. */
    void batch(Batch b);

    /** After every epoch: its values in {@link TrainingCurves#epoch()} order (NaN where absent). */
    void epoch(int epoch, double[] values);

    /** A checkpoint was written to {@code dir} (the Model tab and pollers follow it). */
    void checkpointWritten(Path dir);
}
