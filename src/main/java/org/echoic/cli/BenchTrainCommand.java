package org.echoic.cli;

import java.util.concurrent.Callable;

import org.echoic.io.Json;
import org.echoic.train.TrainBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code echoic bench train}: RNN-RBM training throughput on random data, as one JSON object. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Time full RNN-RBM training steps (forward, CD-k, BPTT, RMSProp) on random frames.")
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

    @Override
    public Integer call() {
        if (nVisible < 1 || batch < 1 || steps < 1 || k < 1 || batches < 1 || warmup < 0) {
            throw new IllegalArgumentException("--F, --B, --T, --k and --batches must be positive");
        }
        TrainBenchmark.Result r = TrainBenchmark.run(nVisible, batch, steps, k, batches, warmup, ompThreads,
                blasThreads, seed);
        System.out.println(Json.line(r));
        return 0;
    }
}
