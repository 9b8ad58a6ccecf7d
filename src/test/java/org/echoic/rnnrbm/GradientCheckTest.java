package org.echoic.rnnrbm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Finite differences of the CD cost (v̂ held fixed) against the back-propagated gradient for EVERY parameter
 * group (up to 8 spread elements of each) of a tiny model (F=6, H=5, R=4, T=7, B=3, unequal lengths
 * with masking), in double precision.
 */
class GradientCheckTest {

    @ParameterizedTest
    @EnumSource(GateActivation.class)
    void backPropagationMatchesFiniteDifferencesInEveryParameterGroup(GateActivation gates) {
        RnnRbmConfig cfg = new RnnRbmConfig(6, 5, 4, 1, false, gates);
        try (RnnRbm model = new RnnRbm(cfg, 7, DataType.DOUBLE)) {
            INDArray p = model.params().flat();
            Random r = new Random(11);
            for (long i = 0; i < p.length(); i++) {
                p.putScalar(i, 0.4 * r.nextGaussian());
            }
            SequenceBatch batch = TinyData.withJunkPadding(
                    SequenceBatch.of(TinyData.uniform(3, 6, 7, 4, 6), 6), 5, 1f);
            double[][] v = new double[21][6];
            for (double[] row : v) {
                for (int i = 0; i < row.length; i++) {
                    row[i] = r.nextDouble();
                }
            }
            INDArray vHat = Nd4j.create(v);
            TrainingPass pass = model.pass(3, 7);
            RnnRbmParams grad = model.newGradient();
            pass.load(batch);
            pass.forward();
            pass.setNegative(vHat);
            double base = pass.cost();
            pass.backward(grad);
            INDArray analytic = grad.flat().dup();
            double eps = 1e-5;
            int perGroup = gates == GateActivation.TANH ? 8 : 3;
            double worst = 0;
            String worstAt = "";
            for (RnnRbmParams.Group g : model.params().groups()) {
                double groupNorm = 0;
                long stride = Math.max(1, g.length() / perGroup);
                for (long i = g.offset(); i < g.offset() + g.length(); i += stride) {
                    double orig = p.getDouble(i);
                    p.putScalar(i, orig + eps);
                    double plus = cost(pass, batch, vHat);
                    p.putScalar(i, orig - eps);
                    double minus = cost(pass, batch, vHat);
                    p.putScalar(i, orig);
                    double numeric = (plus - minus) / (2 * eps);
                    double a = analytic.getDouble(i);
                    double rel = Math.abs(a - numeric) / Math.max(Math.abs(a) + Math.abs(numeric), 1e-7);
                    if (rel > worst) {
                        worst = rel;
                        worstAt = g.name() + "[" + (i - g.offset()) + "] analytic " + a + " numeric " + numeric;
                    }
                    groupNorm += a * a;
                }
                assertTrue(groupNorm > 1e-12, "gradient of " + g.name() + " is zero: the check would be empty");
            }
            System.out.println("gradient check (" + gates + "): max relative error " + worst + " at " + worstAt
                    + "; base cost " + base);
            assertTrue(worst < 1e-5, "max relative error " + worst + " at " + worstAt);
        }
    }

    private static double cost(TrainingPass pass, SequenceBatch batch, INDArray vHat) {
        pass.load(batch);
        pass.forward();
        pass.setNegative(vHat);
        return pass.cost();
    }
}
