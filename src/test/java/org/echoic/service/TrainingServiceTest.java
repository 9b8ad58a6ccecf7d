package org.echoic.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.echoic.audio.Recording;
import org.echoic.corpus.Corpus;
import org.echoic.dsp.SpectralFrames;
import org.echoic.dsp.StftParams;
import org.echoic.io.AudioFiles;
import org.echoic.io.CheckpointFolder;
import org.echoic.rnnrbm.GateActivation;
import org.echoic.rnnrbm.RnnRbmConfig;
import org.echoic.segment.SegmentationParams;
import org.echoic.train.TrainingConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The background training run: start, pause, resume, stop with a checkpoint, resume from it; the corpus build. */
class TrainingServiceTest {
    static final Path BIRD = Path.of("sample-data", "bird-song.wav");
    /** 128-sample frames cropped to 2–6 kHz: 10 values per frame, fast to train. */
    static final SpectralFrames SMALL = SpectralFrames.DEFAULT
            .withStft(new StftParams(128, 64, 128, StftParams.DEFAULT.window(), StftParams.DEFAULT.detrend(),
                    StftParams.DEFAULT.scaling(), StftParams.Mode.PSD))
            .withBand(2000, 5500);

    @TempDir
    Path dir;
    private ModelThread thread;
    private TrainingService service;
    private Recording rec;

    @BeforeEach
    void setUp() throws Exception {
        thread = new ModelThread();
        service = new TrainingService(thread, "test");
        rec = AudioFiles.open(BIRD);
    }

    @AfterEach
    void tearDown() throws Exception {
        service.close();
        thread.close();
        rec.close();
    }

    static Corpus corpus(Recording rec, Path annotations) throws Exception {
        CorpusService.Request r = new CorpusService.Request(List.of(new CorpusService.Source(BIRD.toString(), rec,
                SegmentationParams.DEFAULTS, annotations)), Recording.MEAN_CHANNEL, SMALL, "bird-song");
        return CorpusService.buildNow(r, p -> { });
    }

    static TrainingService.Request request(Corpus c, Path runDir, int epochsPerStage) {
        RnnRbmConfig m = new RnnRbmConfig(c.dataset().nVisible(), 8, 6, 1, false, GateActivation.TANH);
        TrainingConfig t = new TrainingConfig(2, epochsPerStage, List.of(1e-3, 5e-4), false, 1e-4, 0, 0, 2, 3, 7);
        return new TrainingService.Request(c, m, t, 0.2, runDir);
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }

    @Test
    void automaticAndAnnotatedCorporaHaveFramesOfTheBandWidth() throws Exception {
        Corpus auto = corpus(rec, null);
        Corpus annotated = corpus(rec, Path.of("sample-data", "bird-song.csv"));
        int f = SMALL.nVisible(rec.sampleRateHz());
        assertEquals(f, auto.dataset().nVisible());
        assertEquals(f, annotated.dataset().nVisible());
        long rows = Files.readAllLines(Path.of("sample-data", "bird-song.csv")).size() - 1;
        assertEquals(rows, annotated.dataset().size() + annotated.skippedSegments());
        assertTrue(auto.dataset().size() > 10, "automatic segments: " + auto.dataset().size());
        assertTrue(Double.isFinite(auto.frames().referenceDb()));
    }

    @Test
    void cancellingABuildInterruptsItAndFreesTheThread() throws Exception {
        var executor = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            List<CorpusService.Source> many = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                many.add(new CorpusService.Source("bird-" + i, rec, SegmentationParams.DEFAULTS, null));
            }
            CorpusService.Job job = new CorpusService(executor).build(new CorpusService.Request(many,
                    Recording.MEAN_CHANNEL, SMALL, "many"));
            await(() -> job.progress() > 0, "the build to start");
            job.cancel();
            assertTrue(job.result().isCancelled());
            // The worker was interrupted: the single thread is free long before 200 recordings could be built.
            assertEquals("free", executor.submit(() -> "free").get(30, TimeUnit.SECONDS));
            assertTrue(job.progress() < 0.5, "stopped early: " + job.progress());
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void pauseResumeStopWritesACheckpointThatResumes() throws Exception {
        Corpus c = corpus(rec, Path.of("sample-data", "bird-song.csv"));
        Path run = dir.resolve("run");
        var done = service.start(request(c, run, 200));
        await(() -> service.metrics().batchCount() >= 3, "first batches");
        service.pause();
        await(() -> service.status().state() == TrainingService.State.PAUSED, "pause");
        long paused = service.metrics().batchCount();
        // A model task submitted while paused runs between batches, and no batch runs meanwhile.
        int answer = thread.submit(() -> 42).get(30, TimeUnit.SECONDS);
        assertEquals(42, answer);
        assertEquals(paused, service.metrics().batchCount());
        assertEquals(TrainingService.State.PAUSED, service.status().state());
        service.resume();
        await(() -> service.metrics().batchCount() > paused, "batches after resume");
        assertEquals(TrainingService.State.STOPPED, service.stop().get(60, TimeUnit.SECONDS));
        assertTrue(Files.isRegularFile(run.resolve("model.json")), "checkpoint written on stop");
        assertEquals(run.toAbsolutePath().normalize(), service.latestCheckpoint().orElseThrow().toAbsolutePath().normalize());
        assertFalse(service.status().backend().isEmpty());
        assertTrue(Files.readString(run.resolve("model.json")).contains("\"referenceDb\""));

        long before = service.metrics().batchCount();
        var resumed = service.resumeFrom(run, c, 0.2);
        await(() -> service.metrics().batchCount() > before, "batches after resuming from the checkpoint");
        assertEquals(TrainingService.State.STOPPED, service.stop().get(60, TimeUnit.SECONDS));
        assertTrue(done.isDone() && resumed.isDone());
    }

    @Test
    void aShortRunCompletesWithEpochMetricsAndHistory() throws Exception {
        Corpus c = corpus(rec, Path.of("sample-data", "bird-song.csv"));
        Path run = dir.resolve("run");
        assertEquals(TrainingService.State.COMPLETED, service.start(request(c, run, 1)).get(120, TimeUnit.SECONDS));
        MetricsBuffer.Drained d = service.metrics().drain();
        assertEquals(2, d.epochs().size());
        assertTrue(!Double.isNaN(d.epochs().get(1).value(RnnRbmJob.CURVES.epochIndex("Validation prediction error"))),
                "validation metrics");
        assertEquals(RnnRbmJob.CURVES, d.curves());
        assertFalse(d.batches().isEmpty());
        assertEquals(2, CheckpointFolder.load(run).state().history().size());
        // one loadable snapshot per epoch beside the run's checkpoint
        List<Path> snaps = org.echoic.io.CheckpointHistory.snapshots(run);
        assertEquals(List.of("epoch-0001", "epoch-0002"), snaps.stream().map(p -> p.getFileName().toString()).toList());
        assertEquals(1, CheckpointFolder.load(snaps.get(0)).state().nextEpoch());
        assertEquals(2, CheckpointFolder.load(snaps.get(1)).state().nextEpoch());
    }

    @Test
    void aRunKeepsOnlyTheNewestEpochSnapshotsAskedFor() throws Exception {
        Corpus c = corpus(rec, Path.of("sample-data", "bird-song.csv"));
        Path run = dir.resolve("run");
        TrainingService.Request r = request(c, run, 1);
        TrainingService.Request keepOne = new TrainingService.Request(r.corpus(), r.model(), r.training(),
                r.validationFraction(), run, 1);
        assertEquals(TrainingService.State.COMPLETED, service.start(keepOne).get(120, TimeUnit.SECONDS));
        assertEquals(List.of(run.resolveSibling("run.epochs").resolve("epoch-0002").toAbsolutePath().normalize()),
                org.echoic.io.CheckpointHistory.snapshots(run));
    }

    @Test
    void resumingOnOtherDataFailsWithAClearMessage() throws Exception {
        Corpus c = corpus(rec, Path.of("sample-data", "bird-song.csv"));
        Path run = dir.resolve("run");
        service.start(request(c, run, 1)).get(120, TimeUnit.SECONDS);
        Corpus other = corpus(rec, null);
        assertEquals(TrainingService.State.FAILED, service.resumeFrom(run, other, 0.2).get(60, TimeUnit.SECONDS));
        assertTrue(service.status().message().contains("other data"), service.status().message());
    }
}
