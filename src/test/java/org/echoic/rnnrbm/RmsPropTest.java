package org.echoic.rnnrbm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** RMSProp, the non-finite guard and L1/L2 on hand-computed values. */
class RmsPropTest {
    private static final RnnRbmConfig CFG = new RnnRbmConfig(2, 2, 1, 1, false, GateActivation.TANH);

    @Test
    void updateFollowsTheSpecFormulasIncludingTheGuard() {
        try (RnnRbm model = new RnnRbm(CFG, 1, DataType.DOUBLE); RmsProp opt = new RmsProp(model)) {
            INDArray p = model.params().flat();
            RnnRbmParams grad = model.newGradient();
            INDArray g = grad.flat();
            int n = (int) p.length();
            double[] pv = new double[n];
            double[] gv = new double[n];
            double[] a = new double[n];
            for (int i = 0; i < n; i++) {
                pv[i] = 0.5 - 0.1 * i;
                gv[i] = i % 3 == 0 ? -0.2 * i : 0.3;
                p.putScalar(i, pv[i]);
                g.putScalar(i, gv[i]);
            }
            g.putScalar(1, Double.NaN);
            gv[1] = 0.1 * pv[1];
            g.putScalar(2, Double.POSITIVE_INFINITY);
            gv[2] = 0.1 * pv[2];
            double lr = 0.01;
            opt.update(model.params(), grad, lr, 0, 0);
            for (int i = 0; i < n; i++) {
                a[i] = 0.9 * 0 + 0.1 * gv[i] * gv[i];
                pv[i] -= lr * gv[i] / Math.sqrt(a[i] + 1e-6);
                assertEquals(pv[i], p.getDouble(i), 1e-12, "parameter " + i);
                assertEquals(a[i], opt.accumulator().getDouble(i), 1e-13 * Math.max(1, a[i]), "accumulator " + i);
            }
            assertEquals(2, opt.guardedElements());
            for (int i = 0; i < n; i++) {
                g.putScalar(i, 0.05);
            }
            opt.update(model.params(), grad, lr, 0, 0);
            double a0 = 0.9 * a[0] + 0.1 * 0.05 * 0.05;
            assertEquals(pv[0] - lr * 0.05 / Math.sqrt(a0 + 1e-6), p.getDouble(0), 1e-12);
        }
    }

    @Test
    void l1ActsOnTheRecurrentRangeAndL2OnAllWeights() {
        try (RnnRbm model = new RnnRbm(CFG, 1, DataType.DOUBLE); RmsProp opt = new RmsProp(model)) {
            RnnRbmParams params = model.params();
            INDArray p = params.flat();
            for (int i = 0; i < p.length(); i++) {
                p.putScalar(i, i % 2 == 0 ? 0.5 : -0.25);
            }
            RnnRbmParams grad = model.newGradient();
            opt.update(params, grad, 0.0, 0.01, 0.1);
            INDArray g = grad.flat();
            long rEnd = params.recurrentEnd();
            long wEnd = params.weightsEnd();
            for (long i = 0; i < p.length(); i++) {
                double pi = p.getDouble(i);
                double expected = (i < rEnd ? 0.01 * Math.signum(pi) : 0) + (i < wEnd ? 0.1 * pi : 0);
                assertEquals(expected, g.getDouble(i), 1e-15, "gradient " + i);
            }
        }
    }

    @Test
    void parameterViewsShareTheFlatVector() {
        try (RnnRbm model = new RnnRbm(CFG, 1, DataType.DOUBLE)) {
            RnnRbmParams p = model.params();
            p.group("W").putScalar(1, 1, 42.0);
            RnnRbmParams.Group w = p.groups().stream().filter(x -> x.name().equals("W")).findFirst().orElseThrow();
            assertEquals(42.0, p.flat().getDouble(w.offset() + 3), 0);
            assertEquals(RnnRbmParams.size(CFG), p.flat().length());
        }
    }

    @Test
    void defaultSizesFollowTheSpecTable() {
        RnnRbmConfig c = RnnRbmConfig.defaults(129);
        assertEquals(219, c.nHidden());
        assertEquals(167, c.nRecurrent());
        assertEquals(15, c.cdSteps());
    }
}
