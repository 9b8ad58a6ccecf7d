package org.echoic.rnnrbm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** AIS against the exact log partition function of tiny RBMs (all 2^H hidden states enumerated). */
class AnnealedImportanceSamplerTest {

    @Test
    void aisMatchesTheExactLogPartitionFunction() {
        int f = 8;
        int h = 6;
        Random r = new Random(5);
        double[][] w = new double[f][h];
        double[][] bv = new double[2][f];
        double[][] bh = new double[2][h];
        for (double[] row : w) {
            for (int j = 0; j < h; j++) {
                row[j] = 1.2 * r.nextGaussian();
            }
        }
        for (int n = 0; n < 2; n++) {
            for (int i = 0; i < f; i++) {
                bv[n][i] = r.nextGaussian();
            }
            for (int j = 0; j < h; j++) {
                bh[n][j] = r.nextGaussian();
            }
        }
        try (org.nd4j.linalg.api.rng.Random rng = Nd4j.getRandomFactory().getNewRandomInstance(3)) {
            double[] est = AnnealedImportanceSampler.logPartition(Nd4j.create(bv), Nd4j.create(bh), Nd4j.create(w),
                    200, 400, rng);
            for (int n = 0; n < 2; n++) {
                double exact = exactLogZ(w, bv[n], bh[n]);
                System.out.println("AIS log Z " + est[n] + " exact " + exact);
                assertEquals(exact, est[n], 0.05, "RBM " + n);
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void logLikelihoodOfAModelIsAProperLogProbability() throws Exception {
        RnnRbmConfig cfg = new RnnRbmConfig(6, 4, 3, 1, false, GateActivation.TANH).withInitStd(1.0, 0.5);
        try (RnnRbm model = new RnnRbm(cfg, 4, DataType.DOUBLE)) {
            java.util.List<float[][]> seqs = TinyData.uniform(2, 6, 5, 3);
            for (float[][] s : seqs) {
                for (float[] fr : s) {
                    for (int i = 0; i < fr.length; i++) {
                        fr[i] = Math.round(fr[i]);
                    }
                }
            }
            AnnealedImportanceSampler.Estimate e = AnnealedImportanceSampler.logLikelihood(model, seqs, 2, 100, 200);
            // exact: mean over frames of log p(v_t) with each frame's biases, enumerated
            TrainingPass p = model.pass(2, 5);
            p.load(SequenceBatch.of(seqs, 6));
            p.forward();
            double[][] w = model.params().rbmWeights().toDoubleMatrix();
            double[][] bvs = p.visibleBiases().toDoubleMatrix();
            double[][] bhs = p.hiddenBiases().toDoubleMatrix();
            double[][] vs = p.frames().toDoubleMatrix();
            float[] mask = SequenceBatch.of(seqs, 6).mask();
            double sum = 0;
            int n = 0;
            for (int row = 0; row < mask.length; row++) {
                if (mask[row] > 0) {
                    sum += -freeEnergy(vs[row], w, bvs[row], bhs[row]) - exactLogZ(w, bvs[row], bhs[row]);
                    n++;
                }
            }
            assertEquals(8, e.frames());
            assertEquals(sum / n, e.logLikelihoodPerFrame(), 0.05);
            assertTrue(e.standardError() > 0 && e.logLikelihoodPerFrame() < 0);
        }
    }

    static double freeEnergy(double[] v, double[][] w, double[] bv, double[] bh) {
        double fe = 0;
        for (int i = 0; i < v.length; i++) {
            fe -= v[i] * bv[i];
        }
        for (int j = 0; j < bh.length; j++) {
            double a = bh[j];
            for (int i = 0; i < v.length; i++) {
                a += v[i] * w[i][j];
            }
            fe -= Math.log1p(Math.exp(a));
        }
        return fe;
    }

    /** log Σ_h exp(h·bh) Π_i (1 + exp(bv_i + (W h)_i)), enumerating all hidden states. */
    static double exactLogZ(double[][] w, double[] bv, double[] bh) {
        int h = bh.length;
        double max = Double.NEGATIVE_INFINITY;
        double[] terms = new double[1 << h];
        for (int s = 0; s < terms.length; s++) {
            double t = 0;
            for (int j = 0; j < h; j++) {
                if ((s >> j & 1) == 1) {
                    t += bh[j];
                }
            }
            for (int i = 0; i < bv.length; i++) {
                double a = bv[i];
                for (int j = 0; j < h; j++) {
                    if ((s >> j & 1) == 1) {
                        a += w[i][j];
                    }
                }
                t += Math.max(a, 0) + Math.log1p(Math.exp(-Math.abs(a)));
            }
            terms[s] = t;
            max = Math.max(max, t);
        }
        double sum = 0;
        for (double t : terms) {
            sum += Math.exp(t - max);
        }
        return max + Math.log(sum);
    }

    @Test
    void exactLogZOfAnEmptyRbmIsAnalytic() {
        double[][] w = new double[2][1];
        assertEquals(3 * Math.log(2), exactLogZ(w, new double[2], new double[1]), 1e-12);
    }
}
