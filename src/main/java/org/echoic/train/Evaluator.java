package org.echoic.train;

import java.util.List;

import org.echoic.rnnrbm.RnnRbm;
import org.echoic.rnnrbm.RnnRbmParams;
import org.echoic.rnnrbm.TrainingPass;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Evaluates a model on a data set: CD cost, reconstruction monitor, next-frame prediction MSE (k Gibbs steps
 * from zeros given the true history) and, for binary data, frame-level accuracy TP/(TP+FP+FN) of sampled
 * predictions averaged over frames (a frame where both prediction and truth are empty counts 1). Uses the
 * model's generator. Not thread-safe (it uses the model).
 */
public final class Evaluator {
    private Evaluator() {
    }

    /** Evaluates {@code data} in batches of {@code batchSize} whole sequences (or windows). */
    public static Evaluation evaluate(RnnRbm model, SequenceDataset data, int batchSize, int windowFrames,
                                      int predictionSteps) throws InterruptedException {
        List<float[][]> seqs = data.sequences();
        int[] order = new int[seqs.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        double[] sums = new double[4];
        long[] frames = {0};
        boolean binary = data.isBinary();
        for (int from = 0; from < order.length; from += batchSize) {
            int to = Math.min(order.length, from + batchSize);
            Windows.forEach(seqs, order, from, to, windowFrames, data.nVisible(), (b, w) -> {
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
                p.predictFromZeros(predictionSteps, model.random());
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
                            boolean on = sample[i] > 0.5f;
                            boolean real = truth[i] > 0.5f;
                            tp += on && real ? 1 : 0;
                            fp += on && !real ? 1 : 0;
                            fn += !on && real ? 1 : 0;
                        }
                    }
                    sums[2] += se / f;
                    if (binary) {
                        sums[3] += frameAccuracy(tp, fp, fn);
                    }
                }
                frames[0] += n;
                return carry;
            });
        }
        double n = Math.max(1, frames[0]);
        return new Evaluation(sums[0] / n, sums[1] / n, sums[2] / n, binary ? sums[3] / n : null, frames[0]);
    }

    /** TP/(TP+FP+FN), 1 for an empty prediction of an empty frame. */
    public static double frameAccuracy(int tp, int fp, int fn) {
        int d = tp + fp + fn;
        return d == 0 ? 1.0 : tp / (double) d;
    }

    private static float[] floats(INDArray a) {
        INDArray c = a.castTo(DataType.FLOAT).dup('c');
        float[] out = c.data().asFloat();
        c.close();
        return out;
    }
}
