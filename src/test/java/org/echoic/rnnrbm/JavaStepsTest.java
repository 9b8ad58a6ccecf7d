package org.echoic.rnnrbm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The plain-Java per-step path (float32, CPU) computes the same cost and gradient as the ND4J-ops path. */
class JavaStepsTest {
    @ParameterizedTest
    @EnumSource(GateActivation.class)
    void javaAndNd4jStepsAgree(GateActivation gates) {
        RnnRbmConfig cfg = new RnnRbmConfig(6, 5, 4, 1, false, gates);
        try (RnnRbm model = new RnnRbm(cfg, 7, DataType.FLOAT)) {
            assertTrue(model.javaSteps(), "the CPU backend uses the Java path for float32");
            INDArray p = model.params().flat();
            java.util.Random r = new java.util.Random(2);
            for (long i = 0; i < p.length(); i++) {
                p.putScalar(i, 0.4 * r.nextGaussian());
            }
            SequenceBatch batch = TinyData.withJunkPadding(SequenceBatch.of(TinyData.uniform(3, 6, 7, 4, 6), 6), 5, 1f);
            INDArray vHat = Nd4j.rand(DataType.FLOAT, 21, 6);
            double[] java = run(model, batch, vHat);
            model.setJavaSteps(false);
            double[] nd4j = run(model, batch, vHat);
            for (int i = 0; i < java.length; i++) {
                assertEquals(nd4j[i], java[i], 1e-5 * Math.max(1e-2, Math.abs(nd4j[i])), "element " + i);
            }
        }
    }

    private static double[] run(RnnRbm model, SequenceBatch b, INDArray vHat) {
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
