package org.echoic.train;

/**
 * Metrics of one epoch. Validation values are null without validation data; frame accuracy is null for
 * non-binary data. Times in seconds.
 *
 * @param epoch                   0-based epoch
 * @param stage                   0-based curriculum stage
 * @param learningRate            the rate of this epoch (after any halving)
 * @param trainCost               mean CD cost over the epoch's batches, weighted by frames
 * @param trainReconstruction     mean reconstruction monitor, weighted by frames
 * @param validation              validation metrics, or null
 * @param skippedBatches          skipped steps in this epoch
 * @param rollbacks               rollbacks so far in this run
 * @param framesPerSecond         training throughput of this epoch
 * @param elapsedSeconds          time since this run started
 * @param remainingSeconds        estimated time to the end of the curriculum
 * @param overheadSeconds         time of this epoch spent beside the training batches: validation, keeping the best
 *                                weights and, in a run's first epoch, RBM pretraining
 */
public record EpochMetrics(int epoch, int stage, double learningRate, double trainCost, double trainReconstruction,
                           Evaluation validation, long skippedBatches, int rollbacks, double framesPerSecond,
                           double elapsedSeconds, double remainingSeconds, double overheadSeconds) {

    /** Metrics without a measured overhead. */
    public EpochMetrics(int epoch, int stage, double learningRate, double trainCost, double trainReconstruction,
                        Evaluation validation, long skippedBatches, int rollbacks, double framesPerSecond,
                        double elapsedSeconds, double remainingSeconds) {
        this(epoch, stage, learningRate, trainCost, trainReconstruction, validation, skippedBatches, rollbacks,
                framesPerSecond, elapsedSeconds, remainingSeconds, 0);
    }
}
