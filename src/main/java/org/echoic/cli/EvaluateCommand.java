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
import org.echoic.io.Json;
import org.echoic.io.SequenceDatasetReader;
import org.echoic.rnnrbm.AnnealedImportanceSampler;
import org.echoic.rnnrbm.ComputeBackend;
import org.echoic.rnnrbm.RnnRbm;
import org.echoic.segment.SegmentationParams;
import org.echoic.train.Evaluation;
import org.echoic.train.Evaluator;
import org.echoic.train.SequenceDataset;
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
            + "bouts, as the model was trained (default ${DEFAULT-VALUE}).")
    double joinGapMs = 0;
    @Option(names = "--loglik", description = "Also estimate the log-likelihood per frame by AIS.")
    boolean loglik;
    @Option(names = "--k", description = "Gibbs steps from zeros per predicted frame (default ${DEFAULT-VALUE}).")
    int k = GenerateDefaults.GIBBS_STEPS;
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
            SequenceDataset d = input.data != null ? SequenceDatasetReader.read(input.data) : frames(l);
            Object source = input.data != null ? input.data : input.recordings;
            if (d.nVisible() != m.config().nVisible()) {
                throw new IllegalArgumentException(source + ": frames have " + d.nVisible()
                        + " values, the model in " + model + " expects " + m.config().nVisible());
            }
            ComputeBackend.configureForTraining();
            Evaluation e = Evaluator.evaluate(m, d, batch, l.config().windowFrames(), k);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("frameAccuracy", e.frameAccuracy());
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
                SpectralFrames.fromMaps(l.stft(), l.scaling()), joinGapMs, System.err);
        for (CorpusSegment s : c.segments()) {
            if (!Double.isNaN(rate) && s.sampleRateHz() != rate) {
                throw new IllegalArgumentException(s.recording() + ": recorded at " + s.sampleRateHz()
                        + " Hz, but the model in " + model + " was trained on " + rate + " Hz audio");
            }
        }
        return c.dataset();
    }
}
