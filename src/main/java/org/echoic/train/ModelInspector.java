package org.echoic.train;

import java.util.ArrayList;
import java.util.List;

import org.echoic.rnnrbm.RnnRbm;
import org.echoic.rnnrbm.RnnRbmParams;
import org.echoic.rnnrbm.SequenceBatch;
import org.echoic.rnnrbm.TrainingPass;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Looks inside a trained RNN-RBM (RNNRBM.md, "What can be inspected"): p(h | v_t) of every frame of a
 * sequence, conditioned on the recurrent state from the frames before t exactly as in training; the three
 * recurrent layers' states over time; each hidden unit's weights W[:, j] as a spectral template; and unit
 * statistics over a set of sequences. Results are plain float arrays and records. Uses the model's passes and
 * no random draws, so the model's generator is untouched. Not thread-safe: call it on the one model thread.
 */
public final class ModelInspector {
    /** Sequences run through the model at once when computing statistics. */
    static final int BATCH = 16;

    private final RnnRbm model;

    public ModelInspector(RnnRbm model) {
        this.model = model;
    }

    /**
     * What the model computes over one sequence.
     *
     * @param hidden    p(h_j = 1 | v_t, history), [T][nHidden]
     * @param recurrent the states u^ℓ_t of layers ℓ = 1..3 after frame t, [3][T][nRecurrent], in (−1, 1)
     */
    public record Activations(float[][] hidden, float[][][] recurrent) {
        /** Number of frames T. */
        public int frames() {
            return hidden.length;
        }
    }

    /** A frame or segment that drives a unit: sequence index, frame index in it, and p(h_j | v) there. */
    public record Hit(int sequence, int frame, float activation) {
    }

    /**
     * Statistics of hidden unit {@code unit} over a set of sequences.
     *
     * @param weightNorm     Euclidean norm of W[:, j]
     * @param meanActivation mean p(h_j | v_t) over all frames
     * @param maxActivation  largest p(h_j | v_t)
     * @param selectivity    lifetime sparseness (Treves–Rolls, as in Vinje &amp; Gallant 2000) of the unit's
     *                       activations over all frames: 0 = equally active everywhere, 1 = active on one frame
     * @param topFrames      the frames with the highest activation, best first
     * @param topSegments    the sequences with the highest mean activation (frame = their most active frame)
     */
    public record UnitStatistics(int unit, double weightNorm, double meanActivation, double maxActivation,
                                 double selectivity, List<Hit> topFrames, List<Hit> topSegments) {
        public UnitStatistics {
            topFrames = List.copyOf(topFrames);
            topSegments = List.copyOf(topSegments);
        }
    }

    /** p(h | v_t) of every frame and the recurrent states of {@code frames} ([T][F], values in [0, 1]). */
    public Activations activations(float[][] frames) {
        check(frames, 0);
        int h = model.config().nHidden();
        int r = model.config().nRecurrent();
        TrainingPass p = run(List.<float[][]>of(frames));
        float[] hid = floats(p.hiddenProbabilities());
        int t = frames.length;
        float[][] hidden = new float[t][];
        for (int i = 0; i < t; i++) {
            hidden[i] = java.util.Arrays.copyOfRange(hid, i * h, (i + 1) * h);
        }
        float[][][] rec = new float[RnnRbmParams.LAYERS][t][];
        for (int l = 0; l < RnnRbmParams.LAYERS; l++) {
            float[] s = floats(p.layerStates(l));
            for (int i = 0; i < t; i++) {
                rec[l][i] = java.util.Arrays.copyOfRange(s, i * r, (i + 1) * r);
            }
        }
        return new Activations(hidden, rec);
    }

    /** Each hidden unit's weights W[:, j] over the F visible values: [nHidden][F]. */
    public float[][] templates() {
        int f = model.config().nVisible();
        int h = model.config().nHidden();
        float[] w = floats(model.params().rbmWeights());
        float[][] out = new float[h][f];
        for (int i = 0; i < f; i++) {
            for (int j = 0; j < h; j++) {
                out[j][i] = w[i * h + j];
            }
        }
        return out;
    }

    /** Euclidean norm of each template. */
    public static double[] norms(float[][] templates) {
        double[] out = new double[templates.length];
        for (int j = 0; j < templates.length; j++) {
            double s = 0;
            for (float x : templates[j]) {
                s += (double) x * x;
            }
            out[j] = Math.sqrt(s);
        }
        return out;
    }

    /**
     * Statistics of every hidden unit over {@code sequences}, with the {@code top} frames and sequences that
     * drive each unit most. Honours interruption between batches.
     *
     * @throws InterruptedException if the thread is interrupted
     */
    public List<UnitStatistics> statistics(List<float[][]> sequences, int top) throws InterruptedException {
        if (sequences.isEmpty()) {
            throw new IllegalArgumentException("no sequences to compute unit statistics over");
        }
        int h = model.config().nHidden();
        double[] sum = new double[h];
        double[] sumSq = new double[h];
        double[] max = new double[h];
        TopK[] frames = new TopK[h];
        TopK[] segments = new TopK[h];
        for (int j = 0; j < h; j++) {
            frames[j] = new TopK(top);
            segments[j] = new TopK(top);
        }
        long n = 0;
        for (int from = 0; from < sequences.size(); from += BATCH) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("unit statistics interrupted");
            }
            List<float[][]> batch = sequences.subList(from, Math.min(sequences.size(), from + BATCH));
            for (int b = 0; b < batch.size(); b++) {
                check(batch.get(b), from + b);
            }
            TrainingPass p = run(batch);
            float[] hid = floats(p.hiddenProbabilities());
            int rows = batch.size();
            for (int b = 0; b < rows; b++) {
                int len = batch.get(b).length;
                double[] segSum = new double[h];
                int[] segArg = new int[h];
                float[] segMax = new float[h];
                java.util.Arrays.fill(segMax, -1f);
                for (int t = 0; t < len; t++) {
                    int base = (t * rows + b) * h;
                    for (int j = 0; j < h; j++) {
                        float a = hid[base + j];
                        sum[j] += a;
                        sumSq[j] += (double) a * a;
                        max[j] = Math.max(max[j], a);
                        segSum[j] += a;
                        if (a > segMax[j]) {
                            segMax[j] = a;
                            segArg[j] = t;
                        }
                        frames[j].offer(new Hit(from + b, t, a));
                    }
                }
                for (int j = 0; j < h; j++) {
                    segments[j].offer(new Hit(from + b, segArg[j], (float) (segSum[j] / len)));
                }
                n += len;
            }
        }
        double[] norm = norms(templates());
        List<UnitStatistics> out = new ArrayList<>(h);
        for (int j = 0; j < h; j++) {
            double mean = sum[j] / n;
            double meanSq = sumSq[j] / n;
            double sparseness = meanSq <= 0 || n < 2 ? 0 : (1 - mean * mean / meanSq) / (1 - 1.0 / n);
            out.add(new UnitStatistics(j, norm[j], mean, max[j], Math.max(0, Math.min(1, sparseness)),
                    frames[j].best(), segments[j].best()));
        }
        return out;
    }

    private TrainingPass run(List<float[][]> sequences) {
        SequenceBatch batch = SequenceBatch.of(sequences, model.config().nVisible());
        TrainingPass p = model.pass(batch.batchSize(), batch.steps());
        p.load(batch);
        p.forward();
        return p;
    }

    private void check(float[][] frames, int index) {
        int f = model.config().nVisible();
        if (frames.length == 0) {
            throw new IllegalArgumentException("sequence " + index + " has no frames");
        }
        for (int t = 0; t < frames.length; t++) {
            if (frames[t].length != f) {
                throw new IllegalArgumentException("sequence " + index + " frame " + t + " has " + frames[t].length
                        + " values, the model needs " + f);
            }
        }
    }

    private static float[] floats(INDArray a) {
        INDArray c = a.castTo(DataType.FLOAT).dup('c');
        float[] out = c.data().asFloat();
        c.close();
        return out;
    }

    /** The k largest hits by activation (ties keep the earlier one), best first. */
    private static final class TopK {
        private final Hit[] hits;
        private int size;

        TopK(int k) {
            hits = new Hit[Math.max(0, k)];
        }

        void offer(Hit hit) {
            if (hits.length == 0 || (size == hits.length && hit.activation() <= hits[size - 1].activation())) {
                return;
            }
            int i = size < hits.length ? size++ : size - 1;
            while (i > 0 && hits[i - 1].activation() < hit.activation()) {
                hits[i] = hits[i - 1];
                i--;
            }
            hits[i] = hit;
        }

        List<Hit> best() {
            return List.of(java.util.Arrays.copyOf(hits, size));
        }
    }
}
