package org.echoic.cli;

import java.util.List;
import java.util.Locale;

import org.echoic.rnnrbm.RnnRbmConfig;
import org.echoic.train.TrainingConfig;
import picocli.CommandLine.Option;

/**
 * The model and training options of {@code train}: a preset (the default recipe, or the seed's recipe as the spec's
 * table gives it) and any single option over it. Options not given take the preset's value.
 */
final class RecipeOptions {
    @Option(names = "--preset", description = "default (RBM pretraining, recurrent layers initialised with gain 1, "
            + "batch 5, RMSProp 1e-3,3e-4,1e-4 × 6 epochs, L2 3e-3, early stopping with patience 6) or seed (the spec's: 3e-4,1e-4,5e-5,"
            + "3e-5,1e-5 × 10 epochs, initial std 0.01 / 1e-4, no pretraining or early stopping) (default "
            + "${DEFAULT-VALUE}).")
    String preset = "default";
    @Option(names = "--hidden", description = "Hidden units (default floor(1.7·F)).")
    Integer hidden;
    @Option(names = "--recurrent", description = "Units per recurrent layer (default floor(1.3·F)).")
    Integer recurrent;
    @Option(names = "--k", description = "CD steps (default 15).")
    Integer k;
    @Option(names = "--sample-visible", description = "Sample v in the chain (binary data).")
    boolean sampleVisible;
    @Option(names = "--batch", description = "Segments per batch (default 5; seed preset 20).")
    Integer batch;
    @Option(names = "--epochs-per-stage", description = "Epochs per learning rate (default 6; seed preset 10).")
    Integer epochsPerStage;
    @Option(names = "--lr-schedule", split = ",", description = "Learning rates of the curriculum (default "
            + "1e-3,3e-4,1e-4; seed preset 3e-4,1e-4,5e-5,3e-5,1e-5).")
    List<Double> schedule;
    @Option(names = "--reset-rmsprop", description = "Reset the RMSProp average at each new stage.")
    boolean resetRmsProp;
    @Option(names = "--l1", description = "L1 on the recurrent parameters (default 1e-4).")
    Double l1;
    @Option(names = "--l2", description = "L2 on all weight matrices (default 3e-3; seed preset 0).")
    Double l2;
    @Option(names = "--window", description = "Train on windows of at most N frames (0 = whole segments).")
    int window = 0;
    @Option(names = "--prediction-steps", description = "Gibbs steps of a validation prediction (default 6; seed "
            + "preset 20).")
    Integer predictionSteps;
    @Option(names = "--weight-init-std", description = "Standard deviation of the initial RBM weights (default 0.01).")
    Double weightInitStd;
    @Option(names = "--recurrent-init-std", description = "Standard deviation of the initial Wuv and Wuh, and of the "
            + "recurrent layers' matrices with --layer-init-gain 0 (default 0.01; seed preset 1e-4).")
    Double recurrentInitStd;
    @Option(names = "--layer-init-gain", description = "Recurrent layers' initial weights ~ N(0, g²/fan-in) for "
            + "g > 0; 0 = --recurrent-init-std for every matrix, as the spec (default 1; seed preset 0).")
    Double layerInitGain;
    @Option(names = "--pretrain-epochs", description = "Epochs of RBM pretraining of W, bv, bh on all training frames "
            + "before the first epoch (default 5; seed preset 0 = none).")
    Integer pretrainEpochs;
    @Option(names = "--patience", description = "Stop after this many epochs without a better validation score "
            + "(default 6; seed preset 0 = run every epoch); the best epoch's weights are kept either way.")
    Integer patience;
    @Option(names = "--gradient-clip", description = "Largest gradient norm; longer gradients are scaled down "
            + "(default 0 = off).")
    Double gradientClip;

    private boolean seedPreset() {
        return switch (preset.toLowerCase(Locale.ROOT)) {
            case "default" -> false;
            case "seed" -> true;
            default -> throw new IllegalArgumentException("--preset must be default or seed, got " + preset);
        };
    }

    /** The model for frames of {@code nVisible} values. */
    RnnRbmConfig model(int nVisible) {
        RnnRbmConfig c = seedPreset() ? RnnRbmConfig.seed(nVisible) : RnnRbmConfig.defaults(nVisible);
        c = c.withSizes(hidden == null ? c.nHidden() : hidden, recurrent == null ? c.nRecurrent() : recurrent)
                .withCdSteps(k == null ? c.cdSteps() : k).withSampleVisible(sampleVisible)
                .withInitStd(weightInitStd == null ? c.weightInitStd() : weightInitStd,
                        recurrentInitStd == null ? c.recurrentInitStd() : recurrentInitStd);
        return layerInitGain == null ? c : c.withLayerInitGain(layerInitGain);
    }

    /** The training configuration with shuffling seed {@code seed}. */
    TrainingConfig training(long seed) {
        TrainingConfig t = seedPreset() ? TrainingConfig.seedRecipe(TrainingConfig.SEED_EPOCHS_PER_STAGE, seed)
                : TrainingConfig.defaults(TrainingConfig.DEFAULT_EPOCHS_PER_STAGE, seed);
        return new TrainingConfig(batch == null ? t.batchSize() : batch,
                epochsPerStage == null ? t.epochsPerStage() : epochsPerStage,
                schedule == null ? t.learningRates() : schedule, resetRmsProp, l1 == null ? t.l1() : l1,
                l2 == null ? t.l2() : l2, window, predictionSteps == null ? t.predictionSteps() : predictionSteps,
                t.maxFailures(), seed, pretrainEpochs == null ? t.pretrainEpochs() : pretrainEpochs,
                patience == null ? t.patience() : patience, gradientClip == null ? t.gradientClip() : gradientClip);
    }
}
