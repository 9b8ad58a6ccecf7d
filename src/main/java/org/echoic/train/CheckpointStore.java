package org.echoic.train;

import java.io.IOException;

/** Saves checkpoints for a training run (implemented in {@code io}); called on the training thread. */
@FunctionalInterface
public interface CheckpointStore {
    /** Saves {@code checkpoint} durably; must leave the previous checkpoint loadable if it fails. */
    void save(Checkpoint checkpoint) throws IOException;
}
