package org.echoic.rnnrbm;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;
import org.nd4j.linalg.api.ops.random.impl.BernoulliDistribution;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Small helpers over ND4J that never allocate results: views, in-place activations, gemm, sampling. */
final class Ops {
    private Ops() {
    }

    /** Rows [from, to) of a c-order matrix: a contiguous view. */
    static INDArray rows(INDArray a, long from, long to) {
        return a.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
    }

    /** Rows [from, to) and columns [c0, c1): a strided view. */
    static INDArray block(INDArray a, long from, long to, long c0, long c1) {
        return a.get(NDArrayIndex.interval(from, to), NDArrayIndex.interval(c0, c1));
    }

    /** c ← alpha · op(a)·op(b) + beta · c. */
    static void gemm(INDArray a, INDArray b, INDArray c, boolean ta, boolean tb, double alpha, double beta) {
        Nd4j.gemm(a, b, c, ta, tb, alpha, beta);
    }

    /** z ← sigmoid(x): {@link FastActivations} for contiguous float32 on the CPU, else ND4J's op. */
    static void sigmoid(INDArray x, INDArray z) {
        if (FastActivations.applies(x, z)) {
            FastActivations.sigmoid(x, z);
        } else {
            Nd4j.getExecutioner().exec(new Sigmoid(x, z));
        }
    }

    /** x ← x + b (same shape), then z ← sigmoid(x); one fused pass for contiguous float32 on the CPU. */
    static void addSigmoid(INDArray x, INDArray b, INDArray z) {
        if (FastActivations.applies(x, z) && FastActivations.applies(b, z)) {
            FastActivations.addSigmoid(x, b, z);
        } else {
            x.addi(b);
            sigmoid(x, z);
        }
    }

    /** z ← tanh(x): {@link FastActivations} for contiguous float32 on the CPU, else ND4J's op. */
    static void tanh(INDArray x, INDArray z) {
        if (FastActivations.applies(x, z)) {
            FastActivations.tanh(x, z);
        } else {
            Nd4j.getExecutioner().exec(new Tanh(x, z));
        }
    }

    static void gate(GateActivation g, INDArray x) {
        if (g == GateActivation.TANH) {
            tanh(x, x);
        } else {
            sigmoid(x, x);
        }
    }

    /** d ← act'(y) given the activation's output y. */
    static void gateDerivative(GateActivation g, INDArray y, INDArray d) {
        if (g == GateActivation.TANH) {
            y.muli(y, d);
            d.rsubi(1.0);
        } else {
            y.rsubi(1.0, d);
            d.muli(y);
        }
    }

    /** z ← Bernoulli(p) elementwise, drawn from {@code rng}. */
    static void bernoulli(INDArray p, INDArray z, Random rng) {
        Nd4j.getExecutioner().exec(new BernoulliDistribution(z, p), rng);
    }
}
