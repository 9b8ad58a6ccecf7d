package org.echoic.train;

/**
 * Receives training metrics as plain Java values, on the training thread (a UI must hand them over to its
 * own thread). All methods have empty defaults.
 */
public interface TrainingListener {
    /** After every batch (skipped batches included, flagged). */
    default void onBatch(BatchMetrics metrics) {
    }

    /** After every epoch, with validation metrics when there is validation data. */
    default void onEpoch(EpochMetrics metrics) {
    }
}
