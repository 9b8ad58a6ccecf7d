package org.echoic.label;

/**
 * How a labeller is trained. Immutable.
 *
 * @param network            the network
 * @param settings           hidden units, learning rate, seed (the seed also drives shuffling and the split)
 * @param windowFrames       frames per training window (segments are padded or cropped to this for classification)
 * @param batchSize          windows per batch
 * @param maxEpochs          epochs at most
 * @param patience           epochs without a better validation loss before training stops (early stopping)
 * @param validationFraction fraction of recordings (or, with fewer than three, of each recording's end; of segments
 *                           for classification) held out for validation
 * @param weighting          how classes are weighted in the loss
 */
public record TrainingParams(LabelNetwork network, LabelNetwork.Settings settings, int windowFrames, int batchSize,
                             int maxEpochs, int patience, double validationFraction, ClassWeighting weighting) {
    /** Class weights of the loss. */
    public enum ClassWeighting {
        /** All 1. */
        NONE,
        /** Inverse class frequency, normalised to a frame-weighted mean of 1 (capped at 50). */
        BALANCED,
        /** The square root of the balanced weights: rare classes count more, background is not swamped. */
        SQRT
    }

    public TrainingParams {
        if (windowFrames < 4 || batchSize < 1 || maxEpochs < 1 || patience < 1) {
            throw new IllegalArgumentException("window ≥ 4 frames, batch ≥ 1, epochs ≥ 1, patience ≥ 1: "
                    + windowFrames + ", " + batchSize + ", " + maxEpochs + ", " + patience);
        }
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validation fraction must be in [0, 1): " + validationFraction);
        }
    }

    /** The same with another network. */
    public TrainingParams withNetwork(LabelNetwork n) {
        return new TrainingParams(n, settings, windowFrames, batchSize, maxEpochs, patience, validationFraction,
                weighting);
    }

    /** Loss weights of {@code classes} classes from their counts. */
    public double[] classWeights(long[] counts) {
        double[] w = new double[counts.length];
        long total = 0;
        int present = 0;
        for (long c : counts) {
            total += c;
            present += c > 0 ? 1 : 0;
        }
        for (int k = 0; k < w.length; k++) {
            double balanced = counts[k] == 0 ? 1 : Math.min(50, total / (double) (Math.max(1, present) * counts[k]));
            w[k] = switch (weighting) {
                case NONE -> 1;
                case BALANCED -> balanced;
                case SQRT -> Math.sqrt(balanced);
            };
        }
        double mean = 0;
        for (int k = 0; k < w.length; k++) {
            mean += w[k] * counts[k];
        }
        mean = total == 0 ? 1 : mean / total;
        for (int k = 0; k < w.length; k++) {
            w[k] /= mean;
        }
        return w;
    }
}
