package org.echoic.generate;

import java.util.ArrayList;
import java.util.List;

import org.echoic.rnnrbm.RnnRbm;
import org.echoic.rnnrbm.SequenceBatch;
import org.echoic.rnnrbm.TrainingPass;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.SoftPlus;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The free energy F_t(v_t) = −v_t·bv_t − Σ_j softplus(v_t·W + bh_t)_j of every frame of some sequences
 * under a model, each frame's conditional RBM set by the true history of its sequence. Lower means more
 * probable to the model (up to its partition function). Touches the model's ND4J arrays: call on the model
 * thread only.
 */
public final class FreeEnergies {
    private static final int BATCH = 16;

    private FreeEnergies() {
    }

    /** The free energies of all frames of {@code sequences}, sequence after sequence. */
    public static double[] of(RnnRbm model, List<float[][]> sequences) throws InterruptedException {
        List<Double> out = new ArrayList<>();
        int nv = model.config().nVisible();
        for (int from = 0; from < sequences.size(); from += BATCH) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("free energy interrupted");
            }
            List<float[][]> part = sequences.subList(from, Math.min(sequences.size(), from + BATCH));
            SequenceBatch b = SequenceBatch.of(part, nv);
            TrainingPass p = model.pass(b.batchSize(), b.steps());
            p.load(b);
            p.forward();
            INDArray v = p.frames();
            INDArray a = v.mmul(model.params().rbmWeights()).addi(p.hiddenBiases());
            Nd4j.getExecutioner().exec(new SoftPlus(a, a));
            INDArray neg = a.sum(1).addi(v.mul(p.visibleBiases()).sum(1));
            double[] f = neg.castTo(DataType.DOUBLE).dup().data().asDouble();
            a.close();
            neg.close();
            float[] mask = b.mask();
            int steps = b.steps();
            int batch = b.batchSize();
            for (int s = 0; s < part.size(); s++) {
                for (int t = 0; t < steps; t++) {
                    int row = t * batch + s;
                    if (mask[row] > 0) {
                        out.add(-f[row]);
                    }
                }
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
