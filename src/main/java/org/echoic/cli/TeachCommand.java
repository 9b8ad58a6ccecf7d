package org.echoic.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.echoic.dsp.ColorMap;
import org.echoic.io.Json;
import org.echoic.io.NpyWriter;
import org.echoic.label.StftLesson;
import org.echoic.service.SpectrogramExporter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code echoic teach stft} (seed 004): trains one linear layer without bias to map raw frames to their STFT and
 * writes its weights next to the true basis: {@code learned.npy}, {@code basis.npy} (shape [samples, 2·bins]: real
 * parts of bins 0..n/2, then imaginary parts) and {@code basis.png} (learned left, true right; time down, basis
 * function across; viridis from −max to +max), with the relative error per stage as JSON lines.
 */
@Command(name = "teach", mixinStandardHelpOptions = true,
        description = "Teaching views: 'teach stft' shows a linear layer learning the STFT basis.",
        subcommands = {TeachCommand.Stft.class})
public final class TeachCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code teach stft}. */
    @Command(name = "stft", mixinStandardHelpOptions = true,
            description = "Train a bias-free linear layer from raw frames to the Hann-windowed DFT; write its weights.")
    static final class Stft implements Callable<Integer> {
        @Option(names = "--samples", defaultValue = "64", description = "Frame length n [${DEFAULT-VALUE}].")
        int samples;

        @Option(names = "--steps", defaultValue = "3000", description = "Batches of 32 noise frames [${DEFAULT-VALUE}].")
        int steps;

        @Option(names = "--learning-rate", defaultValue = "1e-2", description = "Adam's rate [${DEFAULT-VALUE}].")
        double learningRate;

        @Option(names = "--seed", defaultValue = "1", description = "Seed [${DEFAULT-VALUE}].")
        long seed;

        @Option(names = "--out", required = true, description = "Folder for learned.npy, basis.npy, basis.png.")
        Path out;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            StftLesson lesson = new StftLesson(samples, seed);
            int stages = 10;
            for (int s = 0; s < stages; s++) {
                double loss = lesson.train(Math.max(1, steps / stages), 32, learningRate);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("steps", lesson.steps());
                m.put("mse", loss);
                m.put("relativeError", lesson.relativeError());
                LabelOptions.log(spec.commandLine().getErr(), Json.line(m));
            }
            Files.createDirectories(out);
            float[][] w = lesson.weights();
            float[][] b = lesson.basis();
            NpyWriter.writeFloat32(out.resolve("learned.npy"), flat(w), w.length, w[0].length);
            NpyWriter.writeFloat32(out.resolve("basis.npy"), flat(b), b.length, b[0].length);
            int cell = Math.max(2, 512 / w[0].length);
            int cols = w[0].length;
            int width = (2 * cols + 2) * cell;
            int height = w.length * cell;
            int[] argb = new int[width * height];
            java.util.Arrays.fill(argb, 0xFFFFFFFF);
            paint(argb, width, w, 0, cell);
            paint(argb, width, b, (cols + 2) * cell, cell);
            SpectrogramExporter.writePng(out.resolve("basis.png"), argb, width, height);
            spec.commandLine().getOut().println(Json.line(Map.of("relativeError", lesson.relativeError(),
                    "out", out.toString())));
            spec.commandLine().getOut().flush();
            return 0;
        }

        private static float[] flat(float[][] a) {
            float[] f = new float[a.length * a[0].length];
            for (int i = 0; i < a.length; i++) {
                System.arraycopy(a[i], 0, f, i * a[0].length, a[0].length);
            }
            return f;
        }

        private static void paint(int[] argb, int width, float[][] a, int x0, int cell) {
            double max = 1e-12;
            for (float[] row : a) {
                for (float v : row) {
                    max = Math.max(max, Math.abs(v));
                }
            }
            for (int t = 0; t < a.length; t++) {
                for (int k = 0; k < a[0].length; k++) {
                    int c = ColorMap.VIRIDIS.argb(0.5 + 0.5 * a[t][k] / max);
                    for (int dy = 0; dy < cell; dy++) {
                        for (int dx = 0; dx < cell; dx++) {
                            argb[(t * cell + dy) * width + x0 + k * cell + dx] = c;
                        }
                    }
                }
            }
        }
    }
}
