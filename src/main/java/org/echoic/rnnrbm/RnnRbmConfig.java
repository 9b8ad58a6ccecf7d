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
 * @param recurrentInitStd standard deviation of the initial Wuv and Wuh, and of the recurrent layers' matrices when
 *                         {@code layerInitGain} is 0 (spec: 1e-4 for all)
 * @param layerInitGain    0 for the spec's initialisation of the recurrent layers' matrices (normal with
 *                         {@code recurrentInitStd}); g &gt; 0 for normal with standard deviation g/√fan-in for each of
 *                         Wz, Wr, Wh (fan-in: the layer's input) and Uz, Ur, Uh (fan-in: the layer's units), so that
 *                         the recurrent states carry the input from the first batch on (option)
 */
public record RnnRbmConfig(int nVisible, int nHidden, int nRecurrent, int cdSteps, boolean sampleVisible,
                           GateActivation gates, double weightInitStd, double recurrentInitStd, double layerInitGain) {

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
        if (!(weightInitStd >= 0) || !(recurrentInitStd >= 0) || !(layerInitGain >= 0)
                || Double.isInfinite(layerInitGain)) {
            throw new IllegalArgumentException("initial standard deviations and gain must be finite and ≥ 0");
        }
    }

    /** A configuration with the spec's initialisation of the recurrent layers (gain 0). */
    public RnnRbmConfig(int nVisible, int nHidden, int nRecurrent, int cdSteps, boolean sampleVisible,
                        GateActivation gates, double weightInitStd, double recurrentInitStd) {
        this(nVisible, nHidden, nRecurrent, cdSteps, sampleVisible, gates, weightInitStd, recurrentInitStd, 0);
    }

    /** A configuration with the spec's initialisation. */
    public RnnRbmConfig(int nVisible, int nHidden, int nRecurrent, int cdSteps, boolean sampleVisible,
                        GateActivation gates) {
        this(nVisible, nHidden, nRecurrent, cdSteps, sampleVisible, gates, SPEC_WEIGHT_INIT_STD,
                SPEC_RECURRENT_INIT_STD);
    }

    /** Initial standard deviation of Wuv and Wuh of the default recipe. */
    public static final double DEFAULT_RECURRENT_INIT_STD = 0.01;
    /** Gain of the recurrent layers' initialisation of the default recipe (std = gain/√fan-in). */
    public static final double DEFAULT_LAYER_INIT_GAIN = 1.0;

    /**
     * The default recipe for F visible values: the spec's sizes (1.7·F hidden, 1.3·F recurrent), k = 15, mean-field
     * v, tanh gates, W ~ N(0, 0.01²), and recurrent layers initialised with gain 1 (std 1/√fan-in) and Wuv, Wuh ~
     * N(0, 0.01²). The spec's 1e-4 for every recurrent matrix leaves the gradients of three stacked layers near
     * 1e-11 so that the recurrent part never learns (README "Training recipe"); {@link #seed} keeps it.
     */
    public static RnnRbmConfig defaults(int nVisible) {
        return seed(nVisible).withInitStd(SPEC_WEIGHT_INIT_STD, DEFAULT_RECURRENT_INIT_STD)
                .withLayerInitGain(DEFAULT_LAYER_INIT_GAIN);
    }

    /** The seed's (spec's) configuration: the default sizes and k with the spec's initialisation 0.01 / 1e-4. */
    public static RnnRbmConfig seed(int nVisible) {
        return new RnnRbmConfig(nVisible, (int) Math.max(1, Math.floor(DEFAULT_HIDDEN_SCALAR * nVisible)),
                (int) Math.max(1, Math.floor(DEFAULT_RECURRENT_SCALAR * nVisible)), DEFAULT_CD_STEPS, false,
                GateActivation.TANH);
    }

    /** The default recipe with sizes from scalars: nHidden = ⌊hiddenScalar · F⌋, nRecurrent = ⌊recurrentScalar · F⌋. */
    public static RnnRbmConfig scaled(int nVisible, double hiddenScalar, double recurrentScalar) {
        return defaults(nVisible).withSizes((int) Math.max(1, Math.floor(hiddenScalar * nVisible)),
                (int) Math.max(1, Math.floor(recurrentScalar * nVisible)));
    }

    /** A copy with other layer sizes. */
    public RnnRbmConfig withSizes(int hidden, int recurrent) {
        return new RnnRbmConfig(nVisible, hidden, recurrent, cdSteps, sampleVisible, gates, weightInitStd, recurrentInitStd,
                layerInitGain);
    }

    /** A copy with another number of CD steps. */
    public RnnRbmConfig withCdSteps(int k) {
        return new RnnRbmConfig(nVisible, nHidden, nRecurrent, k, sampleVisible, gates, weightInitStd, recurrentInitStd,
                layerInitGain);
    }

    /** A copy that samples (or not) the visible units in the chain. */
    public RnnRbmConfig withSampleVisible(boolean sample) {
        return new RnnRbmConfig(nVisible, nHidden, nRecurrent, cdSteps, sample, gates, weightInitStd, recurrentInitStd,
                layerInitGain);
    }

    /** A copy with another gate activation. */
    public RnnRbmConfig withGates(GateActivation g) {
        return new RnnRbmConfig(nVisible, nHidden, nRecurrent, cdSteps, sampleVisible, g, weightInitStd, recurrentInitStd,
                layerInitGain);
    }

    /** A copy with other initial standard deviations (option; the spec's are 0.01 and 1e-4). */
    public RnnRbmConfig withInitStd(double weights, double recurrent) {
        return new RnnRbmConfig(nVisible, nHidden, nRecurrent, cdSteps, sampleVisible, gates, weights, recurrent,
                layerInitGain);
    }

    /** A copy with another gain of the recurrent layers' initialisation (0 = the spec's). */
    public RnnRbmConfig withLayerInitGain(double gain) {
        return new RnnRbmConfig(nVisible, nHidden, nRecurrent, cdSteps, sampleVisible, gates, weightInitStd,
                recurrentInitStd, gain);
    }
}
