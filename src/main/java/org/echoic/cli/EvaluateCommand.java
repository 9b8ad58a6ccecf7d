package org.echoic.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.echoic.io.CheckpointFolder;
import org.echoic.io.Json;
import org.echoic.io.SequenceDatasetReader;
import org.echoic.rnnrbm.AnnealedImportanceSampler;
import org.echoic.rnnrbm.ComputeBackend;
import org.echoic.rnnrbm.RnnRbm;
import org.echoic.train.Evaluation;
import org.echoic.train.Evaluator;
import org.echoic.train.SequenceDataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code echoic evaluate}: metrics of a trained model on a data set, as one JSON object. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluate a model on a sequence data set; prints JSON (frameAccuracy is null for "
                + "non-binary data, the log-likelihood only with --loglik).")
final class EvaluateCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "Checkpoint folder.")
    Path model;
    @Option(names = "--data", required = true, description = "Data set (JSON).")
    Path data;
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

    @Override
    public Integer call() throws IOException, InterruptedException {
        CheckpointFolder.Loaded l = CheckpointFolder.load(model);
        SequenceDataset d = SequenceDatasetReader.read(data);
        try (RnnRbm m = l.model(); var opt = l.optimizer()) {
            if (d.nVisible() != m.config().nVisible()) {
                throw new IllegalArgumentException(data + ": frames have " + d.nVisible() + " values, the model in "
                        + model + " expects " + m.config().nVisible());
            }
            ComputeBackend.configureForTraining();
            Evaluation e = Evaluator.evaluate(m, d, batch, l.config().windowFrames(), k);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("frameAccuracy", e.frameAccuracy());
            out.put("predictionMse", e.predictionMse());
            out.put("reconstruction", e.reconstruction());
            out.put("cost", e.cost());
            out.put("frames", e.frames());
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
}
