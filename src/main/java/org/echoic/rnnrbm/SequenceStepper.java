package org.echoic.rnnrbm;

import static org.echoic.rnnrbm.Ops.gemm;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs the model one frame at a time for generation: prime the recurrent state with real frames, then
 * draw each new frame from its conditional RBM (k Gibbs steps from zeros or from the previous frame,
 * pre-activations divided by a temperature, mean-field or sampled output) and feed it back.
 * Not thread-safe; close it to free its buffers.
 */
public final class SequenceStepper implements AutoCloseable {
    private final RnnRbm model;
    private final Random rng;
    private final RecurrentLayerPass[] layers = new RecurrentLayerPass[RnnRbmParams.LAYERS];
    private final INDArray v;
    private final INDArray bv;
    private final INDArray bh;
    private final INDArray h;
    private final INDArray hProb;
    private final INDArray previous;

    /** A stepper at zero recurrent state drawing from {@code rng}. */
    public SequenceStepper(RnnRbm model, Random rng) {
        this.model = model;
        this.rng = rng;
        RnnRbmConfig c = model.config();
        for (int l = 0; l < layers.length; l++) {
            layers[l] = new RecurrentLayerPass(1, 1, c.nRecurrent(), c.gates(), model.dataType(), false);
            layers[l].state(0).assign(0);
        }
        v = Nd4j.create(model.dataType(), 1, c.nVisible());
        bv = Nd4j.create(model.dataType(), 1, c.nVisible());
        bh = Nd4j.create(model.dataType(), 1, c.nHidden());
        h = Nd4j.create(model.dataType(), 1, c.nHidden());
        hProb = Nd4j.create(model.dataType(), 1, c.nHidden());
        previous = Nd4j.create(model.dataType(), 1, c.nVisible());
    }

    /** Feeds real frames through the recurrent part (priming). */
    public void prime(float[][] frames) {
        for (float[] f : frames) {
            if (f.length != model.config().nVisible()) {
                throw new IllegalArgumentException("priming frame has " + f.length + " values, the model needs "
                        + model.config().nVisible());
            }
            INDArray x = Nd4j.create(f, new long[] {1, f.length}, 'c').castTo(model.dataType());
            feed(x);
            previous.assign(x);
        }
    }

    /** The state of recurrent layer {@code layer} (0-based) after the frames fed so far, as a float copy. */
    public float[] state(int layer) {
        return layers[layer].state(0).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT).dup().data().asFloat();
    }

    private void feed(INDArray x) {
        RnnRbmParams p = model.params();
        INDArray in = x;
        for (int l = 0; l < layers.length; l++) {
            layers[l].forward(p, l, in, 1);
            layers[l].state(0).assign(layers[l].state(1));
            in = layers[l].state(0);
        }
    }

    /**
     * Draws the next frame and feeds it back.
     *
     * @param gibbsSteps   k Gibbs steps of the frame's conditional RBM
     * @param temperature  divides every pre-activation (1 = the model)
     * @param sample       true for a Bernoulli sample as the frame, false for the mean-field v
     * @param fromPrevious start the chain at the previous frame instead of zeros
     */
    public float[] next(int gibbsSteps, double temperature, boolean sample, boolean fromPrevious) {
        if (gibbsSteps < 1 || !(temperature > 0)) {
            throw new IllegalArgumentException("need ≥ 1 Gibbs step and a positive temperature");
        }
        RnnRbmParams p = model.params();
        INDArray top = layers[layers.length - 1].state(0);
        gemm(top, p.wuv, bv, false, false, 1.0, 0.0);
        bv.addi(p.bv);
        gemm(top, p.wuh, bh, false, false, 1.0, 0.0);
        bh.addi(p.bhid);
        double inv = 1.0 / temperature;
        if (fromPrevious) {
            v.assign(previous);
        } else {
            v.assign(0);
        }
        for (int s = 0; s < gibbsSteps; s++) {
            gemm(v, p.w, hProb, false, false, 1.0, 0.0);
            hProb.addi(bh).muli(inv);
            Ops.sigmoid(hProb, hProb);
            Ops.bernoulli(hProb, h, rng);
            gemm(h, p.w, v, false, true, 1.0, 0.0);
            v.addi(bv).muli(inv);
            Ops.sigmoid(v, v);
        }
        if (sample) {
            Ops.bernoulli(v.dup(), v, rng);
        }
        float[] out = v.castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT).dup().data().asFloat();
        previous.assign(v);
        feed(v);
        return out;
    }

    @Override
    public void close() {
        for (RecurrentLayerPass l : layers) {
            l.close();
        }
        for (INDArray a : new INDArray[] {v, bv, bh, h, hProb, previous}) {
            a.close();
        }
    }
}
