package org.echoic.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.echoic.io.CheckpointFolder;
import org.echoic.io.Json;
import org.echoic.io.PianoRollFiles;
import org.echoic.rnnrbm.RnnRbmConfig;
import org.echoic.train.RecipeBenchmark;
import org.echoic.train.SequenceDataset;
import org.echoic.train.TrainBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code echoic bench train}: RNN-RBM training throughput on random data and the default recipe's cost of extra
 * steps (pretraining, validation) in a default run, as one JSON object.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Time full RNN-RBM training steps (forward, CD-k, BPTT, RMSProp) on random frames, then a "
                + "default-recipe run and the share of its time spent on RBM pretraining and validation "
                + "(extrasFraction)."})
final class BenchTrainCommand implements Callable<Integer> {
    @Option(names = "--F", description = "Visible units per frame (default ${DEFAULT-VALUE}).")
    int nVisible = 129;
    @Option(names = "--B", description = "Sequences per batch (default ${DEFAULT-VALUE}).")
    int batch = 20;
    @Option(names = "--T", description = "Frames per sequence (default ${DEFAULT-VALUE}).")
    int steps = 100;
    @Option(names = "--k", description = "CD steps (default ${DEFAULT-VALUE}).")
    int k = 15;
    @Option(names = "--batches", description = "Timed batches (default ${DEFAULT-VALUE}).")
    int batches = 20;
    @Option(names = "--warmup", description = "Untimed batches first (default ${DEFAULT-VALUE}).")
    int warmup = 3;
    @Option(names = "--omp-threads", description = "OpenMP threads; 0 = the training default (default ${DEFAULT-VALUE}).")
    int ompThreads = 0;
    @Option(names = "--blas-threads", description = "BLAS threads with --omp-threads (default ${DEFAULT-VALUE}).")
    int blasThreads = Runtime.getRuntime().availableProcessors();
    @Option(names = "--seed", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed = 1;
    @Option(names = "--recipe-epochs", description = "Epochs of the default-recipe run (default ${DEFAULT-VALUE}, "
            + "as long as the README's JSB run; -1 = the whole curriculum with early stopping; 0 = no recipe run).")
    int recipeEpochs = 12;
    @Option(names = "--recipe-data", description = "Split file (train/valid, e.g. the JSB chorales) for the recipe "
            + "run; default: synthetic chorale-like data of JSB's size.")
    Path recipeData;
    @Option(names = "--recipe-hidden", description = "Hidden units of the recipe run (default ${DEFAULT-VALUE}).")
    int recipeHidden = 150;
    @Option(names = "--recipe-recurrent", description = "Recurrent units of the recipe run (default ${DEFAULT-VALUE}).")
    int recipeRecurrent = 100;

    @Override
    public Integer call() throws IOException {
        if (nVisible < 1 || batch < 1 || steps < 1 || k < 1 || batches < 1 || warmup < 0) {
            throw new IllegalArgumentException("--F, --B, --T, --k and --batches must be positive");
        }
        if (recipeEpochs < -1 || recipeHidden < 1 || recipeRecurrent < 1) {
            throw new IllegalArgumentException("--recipe-epochs must be -1 or more, --recipe-hidden and "
                    + "--recipe-recurrent positive");
        }
        TrainBenchmark.Result r = TrainBenchmark.run(nVisible, batch, steps, k, batches, warmup, ompThreads,
                blasThreads, seed);
        @SuppressWarnings("unchecked")
        Map<String, Object> out = new LinkedHashMap<>((Map<String, Object>) Json.parse(Json.line(r)));
        if (recipeEpochs != 0) {
            RecipeBenchmark.Result rec = recipe();
            out.put("extrasFraction", rec.extrasFraction());
            out.put("recipe", rec);
        }
        System.out.println(Json.line(out));
        return 0;
    }

    private RecipeBenchmark.Result recipe() throws IOException {
        SequenceDataset[] data = recipeData == null ? RecipeBenchmark.synthetic(seed)
                : new SequenceDataset[] {PianoRollFiles.read(recipeData, PianoRollFiles.TRAIN),
                        PianoRollFiles.read(recipeData, PianoRollFiles.VALID)};
        RnnRbmConfig mc = RnnRbmConfig.defaults(data[0].nVisible()).withSizes(recipeHidden, recipeRecurrent);
        Path tmp = Files.createTempDirectory("echoic-bench-recipe");
        try {
            return RecipeBenchmark.run(data[0], data[1], mc, Math.max(0, recipeEpochs), seed,
                    new CheckpointFolder(tmp.resolve("run"), EchoicCli.appVersion(), null, null));
        } finally {
            BenchTrainServiceCommand.deleteTree(tmp);
        }
    }
}
