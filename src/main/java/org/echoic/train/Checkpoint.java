package org.echoic.train;

import org.echoic.rnnrbm.RmsProp;
import org.echoic.rnnrbm.RnnRbm;

/**
 * Everything a checkpoint holds about a training run: the live model (weights and generator state), the
 * optimiser's average, the configuration, the run's state and the data's fingerprint and origin. The model
 * and optimiser are live objects: a store must write them before returning.
 */
public record Checkpoint(RnnRbm model, RmsProp optimizer, TrainingConfig config, TrainingState state,
                         String dataFingerprint, String dataOrigin) {
}
