package org.echoic.rnnrbm;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * RMSProp with the spec's guard, over the flat parameter vector: non-finite gradient elements become 0.1·p,
 * then a ← 0.9·a + 0.1·g² and p ← p − lr·g / sqrt(a + 1e-6). Optional L1 (on the recurrent range) and L2
 * (on all weight matrices) are added to the gradient first. Not thread-safe.
 */
public final class RmsProp implements AutoCloseable {
    /** Decay of the squared-gradient average. */
    public static final double DECAY = 0.9;
    /** Added under the square root. */
    public static final double EPSILON = 1e-6;
    private final RnnRbmParams accumulator;
    private final INDArray tmp;
    private long guardedElements;

    /** A zero accumulator for parameters of {@code model}. */
    public RmsProp(RnnRbm model) {
        this.accumulator = model.newGradient();
        this.tmp = accumulator.flat().ulike();
    }

    /** The squared-gradient average (live; saved in checkpoints). */
    public INDArray accumulator() {
        return accumulator.flat();
    }

    /** Resets the accumulator to zero (curriculum option). */
    public void reset() {
        accumulator.flat().assign(0);
    }

    /** Total number of gradient elements replaced by the non-finite guard so far. */
    public long guardedElements() {
        return guardedElements;
    }

    /** Applies one update with learning rate {@code lr}; {@code grad} is modified (regularised, guarded). */
    public void update(RnnRbmParams params, RnnRbmParams grad, double lr, double l1, double l2) {
        INDArray p = params.flat();
        INDArray g = grad.flat();
        if (l1 != 0) {
            INDArray t = tmp.get(NDArrayIndex.interval(0, params.recurrentEnd()));
            t.assign(p.get(NDArrayIndex.interval(0, params.recurrentEnd())));
            Transforms.sign(t, false);
            g.get(NDArrayIndex.interval(0, params.recurrentEnd())).addi(t.muli(l1));
        }
        if (l2 != 0) {
            INDArray t = tmp.get(NDArrayIndex.interval(0, params.weightsEnd()));
            t.assign(p.get(NDArrayIndex.interval(0, params.weightsEnd())));
            g.get(NDArrayIndex.interval(0, params.weightsEnd())).addi(t.muli(l2));
        }
        guard(p, g);
        INDArray a = accumulator.flat();
        g.muli(g, tmp);
        tmp.muli(1 - DECAY);
        a.muli(DECAY).addi(tmp);
        a.addi(EPSILON, tmp);
        Transforms.sqrt(tmp, false);
        tmp.rdivi(g);
        tmp.muli(lr);
        p.subi(tmp);
    }

    private void guard(INDArray p, INDArray g) {
        if (Double.isFinite(g.norm2Number().doubleValue())) {
            return;
        }
        double[] gv = g.toDoubleVector();
        double[] pv = p.toDoubleVector();
        for (int i = 0; i < gv.length; i++) {
            if (!Double.isFinite(gv[i])) {
                gv[i] = 0.1 * pv[i];
                guardedElements++;
            }
        }
        g.assign(Nd4j.createFromArray(gv).castTo(g.dataType()));
    }

    @Override
    public void close() {
        accumulator.flat().close();
        tmp.close();
    }
}
