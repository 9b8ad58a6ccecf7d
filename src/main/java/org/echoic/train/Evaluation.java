package org.echoic.train;

/**
 * Metrics of a model on a data set.
 *
 * @param cost              CD cost (k chain steps from the data)
 * @param reconstruction    reconstruction monitor, mean over frames (higher is better)
 * @param predictionMse     next-frame prediction: mean squared error of the mean-field v after k Gibbs steps
 *                          from zeros, per value
 * @param frameAccuracy     mean over frames of TP/(TP+FP+FN) of a sampled prediction (binary data), else null
 * @param frames            frames evaluated
 */
public record Evaluation(double cost, double reconstruction, double predictionMse, Double frameAccuracy,
                         long frames) {
}
