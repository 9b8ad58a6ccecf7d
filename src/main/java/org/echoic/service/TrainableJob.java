package org.echoic.service;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Anything the {@link TrainingService} trains on the model thread: the RNN-RBM ({@link RnnRbmJob}), a frame
 * labeller, an autoencoder. A job builds or loads its model inside {@link #train}, reports every batch and epoch to
 * the {@link TrainingSession} (which pauses it there, runs other views' model tasks and feeds the live curves),
 * writes its checkpoints into {@link #runDir()}, and ends early, with a checkpoint of the weights so far, when
 * {@link TrainingSession#stopRequested()} turns true. It owns and closes its ND4J arrays. Not thread-safe: one
 * {@code train} call at a time, on the model thread.
 */
public interface TrainableJob {
    /** How a run ended. */
    enum Outcome {
        /** The whole schedule ran (or early stopping ended it). */
        COMPLETED,
        /** Ended on request with a checkpoint of the weights so far. */
        STOPPED
    }

    /** The curves this job reports (names of its batch and epoch values). */
    TrainingCurves curves();

    /** The checkpoint folder of this run. */
    Path runDir();

    /**
     * Trains on the calling thread (the model thread), reporting to {@code session}.
     *
     * @throws IOException              when the data, a checkpoint or the run folder cannot be read or written
     * @throws IllegalArgumentException when the data do not fit the model (the message says why)
     */
    Outcome train(TrainingSession session) throws IOException;
}
