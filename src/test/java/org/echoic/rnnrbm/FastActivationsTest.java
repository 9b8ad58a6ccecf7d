package org.echoic.rnnrbm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The Java sigmoid and tanh match the exact functions to float accuracy, on whole arrays and on row views. */
class FastActivationsTest {
    @Test
    void sigmoidAndTanhMatchTheExactFunctionsEverywhere() {
        int n = 200_001;
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = -40f + 80f * i / (n - 1);
        }
        float[] s = x.clone();
        FastActivations.sigmoid(s, n);
        float[] t = x.clone();
        FastActivations.tanh(t, n, 1f);
        double maxSig = 0;
        double maxTanh = 0;
        for (int i = 0; i < n; i++) {
            maxSig = Math.max(maxSig, Math.abs(s[i] - 1 / (1 + Math.exp(-(double) x[i]))));
            maxTanh = Math.max(maxTanh, Math.abs(t[i] - Math.tanh(x[i])));
        }
        assertTrue(maxSig <= 2.5e-7, "sigmoid error " + maxSig);
        assertTrue(maxTanh <= 4e-7, "tanh error " + maxTanh);
        assertEquals(0.5f, s[n / 2], 1e-7);
        assertEquals(0f, t[n / 2], 1e-7);
    }

    @Test
    void rowViewsAreWrittenInPlaceAndOtherRowsAreLeftAlone() {
        INDArray a = Nd4j.rand(DataType.FLOAT, 9000, 3).subi(0.5).muli(20);
        INDArray before = a.dup();
        INDArray view = Ops.rows(a, 2, 8000);
        assertTrue(FastActivations.applies(view, view));
        Ops.sigmoid(view, view);
        for (int r = 0; r < 9000; r++) {
            for (int c = 0; c < 3; c++) {
                double v = before.getDouble(r, c);
                double expected = r >= 2 && r < 8000 ? 1 / (1 + Math.exp(-v)) : v;
                assertEquals(expected, a.getDouble(r, c), 3e-7, "row " + r + " column " + c);
            }
        }
        INDArray out = Nd4j.create(DataType.FLOAT, 7998, 3);
        Ops.tanh(Ops.rows(before, 2, 8000), out);
        assertEquals(Math.tanh(before.getDouble(5, 1)), out.getDouble(3, 1), 4e-7);
    }

    @Test
    void addSigmoidKeepsTheSumAndWritesItsSigmoid() {
        INDArray x = Nd4j.rand(DataType.FLOAT, 5000, 3).subi(0.5).muli(8);
        INDArray b = Nd4j.rand(DataType.FLOAT, 5000, 3).subi(0.5);
        INDArray sum = x.add(b);
        INDArray z = Nd4j.create(DataType.FLOAT, 5000, 3);
        Ops.addSigmoid(x, b, z);
        for (int r = 0; r < 5000; r += 7) {
            double s = sum.getDouble(r, 2);
            assertEquals(s, x.getDouble(r, 2), 1e-6, "the pre-activation stays in x");
            assertEquals(1 / (1 + Math.exp(-s)), z.getDouble(r, 2), 3e-7, "row " + r);
        }
        INDArray d = Nd4j.rand(DataType.DOUBLE, 4, 6);
        INDArray db = Nd4j.rand(DataType.DOUBLE, 4, 6);
        double want = 1 / (1 + Math.exp(-(d.getDouble(1, 2) + db.getDouble(1, 2))));
        Ops.addSigmoid(d, db, d);
        assertEquals(want, d.getDouble(1, 2), 1e-12, "the ND4J path gives the same");
    }

    @Test
    void stridedAndDoubleArraysUseNd4jOps() {
        INDArray a = Nd4j.rand(DataType.FLOAT, 4, 6);
        INDArray block = Ops.block(a, 0, 4, 2, 5);
        assertFalse(FastActivations.applies(block, block));
        INDArray d = Nd4j.rand(DataType.DOUBLE, 4, 6);
        assertFalse(FastActivations.applies(d, d));
        double v = block.getDouble(1, 1);
        Ops.sigmoid(block, block);
        assertEquals(1 / (1 + Math.exp(-v)), block.getDouble(1, 1), 1e-6);
        double w = d.getDouble(2, 3);
        Ops.tanh(d, d);
        assertEquals(Math.tanh(w), d.getDouble(2, 3), 1e-12);
    }
}
