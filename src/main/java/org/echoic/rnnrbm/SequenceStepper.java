package org.echoic.rnnrbm;

import static org.echoic.rnnrbm.Ops.gemm;

import java.util.SplittableRandom;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs the model one frame at a time for generation: prime the recurrent state with real frames, then
 * draw each new frame from its conditional RBM (k Gibbs steps from zeros or from the previous frame,
 * pre-activations divided by a temperature, mean-field or sampled output) and feed it back. The recurrent part
 * runs on ND4J; the Gibbs chain of one frame (a 1 × F by F × H product per half-step, too small for ND4J's
 * per-operation cost) runs in plain Java on a copy of W taken at construction, drawing from a
 * {@link SplittableRandom} seeded from {@code rng}. Not thread-safe; close it to free its buffers.
 */
public final class SequenceStepper implements AutoCloseable {
    private final RnnRbm model;
    private final RecurrentLayerPass[] layers = new RecurrentLayerPass[RnnRbmParams.LAYERS];
    private final INDArray bv;
    private final INDArray bh;
    private final SplittableRandom draws;
    private final float[] w;
    private final int nv;
    private final int nh;
    private float[] previous;

    /** A stepper at zero recurrent state drawing from {@code rng}. */
    public SequenceStepper(RnnRbm model, Random rng) {
        this.model = model;
        RnnRbmConfig c = model.config();
        for (int l = 0; l < layers.length; l++) {
            layers[l] = new RecurrentLayerPass(1, 1, c.nRecurrent(), c.gates(), model.dataType(), model.javaSteps());
            layers[l].state(0).assign(0);
        }
        bv = Nd4j.create(model.dataType(), 1, c.nVisible());
        bh = Nd4j.create(model.dataType(), 1, c.nHidden());
        draws = new SplittableRandom(rng.nextLong());
        INDArray wc = model.params().rbmWeights().castTo(DataType.FLOAT).dup('c');
        w = wc.data().asFloat();
        wc.close();
        nv = c.nVisible();
        nh = c.nHidden();
        previous = new float[nv];
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
            previous = f.clone();
        }
    }

    /** The state of recurrent layer {@code layer} (0-based) after the frames fed so far, as a float copy. */
    public float[] state(int layer) {
        return layers[layer].state(0).castTo(DataType.FLOAT).dup().data().asFloat();
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
        float[] visBias = bv.castTo(DataType.FLOAT).data().asFloat();
        float[] hidBias = bh.castTo(DataType.FLOAT).data().asFloat();
        float[] v = fromPrevious ? previous.clone() : new float[nv];
        float[] h = new float[nh];
        double[] acc = new double[nh];
        for (int s = 0; s < gibbsSteps; s++) {
            for (int j = 0; j < nh; j++) {
                acc[j] = hidBias[j];
            }
            for (int i = 0; i < nv; i++) {
                float vi = v[i];
                if (vi != 0) {
                    int row = i * nh;
                    for (int j = 0; j < nh; j++) {
                        acc[j] += vi * w[row + j];
                    }
                }
            }
            for (int j = 0; j < nh; j++) {
                h[j] = draws.nextDouble() < sigmoid(acc[j] * inv) ? 1f : 0f;
            }
            for (int i = 0; i < nv; i++) {
                double a = visBias[i];
                int row = i * nh;
                for (int j = 0; j < nh; j++) {
                    a += h[j] * w[row + j];
                }
                v[i] = (float) sigmoid(a * inv);
            }
        }
        if (sample) {
            for (int i = 0; i < nv; i++) {
                v[i] = draws.nextDouble() < v[i] ? 1f : 0f;
            }
        }
        previous = v.clone();
        INDArray x = Nd4j.create(v, new long[] {1, nv}, 'c').castTo(model.dataType());
        feed(x);
        return v;
    }

    private static double sigmoid(double a) {
        return 1 / (1 + Math.exp(-a));
    }

    @Override
    public void close() {
        for (RecurrentLayerPass l : layers) {
            l.close();
        }
        for (INDArray a : new INDArray[] {bv, bh}) {
            a.close();
        }
    }
}
