package org.echoic.rnnrbm;

/**
 * Architecture and sampling options of an RNN-RBM: layer sizes, CD steps and the chain's sampling mode.
 * Immutable; thread-safe.
 *
 * @param nVisible      F, the number of values per frame
 * @param nHidden       hidden units of each frame's conditional RBM
 * @param nRecurrent    units of each of the three recurrent layers
 * @param cdSteps       k, Gibbs steps of contrastive divergence during training
 * @param sampleVisible true to sample v in the chain (binary data); false for mean-field v (the default)
 * @param gates         activation of the update and reset gates
 */
public record RnnRbmConfig(int nVisible, int nHidden, int nRecurrent, int cdSteps, boolean sampleVisible,
                           GateActivation gates) {

    /** Default hidden scalar: nHidden = round(1.7 · F). */
    public static final double DEFAULT_HIDDEN_SCALAR = 1.7;
    /** Default recurrent scalar: nRecurrent = round(1.3 · F). */
    public static final double DEFAULT_RECURRENT_SCALAR = 1.3;
    /** Default number of CD steps during training. */
    public static final int DEFAULT_CD_STEPS = 15;

    public RnnRbmConfig {
        if (nVisible < 1 || nHidden < 1 || nRecurrent < 1) {
            throw new IllegalArgumentException("layer sizes must be positive: nVisible=" + nVisible
                    + ", nHidden=" + nHidden + ", nRecurrent=" + nRecurrent);
        }
        if (cdSteps < 1) {
            throw new IllegalArgumentException("CD steps must be at least 1, got " + cdSteps);
        }
        if (gates == null) {
            throw new IllegalArgumentException("gate activation missing");
        }
    }

    /** The defaults of the spec for F visible values: 1.7·F hidden, 1.3·F recurrent, k = 15, mean-field v, tanh gates. */
    public static RnnRbmConfig defaults(int nVisible) {
        return scaled(nVisible, DEFAULT_HIDDEN_SCALAR, DEFAULT_RECURRENT_SCALAR);
    }

    /** Sizes from scalars: nHidden = round(hiddenScalar · F), nRecurrent = round(recurrentScalar · F). */
    public static RnnRbmConfig scaled(int nVisible, double hiddenScalar, double recurrentScalar) {
        return new RnnRbmConfig(nVisible, (int) Math.max(1, Math.round(hiddenScalar * nVisible)),
                (int) Math.max(1, Math.round(recurrentScalar * nVisible)), DEFAULT_CD_STEPS, false,
                GateActivation.TANH);
    }

    /** A copy with other layer sizes. */
    public RnnRbmConfig withSizes(int hidden, int recurrent) {
        return new RnnRbmConfig(nVisible, hidden, recurrent, cdSteps, sampleVisible, gates);
    }

    /** A copy with another number of CD steps. */
    public RnnRbmConfig withCdSteps(int k) {
        return new RnnRbmConfig(nVisible, nHidden, nRecurrent, k, sampleVisible, gates);
    }

    /** A copy that samples (or not) the visible units in the chain. */
    public RnnRbmConfig withSampleVisible(boolean sample) {
        return new RnnRbmConfig(nVisible, nHidden, nRecurrent, cdSteps, sample, gates);
    }

    /** A copy with another gate activation. */
    public RnnRbmConfig withGates(GateActivation g) {
        return new RnnRbmConfig(nVisible, nHidden, nRecurrent, cdSteps, sampleVisible, g);
    }
}
