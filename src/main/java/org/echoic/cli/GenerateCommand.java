package org.echoic.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.echoic.generate.GenerationParams;
import org.echoic.generate.Generator;
import org.echoic.io.CheckpointFolder;
import org.echoic.io.FramesWriter;
import org.echoic.io.Json;
import org.echoic.io.SequenceDatasetReader;
import org.echoic.rnnrbm.ComputeBackend;
import org.echoic.rnnrbm.RnnRbm;
import org.echoic.train.SequenceDataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code echoic generate}: frames from a trained model, written as .json or .npy. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate frames from a trained model (zero or primed recurrent state).")
final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "Checkpoint folder.")
    Path model;
    @Option(names = "--frames", required = true, description = "Number of frames to generate.")
    int frames;
    @Option(names = "--seed", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed = 1;
    @Option(names = "--temperature", description = "Divides every pre-activation (default ${DEFAULT-VALUE}).")
    double temperature = 1.0;
    @Option(names = "--k", description = "Gibbs steps per frame (default ${DEFAULT-VALUE}).")
    int k = GenerateDefaults.GIBBS_STEPS;
    @Option(names = "--sample", description = "Output Bernoulli samples instead of mean-field values.")
    boolean sample;
    @Option(names = "--from-previous", description = "Start each frame's chain at the previous frame.")
    boolean fromPrevious;
    @Option(names = "--prime", description = "Data set (JSON) whose sequence primes the recurrent state.")
    Path prime;
    @Option(names = "--prime-sequence", description = "Index of the priming sequence (default ${DEFAULT-VALUE}).")
    int primeSequence = 0;
    @Option(names = "--out", required = true, description = "Output file: .json (dense data set) or .npy.")
    Path out;

    @Override
    public Integer call() throws IOException, InterruptedException {
        GenerationParams params = new GenerationParams(frames, k, temperature, sample, fromPrevious, seed);
        float[][] primer = null;
        if (prime != null) {
            SequenceDataset d = SequenceDatasetReader.read(prime);
            if (primeSequence < 0 || primeSequence >= d.size()) {
                throw new IllegalArgumentException(prime + ": no sequence " + primeSequence + " (it has " + d.size()
                        + ")");
            }
            primer = d.sequences().get(primeSequence);
        }
        CheckpointFolder.Loaded l = CheckpointFolder.load(model);
        try (RnnRbm m = l.model(); var opt = l.optimizer()) {
            if (primer != null && primer[0].length != m.config().nVisible()) {
                throw new IllegalArgumentException(prime + ": frames have " + primer[0].length
                        + " values, the model expects " + m.config().nVisible());
            }
            float[][] result = Generator.generate(m, params, primer, null);
            FramesWriter.write(out, result);
            System.out.println(Json.line(java.util.Map.of("frames", result.length, "nVisible",
                    m.config().nVisible(), "out", out.toString(), "backend", ComputeBackend.describe())));
            return 0;
        }
    }
}
