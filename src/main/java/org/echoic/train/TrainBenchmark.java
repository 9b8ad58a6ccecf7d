package org.echoic.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.bytedeco.javacpp.Pointer;
import org.echoic.rnnrbm.ComputeBackend;
import org.echoic.rnnrbm.RmsProp;
import org.echoic.rnnrbm.RnnRbm;
import org.echoic.rnnrbm.RnnRbmConfig;
import org.echoic.rnnrbm.RnnRbmParams;
import org.echoic.rnnrbm.SequenceBatch;

/**
 * Training throughput on random frames in [0,1]: full training steps (forward, CD-k, BPTT, RMSProp) of a
 * default-sized model, timed after warm-up, with heap and native memory at start and end. Not thread-safe.
 */
public final class TrainBenchmark {
    private TrainBenchmark() {
    }

    /** What the benchmark measured. Memory in bytes. */
    public record Result(int nVisible, int nHidden, int nRecurrent, int batchSize, int steps, int cdSteps,
                         int batches, double framesPerSecond, double secondsPerBatch, double cpuSecondsPerBatch,
                         double framesPerCpuSecond, double lastCost,
                         long heapStartBytes, long heapEndBytes, long nativeStartBytes, long nativeEndBytes,
                         long physicalStartBytes, long physicalEndBytes, int ompThreads, int blasThreads,
                         String backend) {
    }

    /**
     * Runs {@code batches} timed steps after {@code warmup} untimed ones.
     *
     * @param ompThreads  OpenMP threads, or ≤ 0 to use {@link ComputeBackend#configureForTraining()}
     * @param blasThreads BLAS threads (ignored when ompThreads ≤ 0)
     */
    public static Result run(int nVisible, int batchSize, int steps, int k, int batches, int warmup,
                             int ompThreads, int blasThreads, long seed) {
        if (ompThreads <= 0) {
            ComputeBackend.configureForTraining();
        } else {
            ComputeBackend.setThreads(ompThreads, blasThreads);
        }
        RnnRbmConfig cfg = RnnRbmConfig.defaults(nVisible).withCdSteps(k);
        SplittableRandom r = new SplittableRandom(seed);
        List<float[][]> seqs = new ArrayList<>();
        for (int b = 0; b < batchSize; b++) {
            float[][] s = new float[steps][nVisible];
            for (float[] f : s) {
                for (int i = 0; i < nVisible; i++) {
                    f[i] = (float) r.nextDouble();
                }
            }
            seqs.add(s);
        }
        SequenceBatch batch = SequenceBatch.of(seqs, nVisible);
        try (RnnRbm model = new RnnRbm(cfg, seed); RmsProp opt = new RmsProp(model)) {
            RnnRbmParams grad = model.newGradient();
            double cost = 0;
            for (int i = 0; i < warmup; i++) {
                cost = step(model, opt, grad, batch);
            }
            System.gc();
            Runtime rt = Runtime.getRuntime();
            long heap0 = rt.totalMemory() - rt.freeMemory();
            long native0 = Pointer.totalBytes();
            long phys0 = Pointer.physicalBytes();
            java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean();
            long cpu0 = cpuNanos(os);
            long t0 = System.nanoTime();
            for (int i = 0; i < batches; i++) {
                cost = step(model, opt, grad, batch);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpuSeconds = (cpuNanos(os) - cpu0) / 1e9;
            System.gc();
            long heap1 = rt.totalMemory() - rt.freeMemory();
            int[] th = ComputeBackend.threads();
            return new Result(nVisible, cfg.nHidden(), cfg.nRecurrent(), batchSize, steps, k, batches,
                    batches * (double) batchSize * steps / seconds, seconds / batches, cpuSeconds / batches,
                    batches * (double) batchSize * steps / cpuSeconds, cost, heap0, heap1, native0,
                    Pointer.totalBytes(), phys0, Pointer.physicalBytes(), th[0], th[1], ComputeBackend.describe());
        }
    }

    /** Process CPU time (all threads), or 0 where the JVM does not report it. */
    private static long cpuNanos(java.lang.management.OperatingSystemMXBean os) {
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    private static double step(RnnRbm model, RmsProp opt, RnnRbmParams grad, SequenceBatch batch) {
        RnnRbm.StepResult res = model.gradient(batch, grad);
        opt.update(model.params(), grad, 3e-4, 1e-4, 0);
        return res.cost();
    }
}
