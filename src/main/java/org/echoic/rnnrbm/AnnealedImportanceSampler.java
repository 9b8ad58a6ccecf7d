package org.echoic.rnnrbm;

import static org.echoic.rnnrbm.Ops.gemm;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.SoftPlus;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Annealed importance sampling (Neal 2001; Salakhutdinov &amp; Murray 2008) of the log partition function of
 * each frame's conditional RBM, and from it the log-likelihood per frame of a data set. The annealing path
 * scales the hidden pre-activations by β from 0 (independent visible units with the frame's biases, exact
 * partition function) to 1 (the RBM), with linearly spaced β and one Gibbs transition per β.
 * Stateless; not thread-safe (it uses the model's buffers and generator).
 */
public final class AnnealedImportanceSampler {
    private AnnealedImportanceSampler() {
    }

    /**
     * log Z of n RBMs that share W: rows of {@code bv} (n × F) and {@code bh} (n × H) are their biases.
     *
     * @param chains independent AIS runs per RBM
     * @param betas  number of intermediate distributions
     */
    public static double[] logPartition(INDArray bv, INDArray bh, INDArray w, int chains, int betas, Random rng) {
        if (chains < 1 || betas < 2) {
            throw new IllegalArgumentException("AIS needs ≥ 1 chain and ≥ 2 temperatures");
        }
        int n = (int) bv.rows();
        long rows = (long) n * chains;
        DataType type = bv.dataType();
        INDArray bvR = bv.repeat(0, chains);
        INDArray bhR = bh.repeat(0, chains);
        INDArray v = Nd4j.create(type, rows, bv.columns());
        INDArray a = Nd4j.create(type, rows, bh.columns());
        INDArray s = Nd4j.create(type, rows, bh.columns());
        INDArray h = Nd4j.create(type, rows, bh.columns());
        INDArray col = Nd4j.create(type, rows, 1);
        INDArray logw = Nd4j.zeros(type, rows, 1);
        Ops.sigmoid(bvR, v);
        Ops.bernoulli(v.dup(), v, rng);
        for (int k = 1; k < betas; k++) {
            double b0 = (k - 1) / (double) (betas - 1);
            double b1 = k / (double) (betas - 1);
            gemm(v, w, a, false, false, 1.0, 0.0);
            a.addi(bhR);
            a.mul(b1, s);
            Nd4j.getExecutioner().exec(new SoftPlus(s, s));
            s.sum(col, true, 1);
            logw.addi(col);
            a.mul(b0, s);
            Nd4j.getExecutioner().exec(new SoftPlus(s, s));
            s.sum(col, true, 1);
            logw.subi(col);
            if (k < betas - 1) {
                a.muli(b1);
                Ops.sigmoid(a, a);
                Ops.bernoulli(a, h, rng);
                gemm(h, w, v, false, true, b1, 0.0);
                v.addi(bvR);
                Ops.sigmoid(v, v);
                Ops.bernoulli(v.dup(), v, rng);
            }
        }
        double[] lw = logw.castTo(DataType.DOUBLE).dup().data().asDouble();
        INDArray spv = Nd4j.create(type, n, bv.columns());
        Nd4j.getExecutioner().exec(new SoftPlus(bv, spv));
        double[] logZ0 = spv.sum(1).castTo(DataType.DOUBLE).data().asDouble();
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < chains; c++) {
                max = Math.max(max, lw[i * chains + c]);
            }
            double sum = 0;
            for (int c = 0; c < chains; c++) {
                sum += Math.exp(lw[i * chains + c] - max);
            }
            out[i] = bh.columns() * Math.log(2) + logZ0[i] + max + Math.log(sum / chains);
        }
        for (INDArray x : new INDArray[] {bvR, bhR, v, a, s, h, col, logw, spv}) {
            x.close();
        }
        return out;
    }

    /** Log-likelihood per frame (mean over real frames), its standard error over frames, and the frame count. */
    public record Estimate(double logLikelihoodPerFrame, double standardError, long frames) {
    }

    /**
     * Estimates the mean log-likelihood per frame of {@code sequences} under {@code model}: each frame's
     * −F_t(v_t) − log Ẑ_t with Ẑ_t from AIS. Uses the model's generator.
     */
    public static Estimate logLikelihood(RnnRbm model, List<float[][]> sequences, int batchSize, int chains,
                                         int betas) throws InterruptedException {
        List<Double> perFrame = new ArrayList<>();
        int maxRows = Math.max(1, 20_000 / chains);
        for (int from = 0; from < sequences.size(); from += batchSize) {
            List<float[][]> part = sequences.subList(from, Math.min(sequences.size(), from + batchSize));
            SequenceBatch b = SequenceBatch.of(part, model.config().nVisible());
            TrainingPass p = model.pass(b.batchSize(), b.steps());
            p.load(b);
            p.forward();
            List<Integer> real = new ArrayList<>();
            for (int r = 0; r < b.mask().length; r++) {
                if (b.mask()[r] > 0) {
                    real.add(r);
                }
            }
            for (int c0 = 0; c0 < real.size(); c0 += maxRows) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("log-likelihood estimate interrupted");
                }
                int[] idx = real.subList(c0, Math.min(real.size(), c0 + maxRows)).stream()
                        .mapToInt(Integer::intValue).toArray();
                INDArray bv = Nd4j.pullRows(p.visibleBiases(), 1, idx);
                INDArray bh = Nd4j.pullRows(p.hiddenBiases(), 1, idx);
                INDArray v = Nd4j.pullRows(p.frames(), 1, idx);
                double[] logZ = logPartition(bv, bh, model.params().w, chains, betas, model.random());
                double[] negFree = negativeFreeEnergy(v, bv, bh, model.params().w);
                for (int i = 0; i < idx.length; i++) {
                    perFrame.add(negFree[i] - logZ[i]);
                }
                bv.close();
                bh.close();
                v.close();
            }
        }
        double mean = perFrame.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double var = 0;
        for (double x : perFrame) {
            var += (x - mean) * (x - mean);
        }
        int n = perFrame.size();
        double se = n > 1 ? Math.sqrt(var / (n - 1) / n) : Double.NaN;
        return new Estimate(mean, se, n);
    }

    /** −F(v) = v·bv + Σ softplus(vW + bh), per row. */
    static double[] negativeFreeEnergy(INDArray v, INDArray bv, INDArray bh, INDArray w) {
        INDArray a = v.mmul(w).addi(bh);
        Nd4j.getExecutioner().exec(new SoftPlus(a, a));
        INDArray out = a.sum(1).addi(v.mul(bv).sum(1));
        double[] res = out.castTo(DataType.DOUBLE).dup().data().asDouble();
        a.close();
        return res;
    }
}
