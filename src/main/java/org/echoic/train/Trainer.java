package org.echoic.train;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

import org.echoic.rnnrbm.RbmPretraining;
import org.echoic.rnnrbm.RmsProp;
import org.echoic.rnnrbm.RnnRbm;
import org.echoic.rnnrbm.RnnRbmParams;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The training loop: seeded shuffling into batches (with windows), CD-k gradients, RMSProp with the
 * non-finite guard and L1/L2, the learning-rate curriculum, skip-and-count of non-finite costs with rollback
 * to the last good epoch and halving of the rate, validation metrics, checkpoints after every epoch, and
 * cancellation at any batch boundary. Same seed, data and configuration give bit-identical weights on the
 * CPU backend. Runs on the caller's thread; starts no threads; not thread-safe.
 */
public final class Trainer {
    /** How a run ended. */
    public enum Outcome { COMPLETED, CANCELLED, STOPPED_EARLY }

    private final RnnRbm model;
    private final RmsProp optimizer;
    private final TrainingConfig config;
    private final SequenceDataset training;
    private final SequenceDataset validation;
    private final CheckpointStore store;
    private final TrainingListener listener;
    private final String fingerprint;
    private TrainingState state;
    private INDArray goodParams;
    private INDArray goodAccumulator;
    private long[] goodRandom;
    private INDArray bestParams;
    private double pretrainSeconds;

    /**
     * @param validation null for none
     * @param start      the state to start from ({@link TrainingState#start()} or a checkpoint's)
     * @param store      null to keep no checkpoints
     */
    public Trainer(RnnRbm model, RmsProp optimizer, TrainingConfig config, SequenceDataset training,
                   SequenceDataset validation, TrainingState start, CheckpointStore store,
                   TrainingListener listener) {
        if (training.nVisible() != model.config().nVisible()
                || (validation != null && validation.nVisible() != model.config().nVisible())) {
            throw new IllegalArgumentException(training.origin() + ": data has " + training.nVisible()
                    + " values per frame but the model has " + model.config().nVisible());
        }
        this.model = model;
        this.optimizer = optimizer;
        this.config = config;
        this.training = training;
        this.validation = validation;
        this.state = start;
        this.store = store;
        this.listener = listener == null ? new TrainingListener() { } : listener;
        this.fingerprint = training.fingerprint();
    }

    /** The state after the last finished epoch. */
    public TrainingState state() {
        return state;
    }

    /** Seconds the RBM pretraining of this run took (0 when none ran). */
    public double pretrainSeconds() {
        return pretrainSeconds;
    }

    /**
     * Runs the remaining epochs of the curriculum, after RBM pretraining when the run starts at epoch 0 and the
     * configuration asks for it. After every epoch with validation data the validation score (for binary data the
     * frame accuracy at the decision threshold best on the validation data, which is kept with the best epoch; else
     * minus the prediction error) is compared with the best so far; with a patience P the run
     * stops after P epochs without a better one ({@link Outcome#STOPPED_EARLY}). When the run ends (completed or
     * stopped early) and an earlier epoch scored best, that epoch's weights are restored and saved as the final
     * checkpoint, marked with {@code bestEpoch} (every epoch stays in the epoch snapshots). Stops at a batch
     * boundary when {@code cancelled} turns true or the thread is interrupted (returning {@link Outcome#CANCELLED};
     * the last checkpoint stays the last finished epoch).
     */
    public Outcome run(BooleanSupplier cancelled) throws IOException {
        if (state.nextEpoch() == 0 && config.pretrainEpochs() > 0) {
            long t0 = System.nanoTime();
            RbmPretraining.run(model, training.sequences(), config.pretrainEpochs(), RbmPretraining.CD_STEPS,
                    config.learningRates().get(0), Shuffle.epochSeed(config.seed(), -1), cancelled);
            pretrainSeconds = (System.nanoTime() - t0) / 1e9;
            if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                return Outcome.CANCELLED;
            }
        }
        Outcome o = epochs(cancelled);
        if (o != Outcome.CANCELLED && bestParams != null && state.bestEpoch() != state.nextEpoch() - 1) {
            model.params().flat().assign(bestParams);
            if (store != null) {
                store.save(new Checkpoint(model, optimizer, config, state, fingerprint, training.origin(), true));
            }
        }
        return o;
    }

    private Outcome epochs(BooleanSupplier cancelled) throws IOException {
        snapshotGood();
        if (state.bestEpoch() >= 0 && bestParams == null) {
            bestParams = model.params().flat().dup();
        }
        long start = System.nanoTime();
        int total = config.totalEpochs();
        long framesToDo = (long) (total - state.nextEpoch()) * training.totalFrames();
        long[] framesDone = {0};
        RnnRbmParams grad = model.newGradient();
        List<float[][]> seqs = training.sequences();
        for (int epoch = state.nextEpoch(); epoch < total; epoch++) {
            int stage = epoch / config.epochsPerStage();
            if (epoch > 0 && epoch % config.epochsPerStage() == 0 && config.resetRmsPropPerStage()) {
                optimizer.reset();
            }
            int[] order = Shuffle.permutation(seqs.size(), new SplittableRandom(Shuffle.epochSeed(config.seed(), epoch)));
            int batches = (seqs.size() + config.batchSize() - 1) / config.batchSize();
            double[] sums = new double[2];
            long[] epochFrames = {0};
            long[] skipped = {0};
            int[] consecutive = {0};
            double[] factor = {state.learningRateFactor()};
            int[] rollbacks = {state.rollbacks()};
            long epochStart = System.nanoTime();
            final int ep = epoch;
            for (int bi = 0; bi < batches; bi++) {
                final int batchIndex = bi;
                int from = bi * config.batchSize();
                int to = Math.min(seqs.size(), from + config.batchSize());
                boolean stopped;
                try {
                    stopped = !Windows.forEach(seqs, order, from, to, config.windowFrames(), training.nVisible(),
                            (b, w) -> {
                                if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                                    throw new InterruptedException();
                                }
                                double lr = config.learningRates().get(stage) * factor[0];
                                RnnRbm.StepResult r = model.gradient(b, grad);
                                boolean ok = Double.isFinite(r.cost());
                                if (ok) {
                                    clip(grad);
                                    optimizer.update(model.params(), grad, lr, config.l1(), config.l2());
                                    consecutive[0] = 0;
                                    sums[0] += r.cost() * r.realFrames();
                                    sums[1] += r.reconstruction() * r.realFrames();
                                    epochFrames[0] += r.realFrames();
                                } else {
                                    skipped[0]++;
                                    if (++consecutive[0] >= config.maxFailures()) {
                                        rollBack();
                                        factor[0] *= 0.5;
                                        rollbacks[0]++;
                                        consecutive[0] = 0;
                                    }
                                }
                                framesDone[0] += b.realFrames();
                                double elapsed = (System.nanoTime() - start) / 1e9;
                                double progress = Math.min(1.0, framesDone[0] / (double) Math.max(1, framesToDo));
                                listener.onBatch(new BatchMetrics(ep, batchIndex, batches,
                                        ok ? r.cost() : Double.NaN, ok ? r.reconstruction() : Double.NaN,
                                        r.realFrames(), lr, !ok, state.skippedTotal() + skipped[0],
                                        framesDone[0] / Math.max(1e-9, elapsed), elapsed,
                                        remaining(elapsed, progress), progress));
                                return ok ? r.finalStates() : null;
                            });
                } catch (InterruptedException e) {
                    return Outcome.CANCELLED;
                }
                if (stopped && cancelled.getAsBoolean()) {
                    return Outcome.CANCELLED;
                }
            }
            double trainSeconds = (System.nanoTime() - epochStart) / 1e9;
            long validationStart = System.nanoTime();
            Evaluation val = null;
            if (validation != null) {
                try {
                    val = Evaluator.evaluate(model, validation, config.batchSize(), config.windowFrames(),
                            config.predictionSteps());
                } catch (InterruptedException e) {
                    return Outcome.CANCELLED;
                }
            }
            double overhead = (System.nanoTime() - validationStart) / 1e9 + (epoch == 0 ? pretrainSeconds : 0);
            double elapsed = (System.nanoTime() - start) / 1e9;
            double progress = Math.min(1.0, framesDone[0] / (double) Math.max(1, framesToDo));
            double n = Math.max(1, epochFrames[0]);
            EpochMetrics m = new EpochMetrics(epoch, stage, config.learningRates().get(stage) * factor[0],
                    sums[0] / n, sums[1] / n, val, skipped[0], rollbacks[0], epochFrames[0] / Math.max(1e-9, trainSeconds),
                    elapsed, remaining(elapsed, progress), overhead);
            List<EpochMetrics> history = new ArrayList<>(state.history());
            history.add(m);
            int best = state.bestEpoch();
            double bestScore = state.bestScore();
            double threshold = state.decisionThreshold();
            double score = score(val);
            if (!Double.isNaN(score) && (best < 0 || Double.isNaN(bestScore) || score > bestScore)) {
                best = epoch;
                bestScore = score;
                threshold = val.bestThreshold() == null ? Double.NaN : val.bestThreshold();
                if (bestParams == null) {
                    bestParams = model.params().flat().dup();
                } else {
                    bestParams.assign(model.params().flat());
                }
            }
            boolean stop = config.patience() > 0 && best >= 0 && epoch - best >= config.patience() && epoch + 1 < total;
            state = new TrainingState(epoch + 1, factor[0], rollbacks[0], state.skippedTotal() + skipped[0], history,
                    best, bestScore, stop, threshold);
            snapshotGood();
            if (store != null) {
                store.save(new Checkpoint(model, optimizer, config, state, fingerprint, training.origin()));
            }
            listener.onEpoch(m);
            if (stop) {
                return Outcome.STOPPED_EARLY;
            }
        }
        return Outcome.COMPLETED;
    }

    /**
     * Frame accuracy at the validation data's best threshold for binary validation data, minus the prediction error
     * otherwise; NaN without validation.
     */
    static double score(Evaluation val) {
        if (val == null) {
            return Double.NaN;
        }
        return val.frameAccuracyAtBest() != null ? val.frameAccuracyAtBest() : -val.predictionMse();
    }

    private void clip(RnnRbmParams grad) {
        if (config.gradientClip() > 0) {
            double norm = grad.flat().norm2Number().doubleValue();
            if (Double.isFinite(norm) && norm > config.gradientClip()) {
                grad.flat().muli(config.gradientClip() / norm);
            }
        }
    }

    private static double remaining(double elapsed, double progress) {
        return progress <= 0 ? Double.NaN : elapsed / progress * (1 - progress);
    }

    private void snapshotGood() {
        if (goodParams == null) {
            goodParams = model.params().flat().dup();
            goodAccumulator = optimizer.accumulator().dup();
        } else {
            goodParams.assign(model.params().flat());
            goodAccumulator.assign(optimizer.accumulator());
        }
        goodRandom = model.randomState();
    }

    private void rollBack() {
        model.params().flat().assign(goodParams);
        optimizer.accumulator().assign(goodAccumulator);
        model.setRandomState(goodRandom);
    }
}
