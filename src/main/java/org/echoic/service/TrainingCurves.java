package org.echoic.service;

import java.util.List;

/**
 * The names of a training job's curves, in the order of the values it reports: per batch (shown smoothed, e.g.
 * "CD cost", "Loss", "Accuracy") and per epoch (e.g. "Loss (epoch)", "Validation loss"). {@code overlaid} names
 * the epoch curves that an earlier run contributes when overlaid (dashed). Immutable.
 *
 * @param batch    batch values, in {@link TrainingSession.Batch#values()} order
 * @param epoch    epoch values, in {@link MetricsBuffer.EpochPoint#values()} order
 * @param overlaid the epoch curves drawn for an overlaid earlier run (a subset of {@code epoch})
 */
public record TrainingCurves(List<String> batch, List<String> epoch, List<String> overlaid) {
    public TrainingCurves {
        batch = List.copyOf(batch);
        epoch = List.copyOf(epoch);
        overlaid = List.copyOf(overlaid);
        if (!epoch.containsAll(overlaid)) {
            throw new IllegalArgumentException("overlaid curves must be epoch curves: " + overlaid);
        }
    }

    /** No curves (before any run). */
    public static final TrainingCurves NONE = new TrainingCurves(List.of(), List.of(), List.of());

    /** The index of epoch curve {@code name}, or −1. */
    public int epochIndex(String name) {
        return epoch.indexOf(name);
    }
}
