package org.echoic.train;

import org.echoic.rnnrbm.RmsProp;
import org.echoic.rnnrbm.RnnRbm;

/**
 * Everything a checkpoint holds about a training run: the live model (weights and generator state), the
 * optimiser's average, the configuration, the run's state and the data's fingerprint and origin, and whether the
 * weights are the best epoch's restored at the end of the run. The model and optimiser are live objects: a store
 * must write them before returning.
 */
public record Checkpoint(RnnRbm model, RmsProp optimizer, TrainingConfig config, TrainingState state,
                         String dataFingerprint, String dataOrigin, boolean bestRestored) {

    /** A checkpoint of the weights as they are after the state's last epoch. */
    public Checkpoint(RnnRbm model, RmsProp optimizer, TrainingConfig config, TrainingState state,
                      String dataFingerprint, String dataOrigin) {
        this(model, optimizer, config, state, dataFingerprint, dataOrigin, false);
    }
}
