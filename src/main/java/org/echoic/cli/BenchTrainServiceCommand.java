package org.echoic.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.echoic.corpus.Corpus;
import org.echoic.corpus.CorpusSegment;
import org.echoic.dsp.SpectralFrames;
import org.echoic.io.CheckpointFolder;
import org.echoic.io.Json;
import org.echoic.rnnrbm.ComputeBackend;
import org.echoic.rnnrbm.RmsProp;
import org.echoic.rnnrbm.RnnRbm;
import org.echoic.rnnrbm.RnnRbmConfig;
import org.echoic.service.ModelThread;
import org.echoic.service.TrainingService;
import org.echoic.train.SequenceDataset;
import org.echoic.train.Trainer;
import org.echoic.train.TrainingConfig;
import org.echoic.train.TrainingState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code echoic bench train-service}: frames per second of the workbench's {@link TrainingService} (model thread,
 * metrics buffer, status, checkpoints) against the raw {@link Trainer} with the same data, sizes and checkpoints.
 */
@Command(name = "train-service", mixinStandardHelpOptions = true,
        description = "Compare training throughput of the workbench's training service with the raw trainer.")
final class BenchTrainServiceCommand implements Callable<Integer> {
    @Option(names = "--F", description = "Visible units per frame (default ${DEFAULT-VALUE}).")
    int nVisible = 64;
    @Option(names = "--hidden", description = "Hidden units (default floor(1.7·F)).")
    Integer hidden;
    @Option(names = "--recurrent", description = "Recurrent units (default floor(1.3·F)).")
    Integer recurrent;
    @Option(names = "--sequences", description = "Sequences (default ${DEFAULT-VALUE}).")
    int sequences = 100;
    @Option(names = "--T", description = "Frames per sequence (default ${DEFAULT-VALUE}).")
    int steps = 100;
    @Option(names = "--B", description = "Sequences per batch (default ${DEFAULT-VALUE}).")
    int batch = 20;
    @Option(names = "--k", description = "CD steps (default ${DEFAULT-VALUE}).")
    int k = 5;
    @Option(names = "--epochs", description = "Epochs per measurement (default ${DEFAULT-VALUE}).")
    int epochs = 4;
    @Option(names = "--repeats", description = "Measurements of each after one untimed run, alternating the "
            + "order; the best counts (default ${DEFAULT-VALUE}).")
    int repeats = 4;

    @Override
    public Integer call() throws Exception {
        if (nVisible < 1 || sequences < 1 || steps < 1 || batch < 1 || k < 1 || epochs < 1 || repeats < 1) {
            throw new IllegalArgumentException("all sizes must be positive");
        }
        SplittableRandom rnd = new SplittableRandom(1);
        List<float[][]> seqs = new ArrayList<>();
        List<CorpusSegment> prov = new ArrayList<>();
        for (int s = 0; s < sequences; s++) {
            float[][] x = new float[steps][nVisible];
            for (float[] row : x) {
                for (int i = 0; i < nVisible; i++) {
                    row[i] = (float) rnd.nextDouble();
                }
            }
            seqs.add(x);
            prov.add(new CorpusSegment("bench", s, 0, steps, 1, ""));
        }
        SequenceDataset data = new SequenceDataset(nVisible, seqs, "bench");
        Corpus corpus = new Corpus(data, prov, SpectralFrames.DEFAULT, 0);
        RnnRbmConfig base = RnnRbmConfig.defaults(nVisible).withCdSteps(k);
        RnnRbmConfig mc = base.withSizes(hidden == null ? base.nHidden() : hidden,
                recurrent == null ? base.nRecurrent() : recurrent);
        TrainingConfig tc = new TrainingConfig(batch, epochs, List.of(1e-4), false, 1e-4, 0, 0, 5, 3, 1);
        double frames = (double) epochs * data.totalFrames();
        double bestRaw = 0;
        double bestService = 0;
        double bestRawCpu = 0;
        double bestServiceCpu = 0;
        List<Double> ratios = new ArrayList<>();
        Path tmp = Files.createTempDirectory("echoic-bench-train-service");
        try (ModelThread thread = new ModelThread()) {
            TrainingService service = new TrainingService(thread, EchoicCli.appVersion());
            timeTrainer(thread, mc, tc, data, tmp.resolve("warm-raw"), frames);
            timeService(service, corpus, mc, tc, tmp.resolve("warm-service"), frames);
            for (int r = 0; r < repeats; r++) {
                double[] raw;
                double[] svc;
                if (r % 2 == 0) {
                    raw = timeTrainer(thread, mc, tc, data, tmp.resolve("raw-" + r), frames);
                    svc = timeService(service, corpus, mc, tc, tmp.resolve("service-" + r), frames);
                } else {
                    svc = timeService(service, corpus, mc, tc, tmp.resolve("service-" + r), frames);
                    raw = timeTrainer(thread, mc, tc, data, tmp.resolve("raw-" + r), frames);
                }
                ratios.add(svc[0] / raw[0]);
                bestRaw = Math.max(bestRaw, raw[0]);
                bestService = Math.max(bestService, svc[0]);
                bestRawCpu = Math.max(bestRawCpu, raw[1]);
                bestServiceCpu = Math.max(bestServiceCpu, svc[1]);
            }
        } finally {
            deleteTree(tmp);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("nVisible", nVisible);
        out.put("nHidden", mc.nHidden());
        out.put("nRecurrent", mc.nRecurrent());
        out.put("k", k);
        out.put("batch", batch);
        out.put("sequences", sequences);
        out.put("framesPerSequence", steps);
        out.put("epochs", epochs);
        out.put("backend", ComputeBackend.describe());
        out.put("trainerFramesPerSecond", bestRaw);
        out.put("serviceFramesPerSecond", bestService);
        out.put("serviceOverTrainer", bestService / bestRaw);
        out.put("serviceOverTrainerPerRepeat", ratios);
        out.put("serviceOverTrainerMedian", ratios.stream().sorted().toList().get(ratios.size() / 2));
        out.put("trainerFramesPerCpuSecond", bestRawCpu);
        out.put("serviceFramesPerCpuSecond", bestServiceCpu);
        out.put("serviceOverTrainerCpu", bestServiceCpu / bestRawCpu);
        out.put("loadAverage", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println(Json.line(out));
        return 0;
    }

    /** Frames per second of the raw trainer on the model thread, with a checkpoint folder like the service's. */
    private static double[] timeTrainer(ModelThread thread, RnnRbmConfig mc, TrainingConfig tc, SequenceDataset data,
                                      Path dir, double frames) throws Exception {
        return thread.submit(() -> {
            ComputeBackend.configureForTraining();
            long t0 = System.nanoTime();
            long c0 = cpuNanos();
            try (RnnRbm model = new RnnRbm(mc, 1); RmsProp opt = new RmsProp(model)) {
                new Trainer(model, opt, tc, data, null, TrainingState.start(),
                        new CheckpointFolder(dir, "bench", null, null), null).run(() -> false);
            }
            return new double[] {frames / ((System.nanoTime() - t0) / 1e9), frames / ((cpuNanos() - c0) / 1e9)};
        }).get(1, TimeUnit.HOURS);
    }

    /** Frames per second of a whole service run, from start() to its end. */
    private static double[] timeService(TrainingService service, Corpus corpus, RnnRbmConfig mc, TrainingConfig tc,
                                      Path dir, double frames) throws Exception {
        long t0 = System.nanoTime();
        long c0 = cpuNanos();
        TrainingService.State s = service.start(new TrainingService.Request(corpus, mc, tc, 0, dir))
                .get(1, TimeUnit.HOURS);
        if (s != TrainingService.State.COMPLETED) {
            throw new IllegalStateException("the service run ended " + s + ": " + service.status().message());
        }
        return new double[] {frames / ((System.nanoTime() - t0) / 1e9), frames / ((cpuNanos() - c0) / 1e9)};
    }

    /** CPU time of the whole process (all threads, BLAS included), so that other processes' load cancels out. */
    private static long cpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    static void deleteTree(Path p) throws IOException {
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(q);
            }
        }
    }
}
