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
 */
public record TrainingState(int nextEpoch, double learningRateFactor, int rollbacks, long skippedTotal,
                            List<EpochMetrics> history) {
    public TrainingState {
        history = List.copyOf(history);
    }

    /** The state before the first epoch. */
    public static TrainingState start() {
        return new TrainingState(0, 1.0, 0, 0, List.of());
    }
}
