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
 * @param weightInitStd    standard deviation of the initial W (spec: 0.01)
 * @param recurrentInitStd standard deviation of the initial recurrent matrices, Wuv and Wuh (spec: 1e-4)
 */
public record RnnRbmConfig(int nVisible, int nHidden, int nRecurrent, int cdSteps, boolean sampleVisible,
                           GateActivation gates, double weightInitStd, double recurrentInitStd) {

    /** Initial standard deviation of W in the spec. */
    public static final double SPEC_WEIGHT_INIT_STD = 0.01;
    /** Initial standard deviation of the recurrent matrices, Wuv and Wuh in the spec. */
    public static final double SPEC_RECURRENT_INIT_STD = 1e-4;

    /** Default hidden scalar: nHidden = floor(1.7 · F) (219 for F = 129, as in the spec table). */
    public static final double DEFAULT_HIDDEN_SCALAR = 1.7;
    /** Default recurrent scalar: nRecurrent = floor(1.3 · F) (167 for F = 129). */
    public static final double DEFAULT_RECURRENT_SCALAR = 1.3;
    /** Default number of CD steps during training. */
    public static final int DEFAULT_CD_STEPS = 15;
    /** Most CD (or Gibbs) steps accepted: far beyond any useful chain, short of a run that never ends. */
    public static final int MAX_CD_STEPS = 1000;

    public RnnRbmConfig {
        if (nVisible < 1 || nHidden < 1 || nRecurrent < 1) {
            throw new IllegalArgumentException("layer sizes must be positive: nVisible=" + nVisible
                    + ", nHidden=" + nHidden + ", nRecurrent=" + nRecurrent);
        }
        if (cdSteps < 1 || cdSteps > MAX_CD_STEPS) {
            throw new IllegalArgumentException("CD steps must be from 1 to " + MAX_CD_STEPS + ", got " + cdSteps);
        }
        if (gates == null) {
            throw new IllegalArgumentException("gate activation missing");
        }
        if (!(weightInitStd >= 0) || !(recurrentInitStd >= 0)) {
            throw new IllegalArgumentException("initial standard deviations must be ≥ 0");
        }
    }

    /** A configuration with the spec's initialisation. */
    public RnnRbmConfig(int nVisible, int nHidden, int nRecurrent, int cdSteps, boolean sampleVisible,
                        GateActivation gates) {
        this(nVisible, nHidden, nRecurrent, cdSteps, sampleVisible, gates, SPEC_WEIGHT_INIT_STD,
                SPEC_RECURRENT_INIT_STD);
    }

    /** The defaults of the spec for F visible values: 1.7·F hidden, 1.3·F recurrent, k = 15, mean-field v, tanh gates. */
    public static RnnRbmConfig defaults(int nVisible) {
        return scaled(nVisible, DEFAULT_HIDDEN_SCALAR, DEFAULT_RECURRENT_SCALAR);
    }

    /** Sizes from scalars: nHidden = ⌊hiddenScalar · F⌋, nRecurrent = ⌊recurrentScalar · F⌋ (at least 1). */
    public static RnnRbmConfig scaled(int nVisible, double hiddenScalar, double recurrentScalar) {
        return new RnnRbmConfig(nVisible, (int) Math.max(1, Math.floor(hiddenScalar * nVisible)),
                (int) Math.max(1, Math.floor(recurrentScalar * nVisible)), DEFAULT_CD_STEPS, false,
                GateActivation.TANH);
    }

    /** A copy with other layer sizes. */
    public RnnRbmConfig withSizes(int hidden, int recurrent) {
        return new RnnRbmConfig(nVisible, hidden, recurrent, cdSteps, sampleVisible, gates, weightInitStd, recurrentInitStd);
    }

    /** A copy with another number of CD steps. */
    public RnnRbmConfig withCdSteps(int k) {
        return new RnnRbmConfig(nVisible, nHidden, nRecurrent, k, sampleVisible, gates, weightInitStd, recurrentInitStd);
    }

    /** A copy that samples (or not) the visible units in the chain. */
    public RnnRbmConfig withSampleVisible(boolean sample) {
        return new RnnRbmConfig(nVisible, nHidden, nRecurrent, cdSteps, sample, gates, weightInitStd, recurrentInitStd);
    }

    /** A copy with another gate activation. */
    public RnnRbmConfig withGates(GateActivation g) {
        return new RnnRbmConfig(nVisible, nHidden, nRecurrent, cdSteps, sampleVisible, g, weightInitStd, recurrentInitStd);
    }

    /** A copy with other initial standard deviations (option; the spec's are 0.01 and 1e-4). */
    public RnnRbmConfig withInitStd(double weights, double recurrent) {
        return new RnnRbmConfig(nVisible, nHidden, nRecurrent, cdSteps, sampleVisible, gates, weights, recurrent);
    }
}
