package org.echoic.rnnrbm;

import java.util.HashMap;
import java.util.Map;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The RNN-RBM of RNNRBM.md: three gated recurrent layers whose top state at t−1 sets the biases of a
 * conditional RBM at frame t, trained by CD-k on the free-energy cost with back-propagation through time.
 * Holds the parameters, the single seeded random generator of all draws, and reusable pass buffers.
 * Float32 by default (DOUBLE for gradient checks). Not thread-safe; close it to free native memory.
 */
public final class RnnRbm implements AutoCloseable {
    private final RnnRbmConfig config;
    private final DataType dataType;
    private final RnnRbmParams params;
    private final Random rng;
    private final Map<Integer, TrainingPass> passes = new HashMap<>();
    private boolean javaSteps = ComputeBackend.isCpu();

    /** A float32 model initialised from {@code seed}. */
    public RnnRbm(RnnRbmConfig config, long seed) {
        this(config, seed, DataType.FLOAT);
    }

    /** A model in {@code dataType} (FLOAT or DOUBLE), initialised from {@code seed} as the spec says. */
    public RnnRbm(RnnRbmConfig config, long seed, DataType dataType) {
        if (dataType != DataType.FLOAT && dataType != DataType.DOUBLE) {
            throw new IllegalArgumentException("data type must be FLOAT or DOUBLE, got " + dataType);
        }
        requireMemory(config, dataType == DataType.DOUBLE ? 8 : 4);
        this.config = config;
        this.dataType = dataType;
        this.params = new RnnRbmParams(config, dataType);
        this.rng = Nd4j.getRandomFactory().getNewRandomInstance(seed);
        params.initialise(rng);
    }

    /**
     * Refuses a configuration whose weights, RMSProp average, gradients and a working copy would not fit in this
     * Java's memory (ND4J's off-heap limit defaults to the heap's), before anything is allocated.
     */
    static void requireMemory(RnnRbmConfig config, int bytesPerValue) {
        long count = RnnRbmParams.size(config);
        long max = Runtime.getRuntime().maxMemory();
        if (count > max / (4L * bytesPerValue)) {
            throw new IllegalArgumentException("a model of " + config.nVisible() + " visible, " + config.nHidden()
                    + " hidden and " + config.nRecurrent() + " recurrent units has " + count + " parameters and needs "
                    + (count * 4 * bytesPerValue >> 20) + " MiB, more than this Java's " + (max >> 20)
                    + " MiB: choose fewer units");
        }
    }

    public RnnRbmConfig config() {
        return config;
    }

    public DataType dataType() {
        return dataType;
    }

    /** The live parameters. */
    public RnnRbmParams params() {
        return params;
    }

    /**
     * True when the per-step element-wise work of the recurrent layers runs in plain Java over direct views of
     * the CPU buffers (FLOAT on the CPU backend, the default there); false for ND4J ops only.
     */
    boolean javaSteps() {
        return javaSteps;
    }

    /** Chooses the per-step path for passes created from now on (tests compare both). */
    void setJavaSteps(boolean on) {
        passes.values().forEach(TrainingPass::close);
        passes.clear();
        javaSteps = on;
    }

    /** The one generator every random draw of this model comes from. */
    public Random random() {
        return rng;
    }

    /** The generator's state (two longs), for checkpoints. */
    public long[] randomState() {
        return new long[] {rng.rootState(), rng.nodeState()};
    }

    /** Restores a state from {@link #randomState()}. */
    public void setRandomState(long[] state) {
        rng.setStates(state[0], state[1]);
    }

    /** A new zero gradient (or optimiser state) with the parameters' layout. */
    public RnnRbmParams newGradient() {
        return new RnnRbmParams(config, dataType);
    }

    /**
     * A reusable pass for {@code batchSize} sequences and at least {@code steps} steps. Passes are cached per
     * batch size; a longer batch replaces the cached pass with a larger one.
     */
    public TrainingPass pass(int batchSize, int steps) {
        TrainingPass p = passes.get(batchSize);
        if (p == null || p.capacity() < steps) {
            if (p != null) {
                p.close();
            }
            p = new TrainingPass(this, batchSize, Math.max(steps, p == null ? 0 : p.capacity()));
            passes.put(batchSize, p);
        }
        return p;
    }

    /** Result of one training step: cost, reconstruction monitor, frames, and the final recurrent states. */
    public record StepResult(double cost, double reconstruction, long realFrames, float[][] finalStates) {
    }

    /**
     * Forward pass, CD-k chain, cost, reconstruction monitor and the full gradient of the cost for one batch;
     * the gradient goes into {@code grad}. Parameters are not changed.
     */
    public StepResult gradient(SequenceBatch batch, RnnRbmParams grad) {
        TrainingPass p = pass(batch.batchSize(), batch.steps());
        p.load(batch);
        p.forward();
        p.chain(config.cdSteps(), config.sampleVisible(), rng);
        double cost = p.cost();
        double recon = p.reconstruction(rng);
        float[][] states = new float[RnnRbmParams.LAYERS][];
        for (int l = 0; l < states.length; l++) {
            states[l] = p.finalState(l);
        }
        p.backward(grad);
        return new StepResult(cost, recon, p.realFrames(), states);
    }

    @Override
    public void close() {
        passes.values().forEach(TrainingPass::close);
        passes.clear();
        params.flat().close();
    }
}
