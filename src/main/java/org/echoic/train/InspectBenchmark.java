package org.echoic.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.echoic.rnnrbm.ComputeBackend;
import org.echoic.rnnrbm.RnnRbm;
import org.echoic.rnnrbm.RnnRbmConfig;

/**
 * Cost of looking inside a default-sized model on random frames: the activations of one segment, the templates,
 * and unit statistics over a corpus, each timed after a warm-up. Not thread-safe.
 */
public final class InspectBenchmark {
    private InspectBenchmark() {
    }

    /** What the benchmark measured; times in milliseconds. */
    public record Result(int nVisible, int nHidden, int nRecurrent, int segmentFrames, double activationsMs,
                         double templatesMs, int corpusSegments, int corpusFramesPerSegment, double statisticsMs,
                         double statisticsFramesPerSecond, String backend) {
    }

    public static Result run(int nVisible, int segmentFrames, int segments, int framesPerSegment, int repeats,
                             long seed) throws InterruptedException {
        ComputeBackend.configureForTraining();
        RnnRbmConfig cfg = RnnRbmConfig.defaults(nVisible);
        SplittableRandom r = new SplittableRandom(seed);
        float[][] one = random(r, segmentFrames, nVisible);
        List<float[][]> corpus = new ArrayList<>();
        for (int i = 0; i < segments; i++) {
            corpus.add(random(r, framesPerSegment, nVisible));
        }
        try (RnnRbm model = new RnnRbm(cfg, seed)) {
            ModelInspector in = new ModelInspector(model);
            in.activations(one);
            in.statistics(corpus.subList(0, Math.min(2, corpus.size())), 5);
            long t0 = System.nanoTime();
            for (int i = 0; i < repeats; i++) {
                in.activations(one);
            }
            double act = (System.nanoTime() - t0) / 1e6 / repeats;
            t0 = System.nanoTime();
            for (int i = 0; i < repeats; i++) {
                in.templates();
            }
            double tpl = (System.nanoTime() - t0) / 1e6 / repeats;
            t0 = System.nanoTime();
            in.statistics(corpus, 5);
            double stats = (System.nanoTime() - t0) / 1e6;
            return new Result(nVisible, cfg.nHidden(), cfg.nRecurrent(), segmentFrames, act, tpl, segments,
                    framesPerSegment, stats, segments * (double) framesPerSegment / (stats / 1e3),
                    ComputeBackend.describe());
        }
    }

    private static float[][] random(SplittableRandom r, int frames, int f) {
        float[][] s = new float[frames][f];
        for (float[] row : s) {
            for (int i = 0; i < f; i++) {
                row[i] = (float) r.nextDouble();
            }
        }
        return s;
    }
}
