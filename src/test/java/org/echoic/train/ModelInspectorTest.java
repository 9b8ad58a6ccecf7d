package org.echoic.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.echoic.rnnrbm.GateActivation;
import org.echoic.rnnrbm.RnnRbm;
import org.echoic.rnnrbm.RnnRbmConfig;
import org.echoic.rnnrbm.RnnRbmParams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** The inspector against a direct plain-Java computation of the equations of RNNRBM.md on a tiny model. */
class ModelInspectorTest {
    private static final RnnRbmConfig CFG = new RnnRbmConfig(5, 7, 4, 1, false, GateActivation.TANH);
    private static RnnRbm model;
    private static Reference ref;

    @BeforeAll
    static void setUp() {
        model = new RnnRbm(CFG, 11);
        Random r = new Random(5);
        float[] all = new float[(int) RnnRbmParams.size(CFG)];
        for (int i = 0; i < all.length; i++) {
            all[i] = (float) (0.8 * r.nextGaussian());
        }
        model.params().flat().assign(Nd4j.create(all).castTo(DataType.FLOAT));
        ref = new Reference(model.params());
    }

    @AfterAll
    static void tearDown() {
        model.close();
    }

    private static List<float[][]> sequences(long seed, int... lengths) {
        Random r = new Random(seed);
        List<float[][]> out = new ArrayList<>();
        for (int len : lengths) {
            float[][] s = new float[len][CFG.nVisible()];
            for (float[] f : s) {
                for (int i = 0; i < f.length; i++) {
                    f[i] = r.nextFloat();
                }
            }
            out.add(s);
        }
        return out;
    }

    @Test
    void activationsAndStatesMatchTheEquations() {
        float[][] seq = sequences(1, 9).get(0);
        ModelInspector.Activations a = new ModelInspector(model).activations(seq);
        Reference.Run want = ref.run(seq);
        assertEquals(9, a.frames());
        assertEquals(CFG.nHidden(), a.hidden()[0].length);
        for (int t = 0; t < seq.length; t++) {
            for (int j = 0; j < CFG.nHidden(); j++) {
                assertEquals(want.hidden()[t][j], a.hidden()[t][j], 1e-5, "p(h|v) frame " + t + " unit " + j);
            }
            for (int l = 0; l < 3; l++) {
                for (int k = 0; k < CFG.nRecurrent(); k++) {
                    // float32 tanh/sigmoid (FastActivations, ≤ 4e-7) amplified by weights of s.d. 0.8 over 3 layers
                    assertEquals(want.states()[l][t][k], a.recurrent()[l][t][k], 5e-5, "layer " + l + " t " + t);
                }
            }
        }
        // The recurrent state matters: the same frame at t = 0 and after a history gives other activations.
        float[][] twice = {seq[3], seq[3]};
        ModelInspector.Activations b = new ModelInspector(model).activations(twice);
        double diff = 0;
        for (int j = 0; j < CFG.nHidden(); j++) {
            diff += Math.abs(b.hidden()[0][j] - b.hidden()[1][j]);
        }
        assertTrue(diff > 1e-3, "history changes p(h|v): " + diff);
    }

    @Test
    void templatesAreTheColumnsOfW() {
        float[][] tpl = new ModelInspector(model).templates();
        assertEquals(CFG.nHidden(), tpl.length);
        for (int j = 0; j < CFG.nHidden(); j++) {
            for (int i = 0; i < CFG.nVisible(); i++) {
                assertEquals(ref.w[i][j], tpl[j][i], 0f);
            }
        }
        double[] n = ModelInspector.norms(new float[][] {{3, 4}, {0, 0}});
        assertEquals(5, n[0], 1e-12);
        assertEquals(0, n[1], 0);
    }

    @Test
    void statisticsOverSequencesOfMixedLengthsAcrossBatchesMatchTheDirectComputation() throws Exception {
        int[] lengths = new int[ModelInspector.BATCH + 3];
        for (int i = 0; i < lengths.length; i++) {
            lengths[i] = 2 + (i * 7) % 11;
        }
        List<float[][]> seqs = sequences(2, lengths);
        List<ModelInspector.UnitStatistics> stats = new ModelInspector(model).statistics(seqs, 3);
        assertEquals(CFG.nHidden(), stats.size());
        for (int j = 0; j < CFG.nHidden(); j++) {
            double sum = 0;
            double sumSq = 0;
            long n = 0;
            float best = -1;
            int bestSeq = -1;
            int bestFrame = -1;
            double bestSegMean = -1;
            int bestSeg = -1;
            for (int s = 0; s < seqs.size(); s++) {
                float[][] h = ref.run(seqs.get(s)).hidden();
                double segSum = 0;
                for (int t = 0; t < h.length; t++) {
                    sum += h[t][j];
                    sumSq += h[t][j] * h[t][j];
                    segSum += h[t][j];
                    n++;
                    if (h[t][j] > best) {
                        best = h[t][j];
                        bestSeq = s;
                        bestFrame = t;
                    }
                }
                if (segSum / h.length > bestSegMean) {
                    bestSegMean = segSum / h.length;
                    bestSeg = s;
                }
            }
            ModelInspector.UnitStatistics u = stats.get(j);
            double mean = sum / n;
            assertEquals(j, u.unit());
            assertEquals(mean, u.meanActivation(), 1e-5);
            assertEquals(best, u.maxActivation(), 1e-5);
            assertEquals((1 - mean * mean / (sumSq / n)) / (1 - 1.0 / n), u.selectivity(), 1e-4);
            assertEquals(3, u.topFrames().size());
            assertEquals(bestSeq, u.topFrames().get(0).sequence(), "unit " + j);
            assertEquals(bestFrame, u.topFrames().get(0).frame(), "unit " + j);
            assertTrue(u.topFrames().get(0).activation() >= u.topFrames().get(2).activation());
            assertEquals(bestSeg, u.topSegments().get(0).sequence(), "unit " + j);
            assertEquals(bestSegMean, u.topSegments().get(0).activation(), 1e-5);
            double norm = 0;
            for (int i = 0; i < CFG.nVisible(); i++) {
                norm += ref.w[i][j] * ref.w[i][j];
            }
            assertEquals(Math.sqrt(norm), u.weightNorm(), 1e-5);
        }
    }

    @Test
    void framesOfTheWrongWidthAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ModelInspector(model).activations(new float[][] {new float[3]}));
        assertTrue(e.getMessage().contains("needs 5"), e.getMessage());
    }

    /** The model's equations in plain double arithmetic. */
    private static final class Reference {
        final float[][] w;
        final float[][][] wzr = new float[3][][];
        final float[][][] wh = new float[3][][];
        final float[][][] uzr = new float[3][][];
        final float[][][] uh = new float[3][][];
        final float[][] bzr = new float[3][];
        final float[][] bh = new float[3][];
        final float[][] wuh;
        final float[] bhid;

        record Run(float[][] hidden, float[][][] states) {
        }

        Reference(RnnRbmParams p) {
            for (int l = 0; l < 3; l++) {
                String n = "layer" + (l + 1) + ".";
                wzr[l] = p.group(n + "Wzr").toFloatMatrix();
                wh[l] = p.group(n + "Wh").toFloatMatrix();
                uzr[l] = p.group(n + "Uzr").toFloatMatrix();
                uh[l] = p.group(n + "Uh").toFloatMatrix();
                bzr[l] = p.group(n + "bzr").toFloatMatrix()[0];
                bh[l] = p.group(n + "bh").toFloatMatrix()[0];
            }
            w = p.group("W").toFloatMatrix();
            wuh = p.group("Wuh").toFloatMatrix();
            bhid = p.group("bh").toFloatMatrix()[0];
        }

        Run run(float[][] v) {
            int r = CFG.nRecurrent();
            int h = CFG.nHidden();
            double[][] u = new double[3][r];
            float[][] hidden = new float[v.length][h];
            float[][][] states = new float[3][v.length][r];
            for (int t = 0; t < v.length; t++) {
                for (int j = 0; j < h; j++) {
                    double a = bhid[j];
                    for (int k = 0; k < r; k++) {
                        a += u[2][k] * wuh[k][j];
                    }
                    for (int i = 0; i < v[t].length; i++) {
                        a += v[t][i] * w[i][j];
                    }
                    hidden[t][j] = (float) (1 / (1 + Math.exp(-a)));
                }
                double[] x = toDouble(v[t]);
                for (int l = 0; l < 3; l++) {
                    double[] prev = u[l];
                    double[] next = new double[r];
                    double[] rg = new double[r];
                    double[] z = new double[r];
                    for (int k = 0; k < r; k++) {
                        double az = bzr[l][k];
                        double ar = bzr[l][r + k];
                        for (int i = 0; i < x.length; i++) {
                            az += x[i] * wzr[l][i][k];
                            ar += x[i] * wzr[l][i][r + k];
                        }
                        for (int m = 0; m < r; m++) {
                            az += prev[m] * uzr[l][m][k];
                            ar += prev[m] * uzr[l][m][r + k];
                        }
                        z[k] = Math.tanh(az);
                        rg[k] = Math.tanh(ar);
                    }
                    for (int k = 0; k < r; k++) {
                        double a = bh[l][k];
                        for (int i = 0; i < x.length; i++) {
                            a += x[i] * wh[l][i][k];
                        }
                        for (int m = 0; m < r; m++) {
                            a += prev[m] * rg[m] * uh[l][m][k];
                        }
                        next[k] = (1 - z[k]) * Math.tanh(a) + z[k] * prev[k];
                        states[l][t][k] = (float) next[k];
                    }
                    u[l] = next;
                    x = next;
                }
            }
            return new Run(hidden, states);
        }

        private static double[] toDouble(float[] f) {
            double[] d = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                d[i] = f[i];
            }
            return d;
        }
    }
}
