package org.echoic.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.echoic.dsp.SpectralFrames;
import org.echoic.generate.GeneratedSequence;
import org.echoic.generate.GenerationParams;
import org.echoic.generate.Generator;
import org.echoic.generate.ModelSound;
import org.echoic.generate.Resynthesis;
import org.echoic.io.Json;
import org.echoic.rnnrbm.ComputeBackend;
import org.echoic.rnnrbm.RnnRbm;
import org.echoic.rnnrbm.RnnRbmConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code echoic bench generate}: generation and Griffin-Lim speed of a spec-sized untrained model (256-point
 * frames, 129 values at 44.1 kHz), as one JSON object.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Time frame generation (k Gibbs steps per frame) and Griffin-Lim resynthesis.")
final class BenchGenerateCommand implements Callable<Integer> {
    @Option(names = "--frames", description = "Frames per sequence (default ${DEFAULT-VALUE}).")
    int frames = 1000;
    @Option(names = "--count", description = "Sequences (default ${DEFAULT-VALUE}).")
    int count = 4;
    @Option(names = "--k", description = "Gibbs steps per frame (default ${DEFAULT-VALUE}).")
    int k = GenerateDefaults.GIBBS_STEPS;
    @Option(names = "--iterations", description = "Griffin-Lim iterations (default ${DEFAULT-VALUE}).")
    int iterations = Resynthesis.DEFAULT_ITERATIONS;

    @Override
    public Integer call() throws InterruptedException {
        if (frames < 1 || count < 1 || k < 1 || iterations < 1) {
            throw new IllegalArgumentException("--frames, --count, --k and --iterations must be positive");
        }
        ComputeBackend.configureForTraining();
        SpectralFrames sf = SpectralFrames.DEFAULT.withReferenceDb(-40);
        ModelSound sound = new ModelSound(sf, ModelSound.DEFAULT_SAMPLE_RATE_HZ, null);
        RnnRbmConfig cfg = RnnRbmConfig.defaults(sf.nVisible(sound.sampleRateHz()));
        Map<String, Object> out = new LinkedHashMap<>();
        try (RnnRbm model = new RnnRbm(cfg, 1)) {
            Generator.generate(model, GenerationParams.of(20, 1), null, null);
            long t0 = System.nanoTime();
            List<GeneratedSequence> seqs = Generator.generateBatch(model,
                    new GenerationParams(frames, k, 1.0, false, false, 1), count, null, null);
            double genSeconds = (System.nanoTime() - t0) / 1e9;
            long t1 = System.nanoTime();
            double audioSeconds = 0;
            for (GeneratedSequence s : seqs) {
                audioSeconds += Resynthesis.toAudio(s.frames(), sound, iterations, s.seed(), null).durationSeconds();
            }
            double glSeconds = (System.nanoTime() - t1) / 1e9;
            out.put("nVisible", cfg.nVisible());
            out.put("nHidden", cfg.nHidden());
            out.put("nRecurrent", cfg.nRecurrent());
            out.put("k", k);
            out.put("frames", frames * count);
            out.put("generateSeconds", genSeconds);
            out.put("framesPerSecond", frames * count / genSeconds);
            out.put("griffinLimIterations", iterations);
            out.put("audioSeconds", audioSeconds);
            out.put("griffinLimSeconds", glSeconds);
            out.put("griffinLimSecondsPerAudioSecond", glSeconds / audioSeconds);
            out.put("backend", ComputeBackend.describe());
        }
        System.out.println(Json.line(out));
        return 0;
    }
}
