package org.echoic.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.echoic.corpus.Corpus;
import org.echoic.corpus.CorpusSegment;
import org.echoic.dsp.SpectralFrames;
import org.echoic.io.CheckpointFolder;
import org.echoic.service.GenerationPipeline;
import org.echoic.io.Json;
import org.echoic.io.NpyWriter;
import org.echoic.io.PianoRollFiles;
import org.echoic.io.SequenceDatasetReader;
import org.echoic.rnnrbm.AnnealedImportanceSampler;
import org.echoic.rnnrbm.ComputeBackend;
import org.echoic.rnnrbm.RnnRbm;
import org.echoic.segment.SegmentationParams;
import org.echoic.train.Evaluation;
import org.echoic.train.Evaluator;
import org.echoic.train.SequenceDataset;
import org.echoic.train.TrainingConfig;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code echoic evaluate}: metrics of a trained model on a data set, or on recordings segmented and framed exactly
 * as the model's training recordings were (STFT, band and scaling from its checkpoint), as one JSON object.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluate a model on a sequence data set, or on recordings (segmented with the default "
                + "parameters and framed with the checkpoint's STFT, band and scaling); prints JSON (frameAccuracy "
                + "is null for non-binary data, the log-likelihood only with --loglik).")
final class EvaluateCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "Checkpoint folder.")
    Path model;
    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;
    @Option(names = "--percentile", description = "With --recordings: segmentation threshold percentile (default "
            + "${DEFAULT-VALUE}).")
    double percentile = SegmentationParams.ORIGINAL.thresholdPercentile();
    @Option(names = "--join-gap-ms", description = "With --recordings: join segments at most this far apart into "
            + "bouts (default: the join gap the model was trained with, 0 for older models).")
    Double joinGapMs;
    @Option(names = "--split", description = "With --data holding splits (train/valid/test, JSON or Python pickle): "
            + "the split to evaluate (default test).")
    String split;
    @Option(names = "--threshold", description = "Decision threshold on the predicted probabilities for frameAccuracy "
            + "(default: the one chosen on the validation data at the checkpoint's best epoch, else 0.5).")
    Double threshold;
    @Option(names = "--chain-start", description = "Where each prediction chain starts: zeros or previous (the true "
            + "previous frame) (default ${DEFAULT-VALUE}).")
    String chainStart = "zeros";
    @Option(names = "--predictions", paramLabel = "FILE.npy", description = "Also write every frame's predicted "
            + "probabilities (float32, frames × values, the sequences one after another in data order).")
    Path predictions;
    @Option(names = "--loglik", description = "Also estimate the log-likelihood per frame by AIS.")
    boolean loglik;
    @Option(names = "--k", description = "Gibbs steps per predicted frame (default 20, or the checkpoint's validation "
            + "prediction steps when more).")
    Integer kSteps;
    @Option(names = "--batch", description = "Sequences per batch (default ${DEFAULT-VALUE}).")
    int batch = 20;
    @Option(names = "--ais-chains", description = "AIS runs per frame (default ${DEFAULT-VALUE}).")
    int chains = 16;
    @Option(names = "--ais-betas", description = "AIS intermediate distributions (default ${DEFAULT-VALUE}).")
    int betas = 500;

    /** What to evaluate on: a prepared data set, or recordings framed as the model's training data. */
    static final class Input {
        @Option(names = "--data", required = true, description = "Data set (JSON).")
        Path data;
        @Option(names = "--recordings", required = true, arity = "1..*", paramLabel = "FILE|DIR",
                description = "Recordings (or folders of them), e.g. held-out songs of a model trained with "
                        + "train --recordings.")
        List<Path> recordings;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        CheckpointFolder.Loaded l = CheckpointFolder.load(model);
        try (RnnRbm m = l.model(); var opt = l.optimizer()) {
            SequenceDataset d = input.data == null ? frames(l) : PianoRollFiles.isSplitFile(input.data)
                    ? PianoRollFiles.read(input.data, split == null ? PianoRollFiles.TEST : split)
                    : SequenceDatasetReader.read(input.data);
            if (split != null && (input.data == null || !PianoRollFiles.isSplitFile(input.data))) {
                throw new IllegalArgumentException((input.data == null ? "" : input.data + ": ")
                        + "--split needs --data with a file of splits (train, valid, test)");
            }
            if (threshold != null && !(threshold > 0 && threshold < 1)) {
                throw new IllegalArgumentException("--threshold must be between 0 and 1, got " + threshold);
            }
            double chosen = l.state().decisionThreshold();
            boolean fromValidation = threshold == null && !Double.isNaN(chosen);
            double th = threshold != null ? threshold : fromValidation ? chosen : Evaluation.DEFAULT_THRESHOLD;
            Object source = input.data != null ? input.data : input.recordings;
            if (d.nVisible() != m.config().nVisible()) {
                throw new IllegalArgumentException(source + ": frames have " + d.nVisible()
                        + " values, the model in " + model + " expects " + m.config().nVisible());
            }
            ComputeBackend.configureForTraining();
            int[] offsets = new int[d.size() + 1];
            for (int i = 0; i < d.size(); i++) {
                offsets[i + 1] = offsets[i] + d.sequences().get(i).length;
            }
            float[] probs = predictions == null ? null : new float[Math.multiplyExact(offsets[d.size()], d.nVisible())];
            if (!chainStart.equals("zeros") && !chainStart.equals("previous")) {
                throw new IllegalArgumentException("--chain-start must be zeros or previous, got " + chainStart);
            }
            boolean fromPrevious = chainStart.equals("previous");
            int k = kSteps != null ? kSteps
                    : Math.max(TrainingConfig.EVALUATION_PREDICTION_STEPS, l.config().predictionSteps());
            Evaluation e = Evaluator.evaluate(m, d, batch, l.config().windowFrames(), k, th, fromPrevious,
                    probs == null ? null : (s, t, p) -> System.arraycopy(p, 0, probs, (offsets[s] + t) * p.length,
                            p.length));
            if (probs != null) {
                NpyWriter.writeFloat32(predictions, probs, offsets[d.size()], d.nVisible());
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("frameAccuracy", e.frameAccuracy());
            out.put("prediction", "estimated marginals (" + k + " Gibbs steps from " + (fromPrevious
                    ? "the previous frame" : "zeros") + ", visible probabilities "
                    + "averaged over the last " + (k - k / 2) + ") thresholded at " + th + (fromValidation
                    ? " (chosen on the validation data at epoch " + (l.state().bestEpoch() + 1) + ")" : ""));
            out.put("threshold", th);
            out.put("frameAccuracySample", e.frameAccuracySample());
            out.put("frameAccuracyPerFrame", e.frameAccuracyPerFrame());
            out.put("baselineRepeatPrevious", d.isBinary() ? Evaluator.repeatPreviousAccuracy(d) : null);
            out.put("bestEpoch", l.state().bestEpoch() < 0 ? null : l.state().bestEpoch() + 1);
            out.put("predictionMse", e.predictionMse());
            out.put("reconstruction", e.reconstruction());
            out.put("cost", e.cost());
            out.put("frames", e.frames());
            out.put("sequences", d.size());
            Double ll = null;
            Double se = null;
            if (loglik) {
                AnnealedImportanceSampler.Estimate est = AnnealedImportanceSampler.logLikelihood(m, d.sequences(),
                        batch, chains, betas);
                ll = est.logLikelihoodPerFrame();
                se = est.standardError();
            }
            out.put("logLikelihoodPerFrame", ll);
            out.put("logLikelihoodStdErr", se);
            out.put("backend", ComputeBackend.describe());
            System.out.println(Json.line(out));
            return 0;
        }
    }

    /** The recordings' segments as frames of the checkpoint's settings; refuses recordings of another rate. */
    private SequenceDataset frames(CheckpointFolder.Loaded l) throws IOException, InterruptedException {
        if (l.stft() == null || l.scaling() == null) {
            throw new IllegalArgumentException(model + ": the model was not trained on audio (no stft and scaling "
                    + "in its model.json); evaluate it with --data");
        }
        double rate = SpectralFrames.sampleRateHz(l.stft(), Double.NaN);
        Corpus c = CorpusOptions.build(input.recordings, SegmentationParams.ORIGINAL.withPercentile(percentile), null,
                SpectralFrames.fromMaps(l.stft(), l.scaling()),
                joinGapMs != null ? joinGapMs : GenerationPipeline.joinGapSeconds(l.scaling()) * 1000, true, System.err);
        for (CorpusSegment s : c.segments()) {
            if (!Double.isNaN(rate) && s.sampleRateHz() != rate) {
                throw new IllegalArgumentException(s.recording() + ": recorded at " + s.sampleRateHz()
                        + " Hz, but the model in " + model + " was trained on " + rate + " Hz audio");
            }
        }
        return c.dataset();
    }
}
