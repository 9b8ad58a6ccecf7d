package org.echoic.train;

import java.util.List;

/**
 * How to train: batch size, the learning-rate curriculum, regularisation, windows, validation and guards.
 * Immutable; thread-safe.
 *
 * @param batchSize            segments per batch
 * @param epochsPerStage       epochs at each learning rate of the curriculum
 * @param learningRates        the curriculum, one rate per stage
 * @param resetRmsPropPerStage true to reset the RMSProp average at each new stage (default: kept)
 * @param l1                   L1 weight on the recurrent parameters (default 1e-4)
 * @param l2                   L2 weight on all weight matrices (default 0)
 * @param windowFrames         windows of at most this many frames (state carried, gradient truncated); 0 = whole
 * @param predictionSteps      Gibbs steps from zeros for next-frame prediction on validation data
 * @param maxFailures          consecutive non-finite costs before rolling back and halving the learning rate
 * @param seed                 seed of shuffling (the model has its own seeded generator)
 * @param pretrainEpochs       epochs of RBM pretraining of W, bv, bh on all training frames before epoch 1 (0 = none)
 * @param patience             early stopping: stop after this many epochs without a better validation score (0 = off);
 *                             the best epoch's weights are kept either way
 * @param gradientClip         largest norm of the whole gradient; a longer one is scaled down to it (0 = off)
 */
public record TrainingConfig(int batchSize, int epochsPerStage, List<Double> learningRates,
                             boolean resetRmsPropPerStage, double l1, double l2, int windowFrames,
                             int predictionSteps, int maxFailures, long seed, int pretrainEpochs, int patience,
                             double gradientClip) {

    /** The default recipe's curriculum (RMSProp rates). */
    public static final List<Double> DEFAULT_SCHEDULE = List.of(1e-3, 3e-4, 1e-4);
    /** The default recipe's epochs per stage. */
    public static final int DEFAULT_EPOCHS_PER_STAGE = 6;
    /** The default recipe's sequences (segments) per batch: more updates per epoch, less padding. */
    public static final int DEFAULT_BATCH = 5;
    /** The default recipe's L2 weight on all weight matrices (the model overfits JSB within a few epochs without). */
    public static final double DEFAULT_L2 = 3e-3;
    /** The default recipe's epochs of RBM pretraining. */
    public static final int DEFAULT_PRETRAIN_EPOCHS = 5;
    /** The default recipe's early-stopping patience. */
    public static final int DEFAULT_PATIENCE = 6;
    /**
     * The default recipe's Gibbs steps of a validation prediction: enough to rank epochs and choose the threshold
     * (JSB test 30.6 % with 6, 30.7 % with 10), at 60 % of the cost of 10.
     */
    public static final int DEFAULT_PREDICTION_STEPS = 6;
    /** Gibbs steps of a test prediction ({@code evaluate}'s default): JSB test 30.7 % with 10, 30.9 % with 20. */
    public static final int EVALUATION_PREDICTION_STEPS = 20;
    /** The seed's (spec's) curriculum, of the seed preset. */
    public static final List<Double> SEED_SCHEDULE = List.of(3e-4, 1e-4, 5e-5, 3e-5, 1e-5);
    /** The seed's epochs per stage (the CLI's former default). */
    public static final int SEED_EPOCHS_PER_STAGE = 10;

    public TrainingConfig {
        learningRates = List.copyOf(learningRates);
        if (batchSize < 1 || epochsPerStage < 1 || learningRates.isEmpty() || windowFrames < 0
                || predictionSteps < 1 || maxFailures < 1) {
            throw new IllegalArgumentException("invalid training configuration: batch " + batchSize
                    + ", epochs per stage " + epochsPerStage + ", " + learningRates.size() + " stages, window "
                    + windowFrames + ", prediction steps " + predictionSteps);
        }
        for (double lr : learningRates) {
            if (!(lr > 0) || Double.isInfinite(lr)) {
                throw new IllegalArgumentException("learning rates must be positive, got " + lr);
            }
        }
        if (!(l1 >= 0) || !(l2 >= 0)) {
            throw new IllegalArgumentException("L1 and L2 must be ≥ 0");
        }
        if (pretrainEpochs < 0 || patience < 0 || !(gradientClip >= 0) || Double.isInfinite(gradientClip)) {
            throw new IllegalArgumentException("pretraining epochs, patience and gradient clip must be ≥ 0: "
                    + pretrainEpochs + ", " + patience + ", " + gradientClip);
        }
    }

    /** A configuration without pretraining, early stopping or clipping (the seed's recipe). */
    public TrainingConfig(int batchSize, int epochsPerStage, List<Double> learningRates, boolean resetRmsPropPerStage,
                          double l1, double l2, int windowFrames, int predictionSteps, int maxFailures, long seed) {
        this(batchSize, epochsPerStage, learningRates, resetRmsPropPerStage, l1, l2, windowFrames, predictionSteps,
                maxFailures, seed, 0, 0, 0);
    }

    /**
     * The default recipe: batch 5, RMSProp rates 1e-3, 3e-4, 1e-4 ({@code epochsPerStage} each), L1 1e-4 (recurrent
     * part), L2 3e-3 (all weight matrices), no windows, 6 prediction steps on validation, RBM pretraining for 5 epochs, early
     * stopping with patience 6 (the best epoch kept).
     */
    public static TrainingConfig defaults(int epochsPerStage, long seed) {
        return new TrainingConfig(DEFAULT_BATCH, epochsPerStage, DEFAULT_SCHEDULE, false, 1e-4, DEFAULT_L2, 0,
                DEFAULT_PREDICTION_STEPS, 3, seed, DEFAULT_PRETRAIN_EPOCHS, DEFAULT_PATIENCE, 0);
    }

    /** The seed's recipe (the spec's table): batch 20, rates 3e-4 … 1e-5, L1 1e-4, 20 prediction steps, nothing else. */
    public static TrainingConfig seedRecipe(int epochsPerStage, long seed) {
        return new TrainingConfig(20, epochsPerStage, SEED_SCHEDULE, false, 1e-4, 0, 0, 20, 3, seed);
    }

    /** Total number of epochs of the curriculum. */
    public int totalEpochs() {
        return epochsPerStage * learningRates.size();
    }

    /** A copy with another batch size. */
    public TrainingConfig withBatchSize(int b) {
        return new TrainingConfig(b, epochsPerStage, learningRates, resetRmsPropPerStage, l1, l2, windowFrames,
                predictionSteps, maxFailures, seed, pretrainEpochs, patience, gradientClip);
    }

    /** A copy with another curriculum. */
    public TrainingConfig withLearningRates(List<Double> rates) {
        return new TrainingConfig(batchSize, epochsPerStage, rates, resetRmsPropPerStage, l1, l2, windowFrames,
                predictionSteps, maxFailures, seed, pretrainEpochs, patience, gradientClip);
    }

    /** A copy with windows of at most {@code frames} frames (0 = none). */
    public TrainingConfig withWindowFrames(int frames) {
        return new TrainingConfig(batchSize, epochsPerStage, learningRates, resetRmsPropPerStage, l1, l2, frames,
                predictionSteps, maxFailures, seed, pretrainEpochs, patience, gradientClip);
    }

    /** A copy with other regularisation weights. */
    public TrainingConfig withRegularisation(double newL1, double newL2) {
        return new TrainingConfig(batchSize, epochsPerStage, learningRates, resetRmsPropPerStage, newL1, newL2,
                windowFrames, predictionSteps, maxFailures, seed, pretrainEpochs, patience, gradientClip);
    }

    /** A copy with other pretraining epochs, patience and gradient clip (the recipe's extra steps). */
    public TrainingConfig withRecipe(int newPretrainEpochs, int newPatience, double newGradientClip) {
        return new TrainingConfig(batchSize, epochsPerStage, learningRates, resetRmsPropPerStage, l1, l2, windowFrames,
                predictionSteps, maxFailures, seed, newPretrainEpochs, newPatience, newGradientClip);
    }
}
