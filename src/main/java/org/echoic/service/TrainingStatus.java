package org.echoic.service;

import java.nio.file.Path;

/**
 * A snapshot of the training run for display. Times in seconds; NaN where not yet known.
 *
 * @param state            where the run stands
 * @param epoch            0-based epoch in progress (or last finished)
 * @param totalEpochs      epochs of the whole curriculum
 * @param stage            0-based curriculum stage
 * @param learningRate     the rate in use
 * @param batch            batches done in this epoch
 * @param batchesPerEpoch  batches per epoch
 * @param progress         fraction of the curriculum done, 0..1
 * @param framesPerSecond  training throughput of this run
 * @param elapsedSeconds   time trained in this run (pauses excluded only as far as the trainer sees them)
 * @param remainingSeconds estimated time to the end
 * @param skippedSteps     non-finite steps skipped so far
 * @param backend          the ND4J backend ({@code ComputeBackend.describe()})
 * @param threads          "OpenMP n / BLAS m"
 * @param runDir           the run folder (checkpoints)
 * @param message          the last outcome or error, "" if none
 */
public record TrainingStatus(TrainingService.State state, int epoch, int totalEpochs, int stage, double learningRate,
                             int batch, int batchesPerEpoch, double progress, double framesPerSecond,
                             double elapsedSeconds, double remainingSeconds, long skippedSteps, String backend,
                             String threads, Path runDir, String message) {

    /** Nothing has run. */
    public static final TrainingStatus IDLE = new TrainingStatus(TrainingService.State.IDLE, 0, 0, 0, Double.NaN,
            0, 0, 0, Double.NaN, 0, Double.NaN, 0, "", "", null, "");

    TrainingStatus with(TrainingService.State s, String msg) {
        return new TrainingStatus(s, epoch, totalEpochs, stage, learningRate, batch, batchesPerEpoch, progress,
                framesPerSecond, elapsedSeconds, remainingSeconds, skippedSteps, backend, threads, runDir, msg);
    }
}
