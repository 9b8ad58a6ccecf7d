package org.echoic.train;

/**
 * Metrics of a model on a data set. Frame-level accuracy (Bay et al. 2009, as Boulanger-Lewandowski et al. 2012
 * report it) is ΣTP / Σ(TP + FP + FN) with the counts summed over every predicted frame of the data set, so longer
 * sequences weigh more; a note is predicted on when the model's probability for it, given the true history, is at
 * least the decision threshold. Accuracies are null for non-binary data.
 *
 * @param cost                  CD cost (k chain steps from the data)
 * @param reconstruction        reconstruction monitor, mean over frames (higher is better)
 * @param predictionMse         next-frame prediction: mean squared error of the predicted probabilities, per value
 * @param frameAccuracy         ΣTP/Σ(TP+FP+FN) of the probabilities thresholded (binary data), else null
 * @param frameAccuracySample   the same of one Bernoulli sample of the probabilities (binary data), else null
 * @param frameAccuracyPerFrame mean over frames of TP/(TP+FP+FN) of the thresholded prediction (an empty
 *                              prediction of an empty frame counts 1), else null
 * @param threshold             the decision threshold of {@code frameAccuracy}
 * @param bestThreshold         of the thresholds 0.05, 0.10, …, 0.95 the one of the highest accuracy on these data
 *                              (binary data), else null: chosen on validation data it is a legitimate decision rule
 * @param frameAccuracyAtBest   ΣTP/Σ(TP+FP+FN) at {@code bestThreshold}, else null
 * @param frames                frames evaluated
 */
public record Evaluation(double cost, double reconstruction, double predictionMse, Double frameAccuracy,
                         Double frameAccuracySample, Double frameAccuracyPerFrame, double threshold,
                         Double bestThreshold, Double frameAccuracyAtBest, long frames) {

    /** The default decision threshold on the predicted probabilities. */
    public static final double DEFAULT_THRESHOLD = 0.5;
    /** Number of candidate thresholds 0.05, 0.10, …, 0.95 of {@code bestThreshold}. */
    public static final int THRESHOLDS = 19;

    /** Candidate threshold {@code i} (0-based): 0.05 · (i + 1). */
    public static double candidateThreshold(int i) {
        return 0.05 * (i + 1);
    }

    /** Metrics without the sampled and per-frame accuracies (threshold 0.5). */
    public Evaluation(double cost, double reconstruction, double predictionMse, Double frameAccuracy, long frames) {
        this(cost, reconstruction, predictionMse, frameAccuracy, null, null, DEFAULT_THRESHOLD, null, null, frames);
    }
}
