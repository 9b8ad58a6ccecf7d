package org.echoic.rnnrbm;

import static org.echoic.rnnrbm.Ops.block;
import static org.echoic.rnnrbm.Ops.gemm;
import static org.echoic.rnnrbm.Ops.rows;

import java.nio.FloatBuffer;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Forward and backward pass of one gated recurrent layer over B sequences and up to T steps, with buffers
 * allocated once and reused. Rows are time-major (row t·B + b). Input projections of all steps are computed
 * in one product; only the recurrent products u_{t−1}·U are sequential. State blocks: block 0 of {@link #u}
 * is the initial state, block t+1 the state after step t. Not thread-safe.
 */
final class RecurrentLayerPass {
    private final int batch;
    private final int capacity;
    private final int r;
    private final GateActivation gates;
    /** Gate activations after the forward pass: [z | r] per row (pre-activations during it). */
    final INDArray azr;
    /** Candidate state ũ per row. */
    final INDArray ah;
    /** States, (T+1)·B rows. */
    final INDArray u;
    /** External gradient w.r.t. each state block, (T+1)·B rows (block 0 unused). */
    final INDArray g;
    private final INDArray diff;
    private final INDArray ur;
    private final INDArray dazr;
    private final INDArray dah;
    private final INDArray kz;
    private final INDArray kr;
    private final INDArray kh;
    private final INDArray carry;
    private final INDArray dur;
    private final INDArray[] azrT;
    private final INDArray[] zT;
    private final INDArray[] rT;
    private final INDArray[] ahT;
    private final INDArray[] uT;
    private final INDArray[] gT;
    private final INDArray[] diffT;
    private final INDArray[] urT;
    private final INDArray[] dazrT;
    private final INDArray[] dazT;
    private final INDArray[] darT;
    private final INDArray[] dahT;
    private final INDArray[] kzT;
    private final INDArray[] krT;
    private final INDArray[] khT;
    /** Direct float views of the buffers when the small per-step element-wise work runs in Java (CPU, FLOAT). */
    private final FloatBuffer[] fb;

    RecurrentLayerPass(int batch, int capacity, int nRecurrent, GateActivation gates, DataType type,
                       boolean javaSteps) {
        this.batch = batch;
        this.capacity = capacity;
        this.r = nRecurrent;
        this.gates = gates;
        long n = (long) batch * capacity;
        azr = Nd4j.create(type, n, 2L * r);
        ah = Nd4j.create(type, n, r);
        u = Nd4j.create(type, n + batch, r);
        g = Nd4j.create(type, n + batch, r);
        diff = Nd4j.create(type, n, r);
        ur = Nd4j.create(type, n, r);
        dazr = Nd4j.create(type, n, 2L * r);
        dah = Nd4j.create(type, n, r);
        kz = Nd4j.create(type, n, r);
        kr = Nd4j.create(type, n, r);
        kh = Nd4j.create(type, n, r);
        carry = Nd4j.create(type, batch, r);
        dur = Nd4j.create(type, batch, r);
        azrT = new INDArray[capacity];
        zT = new INDArray[capacity];
        rT = new INDArray[capacity];
        ahT = new INDArray[capacity];
        uT = new INDArray[capacity + 1];
        gT = new INDArray[capacity + 1];
        diffT = new INDArray[capacity];
        urT = new INDArray[capacity];
        dazrT = new INDArray[capacity];
        dazT = new INDArray[capacity];
        darT = new INDArray[capacity];
        dahT = new INDArray[capacity];
        kzT = new INDArray[capacity];
        krT = new INDArray[capacity];
        khT = new INDArray[capacity];
        if (javaSteps && type == DataType.FLOAT) {
            INDArray[] all = {azr, ah, u, g, diff, ur, dazr, dah, kz, kr, kh, carry, dur};
            fb = new FloatBuffer[all.length];
            for (int i = 0; i < all.length; i++) {
                fb[i] = all[i].data().asNioFloat();
            }
        } else {
            fb = null;
        }
        for (int t = 0; t <= capacity; t++) {
            uT[t] = rows(u, (long) t * batch, (long) (t + 1) * batch);
            gT[t] = rows(g, (long) t * batch, (long) (t + 1) * batch);
            if (t == capacity) {
                break;
            }
            long a = (long) t * batch;
            long b = a + batch;
            azrT[t] = rows(azr, a, b);
            zT[t] = block(azr, a, b, 0, r);
            rT[t] = block(azr, a, b, r, 2L * r);
            ahT[t] = rows(ah, a, b);
            diffT[t] = rows(diff, a, b);
            urT[t] = rows(ur, a, b);
            dazrT[t] = rows(dazr, a, b);
            dazT[t] = block(dazr, a, b, 0, r);
            darT[t] = block(dazr, a, b, r, 2L * r);
            dahT[t] = rows(dah, a, b);
            kzT[t] = rows(kz, a, b);
            krT[t] = rows(kr, a, b);
            khT[t] = rows(kh, a, b);
        }
    }

    int capacity() {
        return capacity;
    }

    /** State block t (0 = initial state), a live B × R view. */
    INDArray state(int t) {
        return uT[t];
    }

    /** The states after steps 0..T−1: rows [B, (T+1)·B). */
    INDArray outputs(int steps) {
        return rows(u, batch, (long) (steps + 1) * batch);
    }

    /** The states before steps 0..T−1: rows [0, T·B). */
    INDArray previous(int steps) {
        return rows(u, 0, (long) steps * batch);
    }

    /** Runs {@code steps} steps on input x (T·B × in rows); the initial state must be in block 0. */
    void forward(RnnRbmParams p, int layer, INDArray x, int steps) {
        long n = (long) steps * batch;
        INDArray azrAll = rows(azr, 0, n);
        INDArray ahAll = rows(ah, 0, n);
        gemm(x, p.wzr[layer], azrAll, false, false, 1.0, 0.0);
        azrAll.addiRowVector(p.bzr[layer]);
        gemm(x, p.wh[layer], ahAll, false, false, 1.0, 0.0);
        ahAll.addiRowVector(p.bh[layer]);
        INDArray uzr = p.uzr[layer];
        INDArray uh = p.uh[layer];
        for (int t = 0; t < steps; t++) {
            gemm(uT[t], uzr, azrT[t], false, false, 1.0, 1.0);
            Ops.gate(gates, azrT[t]);
            if (fb != null) {
                JavaSteps.resetProduct(fb, t, batch, r);
            } else {
                uT[t].muli(rT[t], urT[t]);
            }
            gemm(urT[t], uh, ahT[t], false, false, 1.0, 1.0);
            Ops.tanh(ahT[t], ahT[t]);
            if (fb != null) {
                JavaSteps.update(fb, t, batch, r);
            } else {
                uT[t].subi(ahT[t], diffT[t]);
                diffT[t].muli(zT[t], uT[t + 1]);
                uT[t + 1].addi(ahT[t]);
            }
        }
    }

    /**
     * Back-propagates the external gradients in {@link #g} (blocks 1..T) through time, writes this layer's
     * parameter gradients into {@code grad} and, when {@code dx} is not null, the gradient w.r.t. the input
     * rows into {@code dx}. The gradient w.r.t. the initial state is dropped (truncation / constant zero).
     */
    void backward(RnnRbmParams p, RnnRbmParams grad, int layer, INDArray x, int steps, INDArray dx) {
        long n = (long) steps * batch;
        INDArray z = block(azr, 0, n, 0, r);
        INDArray rg = block(azr, 0, n, r, 2L * r);
        INDArray hAll = rows(ah, 0, n);
        INDArray khAll = rows(kh, 0, n);
        INDArray kzAll = rows(kz, 0, n);
        INDArray krAll = rows(kr, 0, n);
        INDArray dahAll = rows(dah, 0, n);
        INDArray uPrev = previous(steps);
        // kh = (1 − z) ⊙ (1 − ũ²); kz = (u_{t−1} − ũ) ⊙ act'(z); kr = u_{t−1} ⊙ act'(r)
        hAll.muli(hAll, khAll);
        khAll.rsubi(1.0);
        z.rsubi(1.0, dahAll);
        khAll.muli(dahAll);
        Ops.gateDerivative(gates, z, kzAll);
        kzAll.muli(rows(diff, 0, n));
        Ops.gateDerivative(gates, rg, krAll);
        krAll.muli(uPrev);
        INDArray uzr = p.uzr[layer];
        INDArray uh = p.uh[layer];
        for (int t = steps - 1; t >= 0; t--) {
            if (fb != null) {
                JavaSteps.backCandidate(fb, t, batch, r, t == steps - 1);
            } else {
                INDArray du = gT[t + 1];
                if (t < steps - 1) {
                    du.addi(carry);
                }
                du.muli(khT[t], dahT[t]);
                du.muli(kzT[t], dazT[t]);
                du.muli(zT[t], carry);
            }
            gemm(dahT[t], uh, dur, false, true, 1.0, 0.0);
            if (fb != null) {
                JavaSteps.backReset(fb, t, batch, r);
            } else {
                dur.muli(krT[t], darT[t]);
                dur.muli(rT[t]);
                carry.addi(dur);
            }
            gemm(dazrT[t], uzr, carry, false, true, 1.0, 1.0);
        }
        INDArray dazrAll = rows(dazr, 0, n);
        gemm(x, dazrAll, grad.wzr[layer], true, false, 1.0, 0.0);
        gemm(x, dahAll, grad.wh[layer], true, false, 1.0, 0.0);
        gemm(uPrev, dazrAll, grad.uzr[layer], true, false, 1.0, 0.0);
        gemm(rows(ur, 0, n), dahAll, grad.uh[layer], true, false, 1.0, 0.0);
        dazrAll.sum(grad.bzr[layer], true, 0);
        dahAll.sum(grad.bh[layer], true, 0);
        if (dx != null) {
            gemm(dazrAll, p.wzr[layer], dx, false, true, 1.0, 0.0);
            gemm(dahAll, p.wh[layer], dx, false, true, 1.0, 1.0);
        }
    }

    void close() {
        for (INDArray a : new INDArray[] {azr, ah, u, g, diff, ur, dazr, dah, kz, kr, kh, carry, dur}) {
            a.close();
        }
    }
}
