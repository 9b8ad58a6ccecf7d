package org.echoic.rnnrbm;

import static org.echoic.rnnrbm.Ops.gemm;
import static org.echoic.rnnrbm.Ops.rows;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.SoftPlus;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * One batch through the RNN-RBM: the recurrent pass, the conditional-RBM biases of every frame, the Gibbs
 * chains of all B·T frames as one matrix, the CD cost, the monitors and back-propagation through time.
 * Buffers are allocated once for B sequences and up to a capacity of T steps, and reused. Not thread-safe.
 */
public final class TrainingPass implements AutoCloseable {
    private static final double CLIP = 1e-7;
    private final RnnRbm model;
    private final int batch;
    private final int capacity;
    private final RecurrentLayerPass[] layers = new RecurrentLayerPass[RnnRbmParams.LAYERS];
    private final INDArray v;
    private final INDArray mask;
    private final INDArray maskN;
    private final INDArray bvT;
    private final INDArray bhT;
    private final INDArray apos;
    private final INDArray hpos;
    private final INDArray vneg;
    private final INDArray hneg;
    private final INDArray hs;
    private final INDArray tmpF;
    private final INDArray tmpF2;
    private final INDArray tmpH;
    private final INDArray col;
    private int steps;
    private long realFrames;

    TrainingPass(RnnRbm model, int batch, int capacity) {
        this.model = model;
        this.batch = batch;
        this.capacity = capacity;
        RnnRbmConfig c = model.config();
        DataType type = model.dataType();
        for (int l = 0; l < layers.length; l++) {
            layers[l] = new RecurrentLayerPass(batch, capacity, c.nRecurrent(), c.gates(), type, model.javaSteps());
        }
        long n = (long) batch * capacity;
        v = Nd4j.create(type, n, c.nVisible());
        mask = Nd4j.create(type, n, 1);
        maskN = Nd4j.create(type, n, 1);
        bvT = Nd4j.create(type, n, c.nVisible());
        bhT = Nd4j.create(type, n, c.nHidden());
        apos = Nd4j.create(type, n, c.nHidden());
        hpos = Nd4j.create(type, n, c.nHidden());
        vneg = Nd4j.create(type, n, c.nVisible());
        hneg = Nd4j.create(type, n, c.nHidden());
        hs = Nd4j.create(type, n, c.nHidden());
        tmpF = Nd4j.create(type, n, c.nVisible());
        tmpF2 = Nd4j.create(type, n, c.nVisible());
        tmpH = Nd4j.create(type, n, c.nHidden());
        col = Nd4j.create(type, n, 1);
    }

    /** Sequences per batch this pass was built for. */
    public int batchSize() {
        return batch;
    }

    /** Largest number of steps this pass holds. */
    public int capacity() {
        return capacity;
    }

    /** Steps of the loaded batch. */
    public int steps() {
        return steps;
    }

    /** Unmasked frames of the loaded batch. */
    public long realFrames() {
        return realFrames;
    }

    private long n() {
        return (long) steps * batch;
    }

    /** Copies a batch in and sets the initial recurrent states (zeros, or the batch's carried states). */
    public void load(SequenceBatch b) {
        if (b.batchSize() != batch || b.steps() > capacity || b.nVisible() != model.config().nVisible()) {
            throw new IllegalArgumentException("batch " + b.batchSize() + "×" + b.steps() + "×" + b.nVisible()
                    + " does not fit this pass (" + batch + "×≤" + capacity + ")");
        }
        steps = b.steps();
        realFrames = b.realFrames();
        INDArray vData = Nd4j.create(b.frames(), new long[] {n(), b.nVisible()}, 'c');
        rows(v, 0, n()).assign(vData.castTo(v.dataType()));
        vData.close();
        INDArray mData = Nd4j.create(b.mask(), new long[] {n(), 1}, 'c');
        rows(mask, 0, n()).assign(mData.castTo(v.dataType()));
        mData.close();
        for (int l = 0; l < layers.length; l++) {
            float[] init = b.initialState(l);
            if (init == null) {
                layers[l].state(0).assign(0);
            } else {
                INDArray s = Nd4j.create(init, new long[] {batch, model.config().nRecurrent()}, 'c');
                layers[l].state(0).assign(s.castTo(v.dataType()));
                s.close();
            }
        }
    }

    /** The recurrent pass over the loaded frames, the per-frame RBM biases and the positive phase. */
    public void forward() {
        RnnRbmParams p = model.params();
        long n = n();
        INDArray x = rows(v, 0, n);
        for (int l = 0; l < layers.length; l++) {
            layers[l].forward(p, l, x, steps);
            x = layers[l].outputs(steps);
        }
        INDArray top = layers[layers.length - 1].previous(steps);
        gemm(top, p.wuv, rows(bvT, 0, n), false, false, 1.0, 0.0);
        rows(bvT, 0, n).addiRowVector(p.bv);
        gemm(top, p.wuh, rows(bhT, 0, n), false, false, 1.0, 0.0);
        rows(bhT, 0, n).addiRowVector(p.bhid);
        INDArray a = rows(apos, 0, n);
        gemm(x(), p.w, a, false, false, 1.0, 0.0);
        a.addi(rows(bhT, 0, n));
        Ops.sigmoid(a, rows(hpos, 0, n));
    }

    private INDArray x() {
        return rows(v, 0, n());
    }

    /** CD-k chain from the data: sampled h, mean-field (or sampled) v; leaves v̂ and p(h|v̂). */
    public void chain(int k, boolean sampleVisible, Random rng) {
        RnnRbmParams p = model.params();
        long n = n();
        INDArray hProb = rows(hpos, 0, n);
        INDArray vn = rows(vneg, 0, n);
        INDArray hn = rows(hneg, 0, n);
        INDArray h = rows(hs, 0, n);
        INDArray bv = rows(bvT, 0, n);
        for (int s = 0; s < k; s++) {
            Ops.bernoulli(hProb, h, rng);
            gemm(h, p.w, vn, false, true, 1.0, 0.0);
            Ops.addSigmoid(vn, bv, vn);
            if (sampleVisible) {
                INDArray f = rows(tmpF, 0, n);
                Ops.bernoulli(vn, f, rng);
                vn.assign(f);
            }
            negativeHidden();
            hProb = hn;
        }
    }

    /** Sets v̂ directly (no sampling) and computes p(h|v̂): the chain's end held fixed, for gradient checks. */
    public void setNegative(INDArray vHat) {
        rows(vneg, 0, n()).assign(vHat);
        negativeHidden();
    }

    private void negativeHidden() {
        long n = n();
        INDArray a = rows(tmpH, 0, n);
        gemm(rows(vneg, 0, n), model.params().w, a, false, false, 1.0, 0.0);
        Ops.addSigmoid(a, rows(bhT, 0, n), rows(hneg, 0, n));
    }

    /** The chain's v̂ (a live view, T·B × F, time-major). */
    public INDArray negative() {
        return rows(vneg, 0, n());
    }

    /** (1/N) Σ_t m_t [F_t(v_t) − F_t(v̂_t)]; call after {@link #chain} or {@link #setNegative}. */
    public double cost() {
        long n = n();
        INDArray f = rows(tmpF2, 0, n);
        rows(vneg, 0, n).subi(x(), f);
        f.muli(rows(bvT, 0, n));
        INDArray sp = rows(hs, 0, n);
        Nd4j.getExecutioner().exec(new SoftPlus(rows(apos, 0, n), sp));
        INDArray spNeg = rows(tmpH, 0, n);
        Nd4j.getExecutioner().exec(new SoftPlus(spNeg, spNeg));
        spNeg.subi(sp);
        INDArray c = rows(col, 0, n);
        f.sum(c, true, 1);
        INDArray c2 = rows(maskN, 0, n);
        spNeg.sum(c2, true, 1);
        c.addi(c2);
        c.muli(rows(mask, 0, n));
        return c.sumNumber().doubleValue() / Math.max(1, realFrames);
    }

    /**
     * Reconstruction monitor: mean over real frames of Σ_i [v log m + (1−v) log(1−m)], where m = p(v | h) for
     * h sampled from p(h | v̂) — one further half-step after the chain. Higher is better.
     */
    public double reconstruction(Random rng) {
        long n = n();
        INDArray h = rows(hs, 0, n);
        Ops.bernoulli(rows(hneg, 0, n), h, rng);
        INDArray m = rows(tmpF, 0, n);
        gemm(h, model.params().w, m, false, true, 1.0, 0.0);
        m.addi(rows(bvT, 0, n));
        Ops.sigmoid(m, m);
        Transforms.max(m, CLIP, false);
        Transforms.min(m, 1 - CLIP, false);
        INDArray logM = rows(tmpF2, 0, n);
        Nd4j.getExecutioner().exec(new org.nd4j.linalg.api.ops.impl.transforms.strict.Log(m, logM));
        m.rsubi(1.0);
        Nd4j.getExecutioner().exec(new org.nd4j.linalg.api.ops.impl.transforms.strict.Log(m, m));
        logM.subi(m);
        logM.muli(x());
        logM.addi(m);
        INDArray c = rows(col, 0, n);
        logM.sum(c, true, 1);
        c.muli(rows(mask, 0, n));
        return c.sumNumber().doubleValue() / Math.max(1, realFrames);
    }

    /** The gradient of {@link #cost} w.r.t. every parameter (v̂ constant), written into {@code grad}. */
    public void backward(RnnRbmParams grad) {
        RnnRbmParams p = model.params();
        long n = n();
        INDArray mN = rows(maskN, 0, n);
        mN.assign(rows(mask, 0, n));
        mN.muli(1.0 / Math.max(1, realFrames));
        INDArray dbv = rows(tmpF, 0, n);
        rows(vneg, 0, n).subi(x(), dbv);
        dbv.muliColumnVector(mN);
        INDArray hn = rows(hneg, 0, n);
        INDArray hp = rows(hpos, 0, n);
        hn.muliColumnVector(mN);
        hp.muliColumnVector(mN);
        gemm(rows(vneg, 0, n), hn, grad.w, true, false, 1.0, 0.0);
        gemm(x(), hp, grad.w, true, false, -1.0, 1.0);
        INDArray dbh = rows(tmpH, 0, n);
        hn.subi(hp, dbh);
        dbv.sum(grad.bv, true, 0);
        dbh.sum(grad.bhid, true, 0);
        RecurrentLayerPass topLayer = layers[layers.length - 1];
        INDArray top = topLayer.previous(steps);
        gemm(top, dbv, grad.wuv, true, false, 1.0, 0.0);
        gemm(top, dbh, grad.wuh, true, false, 1.0, 0.0);
        INDArray gTop = rows(topLayer.g, 0, n);
        gemm(dbv, p.wuv, gTop, false, true, 1.0, 0.0);
        gemm(dbh, p.wuh, gTop, false, true, 1.0, 1.0);
        rows(topLayer.g, n, n + batch).assign(0);
        for (int l = layers.length - 1; l >= 0; l--) {
            INDArray input = l == 0 ? x() : layers[l - 1].outputs(steps);
            INDArray dx = l == 0 ? null : rows(layers[l - 1].g, batch, n + batch);
            layers[l].backward(p, grad, l, input, steps, dx);
        }
    }

    /**
     * Next-frame prediction: from zeros, k Gibbs steps of each frame's conditional RBM (biases from the true
     * history); leaves the mean-field v of the last step in {@link #negative()}.
     */
    public void predictFromZeros(int k, Random rng) {
        gibbs(k, k, false, rng);
    }

    /**
     * Next-frame prediction as estimated marginals: from zeros, k Gibbs steps of each frame's conditional RBM
     * (biases from the true history), the visible probabilities p(v = 1 | h) averaged over the last ⌈k/2⌉ steps
     * (the first half is burn-in); leaves them in {@link #negative()}. With {@code fromPrevious} each chain starts
     * at the true previous frame of its sequence (part of the history the prediction is given; zeros at a
     * sequence's or window's first frame) instead of zeros.
     */
    public void predictMarginals(int k, boolean fromPrevious, Random rng) {
        gibbs(k, k - k / 2, fromPrevious, rng);
    }

    private void gibbs(int k, int averaged, boolean fromPrevious, Random rng) {
        RnnRbmParams p = model.params();
        long n = n();
        INDArray vn = rows(vneg, 0, n);
        INDArray h = rows(hs, 0, n);
        INDArray a = rows(tmpH, 0, n);
        INDArray acc = rows(tmpF2, 0, n);
        vn.assign(0);
        if (fromPrevious && n > batch) {
            rows(vneg, batch, n).assign(rows(v, 0, n - batch));
            rows(vneg, batch, n).muliColumnVector(rows(mask, batch, n));
        }
        acc.assign(0);
        for (int s = 0; s < k; s++) {
            gemm(vn, p.w, a, false, false, 1.0, 0.0);
            Ops.addSigmoid(a, rows(bhT, 0, n), a);
            Ops.bernoulli(a, h, rng);
            gemm(h, p.w, vn, false, true, 1.0, 0.0);
            Ops.addSigmoid(vn, rows(bvT, 0, n), vn);
            if (s >= k - averaged && averaged > 1) {
                acc.addi(vn);
            }
        }
        if (averaged > 1) {
            vn.assign(acc.muli(1.0 / averaged));
        }
    }

    /** Bernoulli samples of {@link #negative()} drawn from {@code rng} (a live scratch view, T·B × F). */
    public INDArray sampleNegative(Random rng) {
        INDArray f = rows(tmpF, 0, n());
        Ops.bernoulli(rows(vneg, 0, n()), f, rng);
        return f;
    }

    /** The mask column (1 real frame, 0 padding; live view, T·B × 1). */
    public INDArray mask() {
        return rows(mask, 0, n());
    }

    /** Per-frame visible and hidden biases (live views, T·B rows, time-major). */
    public INDArray visibleBiases() {
        return rows(bvT, 0, n());
    }

    /** Per-frame hidden biases of the conditional RBMs (live view). */
    public INDArray hiddenBiases() {
        return rows(bhT, 0, n());
    }

    /** p(h | v_t) of every loaded frame after {@link #forward} (live view; backward overwrites it). */
    public INDArray hiddenProbabilities() {
        return rows(hpos, 0, n());
    }

    /** The loaded frames (live view). */
    public INDArray frames() {
        return x();
    }

    /** The states of layer {@code layer} (0-based) after the last step, B × R, as a float copy. */
    public float[] finalState(int layer) {
        return layers[layer].state(steps).castTo(DataType.FLOAT).dup().data().asFloat();
    }

    /** States of a layer after each step: T·B × R rows, time-major (live view). */
    public INDArray layerStates(int layer) {
        return layers[layer].outputs(steps);
    }

    @Override
    public void close() {
        for (RecurrentLayerPass l : layers) {
            l.close();
        }
        for (INDArray a : new INDArray[] {v, mask, maskN, bvT, bhT, apos, hpos, vneg, hneg, hs, tmpF, tmpF2,
                tmpH, col}) {
            a.close();
        }
    }
}
