package org.echoic.train;

import java.util.List;

/**
 * Where a training run stands after an epoch, enough (with the weights, the RMSProp average and the
 * generator state) to resume it exactly. Immutable.
 *
 * @param nextEpoch          0-based epoch to run next
 * @param learningRateFactor multiplier of the curriculum's rates (halved at each rollback)
 * @param rollbacks          rollbacks so far
 * @param skippedTotal       skipped (non-finite) steps so far
 * @param history            metrics of every finished epoch
 * @param bestEpoch          0-based epoch with the best validation score so far (-1: none)
 * @param bestScore          that score (frame accuracy for binary data, else minus the prediction error; NaN: none)
 * @param stoppedEarly       true when early stopping ended the run before its last epoch
 * @param decisionThreshold  the prediction threshold chosen on the validation data at the best epoch (binary data;
 *                           NaN: none, use 0.5)
 */
public record TrainingState(int nextEpoch, double learningRateFactor, int rollbacks, long skippedTotal,
                            List<EpochMetrics> history, int bestEpoch, double bestScore, boolean stoppedEarly,
                            double decisionThreshold) {
    public TrainingState {
        history = List.copyOf(history);
    }

    /** A state without a best epoch. */
    public TrainingState(int nextEpoch, double learningRateFactor, int rollbacks, long skippedTotal,
                         List<EpochMetrics> history) {
        this(nextEpoch, learningRateFactor, rollbacks, skippedTotal, history, -1, Double.NaN, false, Double.NaN);
    }

    /** The state before the first epoch. */
    public static TrainingState start() {
        return new TrainingState(0, 1.0, 0, 0, List.of());
    }
}
