package org.echoic.rnnrbm;

/**
 * Activation of the update and reset gates of the recurrent layers. {@link #TANH} is the model of the spec;
 * {@link #SIGMOID} gives a conventional GRU-style gate (option). Immutable.
 */
public enum GateActivation {
    /** z, r = tanh(…), exactly as the RNN-RBM spec writes it (the default). */
    TANH,
    /** z, r = σ(…), the usual GRU gate (option). */
    SIGMOID
}
