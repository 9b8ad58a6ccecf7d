package org.echoic.rnnrbm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Padding never changes the cost or the gradient; a padded batch equals its sequences taken alone. */
class MaskingTest {
    private static final RnnRbmConfig CFG = new RnnRbmConfig(6, 5, 4, 2, false, GateActivation.TANH);

    @Test
    void paddingValuesNeverChangeCostOrGradient() {
        try (RnnRbm model = new RnnRbm(CFG, 2, DataType.DOUBLE)) {
            scramble(model);
            SequenceBatch clean = SequenceBatch.of(TinyData.uniform(1, 6, 7, 3, 5), 6);
            SequenceBatch junk = TinyData.withJunkPadding(clean, 9, 50f);
            INDArray vHat = Nd4j.rand(DataType.DOUBLE, 21, 6);
            double[] a = costAndGradient(model, clean, vHat);
            double[] b = costAndGradient(model, junk, vHat);
            for (int i = 0; i < a.length; i++) {
                assertEquals(a[i], b[i], 1e-12 * Math.max(1, Math.abs(a[i])), "element " + i);
            }
        }
    }

    @Test
    void aPaddedBatchEqualsItsSequencesAlone() {
        try (RnnRbm model = new RnnRbm(CFG, 2, DataType.DOUBLE)) {
            scramble(model);
            List<float[][]> seqs = TinyData.uniform(4, 6, 6, 2);
            INDArray vHat = Nd4j.rand(DataType.DOUBLE, 12, 6);
            double[] both = costAndGradient(model, SequenceBatch.of(seqs, 6), vHat);
            double[] first = costAndGradient(model, SequenceBatch.of(seqs.subList(0, 1), 6), rowsOf(vHat, 0, 6));
            double[] second = costAndGradient(model, SequenceBatch.of(seqs.subList(1, 2), 6), rowsOf(vHat, 1, 2));
            for (int i = 0; i < both.length; i++) {
                double expected = (6 * first[i] + 2 * second[i]) / 8;
                assertEquals(expected, both[i], 1e-10, "element " + i);
            }
        }
    }

    /** Rows b, b+2, b+4, … (sequence b of a time-major batch of 2), the first {@code steps} of them. */
    private static INDArray rowsOf(INDArray vHat, int b, int steps) {
        int[] idx = new int[steps];
        for (int t = 0; t < steps; t++) {
            idx[t] = t * 2 + b;
        }
        return Nd4j.pullRows(vHat, 1, idx);
    }

    private static void scramble(RnnRbm model) {
        INDArray p = model.params().flat();
        java.util.Random r = new java.util.Random(3);
        for (long i = 0; i < p.length(); i++) {
            p.putScalar(i, 0.3 * r.nextGaussian());
        }
    }

    /** [cost, gradient…]. */
    private static double[] costAndGradient(RnnRbm model, SequenceBatch b, INDArray vHat) {
        TrainingPass pass = model.pass(b.batchSize(), b.steps());
        pass.load(b);
        pass.forward();
        pass.setNegative(vHat);
        double cost = pass.cost();
        RnnRbmParams g = model.newGradient();
        pass.backward(g);
        double[] gv = g.flat().toDoubleVector();
        double[] out = new double[gv.length + 1];
        out[0] = cost;
        System.arraycopy(gv, 0, out, 1, gv.length);
        return out;
    }
}
