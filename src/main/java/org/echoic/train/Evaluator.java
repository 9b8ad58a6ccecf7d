package org.echoic.train;

import java.util.List;

import org.echoic.rnnrbm.RnnRbm;
import org.echoic.rnnrbm.RnnRbmParams;
import org.echoic.rnnrbm.TrainingPass;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Evaluates a model on a data set: CD cost, reconstruction monitor, and next-frame prediction given the true
 * history. The prediction of a frame is the estimated marginal probability of each value under its conditional
 * RBM: k Gibbs steps from zeros, the visible probabilities averaged over the second half of the chain (see
 * {@link TrainingPass#predictMarginals}). From it: the mean squared error and, for binary data, the frame-level
 * accuracy ΣTP/Σ(TP+FP+FN) summed over all frames of the probabilities thresholded, of one Bernoulli sample of
 * them, and the per-frame mean. Uses the model's generator. Not thread-safe (it uses the model).
 */
public final class Evaluator {
    private Evaluator() {
    }

    /** Evaluates {@code data} in batches of {@code batchSize} whole sequences (or windows), threshold 0.5. */
    public static Evaluation evaluate(RnnRbm model, SequenceDataset data, int batchSize, int windowFrames,
                                      int predictionSteps) throws InterruptedException {
        return evaluate(model, data, batchSize, windowFrames, predictionSteps, Evaluation.DEFAULT_THRESHOLD);
    }

    /** Evaluates {@code data}; notes with a predicted probability ≥ {@code threshold} count as predicted on. */
    public static Evaluation evaluate(RnnRbm model, SequenceDataset data, int batchSize, int windowFrames,
                                      int predictionSteps, double threshold) throws InterruptedException {
        return evaluate(model, data, batchSize, windowFrames, predictionSteps, threshold, false, null);
    }

    /** Receives each frame's predicted probabilities (a fresh array) as they are computed. */
    @FunctionalInterface
    public interface PredictionSink {
        /** Frame {@code frame} (0-based) of sequence {@code sequence} of the data set was predicted. */
        void predicted(int sequence, int frame, float[] probabilities);
    }

    /**
     * As above, the prediction chains started at the previous frame when {@code fromPrevious} (else at zeros),
     * handing every frame's prediction to {@code sink} (null for none).
     */
    public static Evaluation evaluate(RnnRbm model, SequenceDataset data, int batchSize, int windowFrames,
                                      int predictionSteps, double threshold, boolean fromPrevious,
                                      PredictionSink sink) throws InterruptedException {
        List<float[][]> seqs = data.sequences();
        int[] order = new int[seqs.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        double[] sums = new double[4];
        long[] counts = new long[6];
        long[][] grid = new long[Evaluation.THRESHOLDS][3];
        long[] frames = {0};
        boolean binary = data.isBinary();
        for (int from = 0; from < order.length; from += batchSize) {
            int to = Math.min(order.length, from + batchSize);
            final int first = from;
            int[] windowLength = {0};
            Windows.forEach(seqs, order, from, to, windowFrames, data.nVisible(), (b, w) -> {
                if (w == 0) {
                    windowLength[0] = b.steps();
                }
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("evaluation interrupted");
                }
                TrainingPass p = model.pass(b.batchSize(), b.steps());
                p.load(b);
                p.forward();
                float[][] carry = new float[RnnRbmParams.LAYERS][];
                for (int l = 0; l < carry.length; l++) {
                    carry[l] = p.finalState(l);
                }
                p.chain(model.config().cdSteps(), model.config().sampleVisible(), model.random());
                long n = p.realFrames();
                sums[0] += p.cost() * n;
                sums[1] += p.reconstruction(model.random()) * n;
                p.predictMarginals(predictionSteps, fromPrevious, model.random());
                float[] truth = floats(p.frames());
                float[] mean = floats(p.negative());
                float[] mask = floats(p.mask());
                float[] sample = binary ? floats(p.sampleNegative(model.random())) : null;
                int f = b.nVisible();
                for (int row = 0; row < mask.length; row++) {
                    if (mask[row] == 0) {
                        continue;
                    }
                    double se = 0;
                    int tp = 0;
                    int fp = 0;
                    int fn = 0;
                    for (int i = row * f; i < (row + 1) * f; i++) {
                        double d = mean[i] - truth[i];
                        se += d * d;
                        if (binary) {
                            boolean real = truth[i] > 0.5f;
                            boolean on = mean[i] >= threshold;
                            tp += on && real ? 1 : 0;
                            fp += on && !real ? 1 : 0;
                            fn += !on && real ? 1 : 0;
                            for (int c = 0; c < grid.length; c++) {
                                boolean g = mean[i] >= Evaluation.candidateThreshold(c) - 1e-9;
                                grid[c][0] += g && real ? 1 : 0;
                                grid[c][1] += g && !real ? 1 : 0;
                                grid[c][2] += !g && real ? 1 : 0;
                            }
                            boolean s = sample[i] > 0.5f;
                            counts[3] += s && real ? 1 : 0;
                            counts[4] += s && !real ? 1 : 0;
                            counts[5] += !s && real ? 1 : 0;
                        }
                    }
                    sums[2] += se / f;
                    if (sink != null) {
                        sink.predicted(order[first + row % b.batchSize()], w * windowLength[0] + row / b.batchSize(),
                                java.util.Arrays.copyOfRange(mean, row * f, (row + 1) * f));
                    }
                    if (binary) {
                        counts[0] += tp;
                        counts[1] += fp;
                        counts[2] += fn;
                        sums[3] += frameAccuracy(tp, fp, fn);
                    }
                }
                frames[0] += n;
                return carry;
            });
        }
        double n = Math.max(1, frames[0]);
        if (!binary) {
            return new Evaluation(sums[0] / n, sums[1] / n, sums[2] / n, null, null, null, threshold, null, null,
                    frames[0]);
        }
        int best = 0;
        for (int c = 1; c < grid.length; c++) {
            if (accuracy(grid[c][0], grid[c][1], grid[c][2]) > accuracy(grid[best][0], grid[best][1], grid[best][2])) {
                best = c;
            }
        }
        return new Evaluation(sums[0] / n, sums[1] / n, sums[2] / n, accuracy(counts[0], counts[1], counts[2]),
                accuracy(counts[3], counts[4], counts[5]), sums[3] / n, threshold, Evaluation.candidateThreshold(best),
                accuracy(grid[best][0], grid[best][1], grid[best][2]), frames[0]);
    }

    /** TP/(TP+FP+FN), 1 for an empty prediction of an empty frame. */
    public static double frameAccuracy(int tp, int fp, int fn) {
        int d = tp + fp + fn;
        return d == 0 ? 1.0 : tp / (double) d;
    }

    /** ΣTP/Σ(TP+FP+FN) from summed counts (1 when nothing was on in prediction or truth). */
    public static double accuracy(long tp, long fp, long fn) {
        long d = tp + fp + fn;
        return d == 0 ? 1.0 : tp / (double) d;
    }

    /**
     * The trivial baseline "the next frame repeats the previous one" (the first frame of a sequence predicted
     * empty), as ΣTP/Σ(TP+FP+FN) over all frames of a binary data set.
     */
    public static double repeatPreviousAccuracy(SequenceDataset data) {
        long[] c = new long[3];
        for (float[][] seq : data.sequences()) {
            float[] prev = new float[data.nVisible()];
            for (float[] f : seq) {
                for (int i = 0; i < f.length; i++) {
                    boolean on = prev[i] > 0.5f;
                    boolean real = f[i] > 0.5f;
                    c[0] += on && real ? 1 : 0;
                    c[1] += on && !real ? 1 : 0;
                    c[2] += !on && real ? 1 : 0;
                }
                prev = f;
            }
        }
        return accuracy(c[0], c[1], c[2]);
    }

    private static float[] floats(INDArray a) {
        INDArray c = a.castTo(DataType.FLOAT).dup('c');
        float[] out = c.data().asFloat();
        c.close();
        return out;
    }
}
