package org.echoic.rnnrbm;

import static org.echoic.rnnrbm.Ops.gemm;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Pretraining of the RBM part of an RNN-RBM (W, bv, bh) as a plain RBM on every training frame, ignoring time, as
 * Boulanger-Lewandowski et al. (2012) initialised their model: bv starts at the log-odds of each value's mean over
 * the frames, then CD-k epochs over shuffled mini-batches of frames (sampled h, mean-field or sampled v as the
 * model's chain does) with RMSProp of its own. The recurrent part is not touched. Frames are shuffled by a
 * {@link SplittableRandom} from the given seed and the chains draw from the model's generator, so the result is
 * deterministic. Runs on the caller's thread; not thread-safe.
 */
public final class RbmPretraining {
    /** Mini-batch of frames. */
    public static final int BATCH_FRAMES = 200;
    /** CD steps of pretraining: CD-1, the usual choice for pretraining an RBM, 15 times cheaper than the model's k. */
    public static final int CD_STEPS = 1;
    private static final double CLAMP = 1e-3;

    private RbmPretraining() {
    }

    /**
     * Sets bv to the log-odds of the frames' mean values (clamped to [0.001, 0.999]) and runs {@code epochs} CD
     * epochs on W, bv and bh.
     *
     * @param sequences    training sequences (only their frames are used)
     * @param cdSteps      k of the chain
     * @param learningRate RMSProp rate
     * @param cancelled    checked between mini-batches; pretraining stops early when it turns true
     * @return the mean reconstruction squared error per value of the last epoch (NaN if none ran)
     */
    public static double run(RnnRbm model, List<float[][]> sequences, int epochs, int cdSteps, double learningRate,
                             long seed, BooleanSupplier cancelled) {
        RnnRbmConfig c = model.config();
        int f = c.nVisible();
        int total = 0;
        for (float[][] s : sequences) {
            total += s.length;
        }
        float[] all = new float[Math.multiplyExact(total, f)];
        double[] mean = new double[f];
        int at = 0;
        for (float[][] s : sequences) {
            for (float[] frame : s) {
                System.arraycopy(frame, 0, all, at * f, f);
                for (int i = 0; i < f; i++) {
                    mean[i] += frame[i];
                }
                at++;
            }
        }
        RnnRbmParams p = model.params();
        double[] logOdds = new double[f];
        for (int i = 0; i < f; i++) {
            double m = Math.min(1 - CLAMP, Math.max(CLAMP, mean[i] / Math.max(1, total)));
            logOdds[i] = Math.log(m / (1 - m));
        }
        p.bv.assign(Nd4j.createFromArray(logOdds).reshape(1, f).castTo(p.bv.dataType()));
        double last = Double.NaN;
        if (epochs < 1 || total == 0) {
            return last;
        }
        try (Batch b = new Batch(model, Math.min(BATCH_FRAMES, total))) {
            SplittableRandom shuffle = new SplittableRandom(seed);
            int[] order = new int[total];
            for (int i = 0; i < total; i++) {
                order[i] = i;
            }
            for (int e = 0; e < epochs; e++) {
                for (int i = total - 1; i > 0; i--) {
                    int j = shuffle.nextInt(i + 1);
                    int t = order[i];
                    order[i] = order[j];
                    order[j] = t;
                }
                double err = 0;
                int batches = 0;
                for (int from = 0; from + b.rows <= total; from += b.rows) {
                    if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                        return last;
                    }
                    float[] x = new float[b.rows * f];
                    for (int r = 0; r < b.rows; r++) {
                        System.arraycopy(all, order[from + r] * f, x, r * f, f);
                    }
                    err += b.step(x, cdSteps, learningRate);
                    batches++;
                }
                last = err / Math.max(1, batches);
            }
        }
        return last;
    }

    /** Buffers and optimiser state for mini-batches of a fixed number of frames. */
    private static final class Batch implements AutoCloseable {
        final int rows;
        private final RnnRbm model;
        private final INDArray x;
        private final INDArray hPos;
        private final INDArray h;
        private final INDArray v;
        private final INDArray hNeg;
        private final INDArray gW;
        private final INDArray gBv;
        private final INDArray gBh;
        private final INDArray[] acc;
        private final INDArray[] tmp;

        Batch(RnnRbm model, int rows) {
            this.model = model;
            this.rows = rows;
            RnnRbmConfig c = model.config();
            var type = model.dataType();
            x = Nd4j.create(type, rows, c.nVisible());
            hPos = Nd4j.create(type, rows, c.nHidden());
            h = Nd4j.create(type, rows, c.nHidden());
            v = Nd4j.create(type, rows, c.nVisible());
            hNeg = Nd4j.create(type, rows, c.nHidden());
            gW = Nd4j.create(type, c.nVisible(), c.nHidden());
            gBv = Nd4j.create(type, 1, c.nVisible());
            gBh = Nd4j.create(type, 1, c.nHidden());
            acc = new INDArray[] {gW.ulike().assign(0), gBv.ulike().assign(0), gBh.ulike().assign(0)};
            tmp = new INDArray[] {gW.ulike(), gBv.ulike(), gBh.ulike()};
        }

        /** One CD-k step on frames {@code data} (rows × F); returns the reconstruction squared error per value. */
        double step(float[] data, int k, double lr) {
            RnnRbmParams p = model.params();
            INDArray in = Nd4j.create(data, new long[] {rows, x.columns()}, 'c');
            x.assign(in.castTo(x.dataType()));
            in.close();
            gemm(x, p.w, hPos, false, false, 1.0, 0.0);
            hPos.addiRowVector(p.bhid);
            Ops.sigmoid(hPos, hPos);
            INDArray hProb = hPos;
            for (int s = 0; s < k; s++) {
                Ops.bernoulli(hProb, h, model.random());
                gemm(h, p.w, v, false, true, 1.0, 0.0);
                v.addiRowVector(p.bv);
                Ops.sigmoid(v, v);
                if (model.config().sampleVisible()) {
                    INDArray probs = v.dup();
                    Ops.bernoulli(probs, v, model.random());
                    probs.close();
                }
                gemm(v, p.w, hNeg, false, false, 1.0, 0.0);
                hNeg.addiRowVector(p.bhid);
                Ops.sigmoid(hNeg, hNeg);
                hProb = hNeg;
            }
            double inv = 1.0 / rows;
            gemm(v, hNeg, gW, true, false, inv, 0.0);
            gemm(x, hPos, gW, true, false, -inv, 1.0);
            INDArray dv = v.sub(x);
            dv.sum(gBv, true, 0).muli(inv);
            double err = dv.norm2Number().doubleValue();
            dv.close();
            INDArray dh = hNeg.sub(hPos);
            dh.sum(gBh, true, 0).muli(inv);
            dh.close();
            INDArray[] params = {p.w, p.bv, p.bhid};
            INDArray[] grads = {gW, gBv, gBh};
            for (int i = 0; i < 3; i++) {
                INDArray g = grads[i];
                g.muli(g, tmp[i]).muli(1 - RmsProp.DECAY);
                acc[i].muli(RmsProp.DECAY).addi(tmp[i]);
                acc[i].addi(RmsProp.EPSILON, tmp[i]);
                Transforms.sqrt(tmp[i], false);
                tmp[i].rdivi(g).muli(lr);
                params[i].subi(tmp[i]);
            }
            return err * err / ((double) rows * x.columns());
        }

        @Override
        public void close() {
            for (INDArray a : new INDArray[] {x, hPos, h, v, hNeg, gW, gBv, gBh, acc[0], acc[1], acc[2], tmp[0],
                    tmp[1], tmp[2]}) {
                a.close();
            }
        }
    }
}
