package org.echoic.train;

/**
 * Metrics of one training batch. Times in seconds.
 *
 * @param epoch            0-based epoch
 * @param batch            0-based batch within the epoch
 * @param batchesPerEpoch  batches in an epoch
 * @param cost             the CD cost (NaN when the cost was non-finite and the step skipped)
 * @param reconstruction   the reconstruction monitor (higher is better)
 * @param frames           real frames in the batch
 * @param learningRate     the rate used
 * @param skipped          true when the step was skipped for a non-finite cost
 * @param skippedTotal     skipped steps so far in this run
 * @param framesPerSecond  training throughput so far in this run
 * @param elapsedSeconds   time since this run started
 * @param remainingSeconds estimated time to the end of the curriculum
 * @param progress         fraction of the curriculum done, 0..1
 */
public record BatchMetrics(int epoch, int batch, int batchesPerEpoch, double cost, double reconstruction,
                           long frames, double learningRate, boolean skipped, long skippedTotal,
                           double framesPerSecond, double elapsedSeconds, double remainingSeconds,
                           double progress) {
}
