package org.echoic.label;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The GRU layer's gradients equal finite differences; padding at the end does not change the real steps' output. */
class GruLayerTest {
    private static final LabelNetwork.Settings SMALL = new LabelNetwork.Settings(4, 1e-3, 3);

    /**
     * The layer's graph on its own (SameDiff, double precision): the gradient of {@code sum(out ⊙ R)} with respect
     * to every parameter and the input equals central finite differences, with a mask on the last two steps.
     */
    @Test
    void gradientsMatchFiniteDifferences() {
        int nIn = 3;
        int nOut = 4;
        int steps = 5;
        GruLayer layer = new GruLayer(nIn, nOut, steps);
        org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams shapes =
                new org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams();
        layer.defineParameters(shapes);
        Nd4j.getRandom().setSeed(5);
        java.util.Map<String, INDArray> values = new java.util.LinkedHashMap<>();
        values.put("input", Nd4j.randn(DataType.DOUBLE, 2, nIn, steps));
        for (var e : shapes.getParamShapes().entrySet()) {
            values.put(e.getKey(), Nd4j.randn(DataType.DOUBLE, e.getValue()).muli(0.5));
        }
        INDArray r = Nd4j.randn(DataType.DOUBLE, 2, nOut, steps);
        INDArray mask = Nd4j.createFromArray(new double[][] {{1, 1, 1, 1, 1}, {1, 1, 1, 0, 0}});
        org.nd4j.autodiff.samediff.SameDiff sd = org.nd4j.autodiff.samediff.SameDiff.create();
        java.util.Map<String, org.nd4j.autodiff.samediff.SDVariable> params = new java.util.HashMap<>();
        for (var e : values.entrySet()) {
            params.put(e.getKey(), sd.var(e.getKey(), e.getValue().dup()));
        }
        org.nd4j.autodiff.samediff.SDVariable out = layer.defineLayer(sd, params.get("input"), params,
                sd.constant(mask));
        org.nd4j.autodiff.samediff.SDVariable loss = out.mul(sd.constant(r)).sum();
        sd.setLossVariables(loss);
        java.util.Map<String, INDArray> grads = sd.calculateGradients(java.util.Map.of(),
                values.keySet().toArray(new String[0]));
        double eps = 1e-6;
        int checked = 0;
        for (String name : values.keySet()) {
            INDArray v = sd.getVariable(name).getArr();
            for (int i = 0; i < v.length(); i++) {
                double orig = v.getDouble(i);
                v.putScalar(i, orig + eps);
                double plus = sd.outputSingle(java.util.Map.of(), loss.name()).getDouble(0);
                v.putScalar(i, orig - eps);
                double minus = sd.outputSingle(java.util.Map.of(), loss.name()).getDouble(0);
                v.putScalar(i, orig);
                double numeric = (plus - minus) / (2 * eps);
                double analytic = grads.get(name).getDouble(i);
                assertEquals(numeric, analytic, 1e-6 + 1e-5 * Math.abs(numeric), name + "[" + i + "]");
                checked++;
            }
        }
        assertEquals(2 * nIn * steps + 3 * (nIn * nOut + nOut * nOut + nOut) + nOut, checked);
        double maskedGrad = grads.get("input").get(NDArrayIndex.point(1), NDArrayIndex.all(),
                NDArrayIndex.interval(3, 5)).amaxNumber().doubleValue();
        assertEquals(0, maskedGrad, 1e-12, "padded steps get no gradient");
    }

    @Test
    void paddingAtTheEndLeavesTheRealStepsUnchanged() {
        for (LabelNetwork kind : LabelNetwork.values()) {
            MultiLayerNetwork net = kind.build(LabelNetwork.Task.FRAMES, 3, 6, new double[] {1, 1}, SMALL,
                    DataType.FLOAT);
            Nd4j.getRandom().setSeed(11);
            INDArray x = Nd4j.randn(DataType.FLOAT, 1, 3, 6);
            INDArray mask = Nd4j.createFromArray(new float[][] {{1, 1, 1, 1, 0, 0}});
            INDArray[] outs = new INDArray[2];
            for (int i = 0; i < 2; i++) {
                INDArray padded = x.dup();
                padded.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(4, 6)).assign(i == 0 ? 7.5 : -3);
                outs[i] = net.output(padded, false, mask, mask).get(NDArrayIndex.all(), NDArrayIndex.all(),
                        NDArrayIndex.interval(0, 4)).dup().reshape(-1);
            }
            double leak = outs[0].sub(outs[1]).amaxNumber().doubleValue();
            if (kind == LabelNetwork.BILSTM || kind == LabelNetwork.CNN_BILSTM) {
                // DL4J's Bidirectional reverses the whole padded window, and the convolutions see across the
                // boundary: the labeller therefore never pads windows for these networks (see Windows).
                assertTrue(leak > 0, kind + ": padding was expected to reach the real steps");
            } else {
                assertEquals(0, leak, 1e-6, kind + ": padded steps leaked into the real ones");
            }
        }
    }
}
