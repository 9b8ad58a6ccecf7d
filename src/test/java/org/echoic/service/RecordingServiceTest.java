package org.echoic.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.echoic.audio.SummaryPyramid;
import org.echoic.io.WavWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingServiceTest {
    @TempDir
    Path dir;
    private AppExecutors executors;
    private RecordingService service;

    @BeforeEach
    void setUp() {
        executors = new AppExecutors(2);
        service = new RecordingService(executors, new RecentFiles(dir.resolve("settings").resolve("recent.txt")));
    }

    @AfterEach
    void tearDown() {
        service.close();
        executors.close();
    }

    private Path wav(Path file, int frames, float value) throws Exception {
        Files.createDirectories(file.getParent());
        float[] x = new float[frames];
        java.util.Arrays.fill(x, value);
        WavWriter.write(file, x, 8_000, WavWriter.Format.PCM16);
        return file;
    }

    @Test
    void opensFilesAndFoldersAndNamesEveryBadFile() throws Exception {
        Path good = wav(dir.resolve("a.wav"), 20_000, 0.5f);
        wav(dir.resolve("folder").resolve("sub").resolve("b.WAV"), 1000, 0.25f);
        wav(dir.resolve("folder").resolve("c.wav"), 1000, 0.25f);
        Files.writeString(dir.resolve("folder").resolve("notes.txt"), "not audio, ignored in folders");
        Path garbage = Files.writeString(dir.resolve("broken.wav"), "RIFF but nothing else");
        Files.createDirectories(dir.resolve("empty"));

        OpenOutcome outcome = service.open(List.of(good, dir.resolve("folder"), garbage, dir.resolve("nope.wav"),
                dir.resolve("empty"))).get(10, TimeUnit.SECONDS);

        assertEquals(List.of("a.wav", "c.wav", "b.WAV"), outcome.opened().stream().map(OpenRecording::name).toList());
        assertEquals(3, outcome.errors().size(), outcome.errors().toString());
        assertTrue(outcome.errors().get(0).contains("broken.wav"), outcome.errors().get(0));
        assertTrue(outcome.errors().get(1).contains("nope.wav") && outcome.errors().get(1).contains("does not exist"));
        assertTrue(outcome.errors().get(2).contains("empty") && outcome.errors().get(2).contains("no audio files"));
        assertEquals(3, service.recordings().size());
        assertEquals(List.of(dir.resolve("folder").toAbsolutePath(), good.toAbsolutePath()),
                service.recentFiles().list());
        assertTrue(Files.readString(service.recentFiles().file()).contains("a.wav"));
        assertEquals(2, new RecentFiles(service.recentFiles().file()).list().size(), "recent files persist");
    }

    @Test
    void buildsThePyramidInTheBackgroundAndDoesNotOpenTwice() throws Exception {
        Path good = wav(dir.resolve("a.wav"), 200_000, 0.5f);
        OpenRecording first = service.open(List.of(good)).get(10, TimeUnit.SECONDS).opened().get(0);
        SummaryPyramid p = first.pyramid(0);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!p.isComplete() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(p.isComplete());
        assertEquals(1.0, first.buildProgress(0));
        assertEquals(0.5f, p.max(p.levels() - 1, 0), 1e-4);
        OpenRecording again = service.open(List.of(good)).get(10, TimeUnit.SECONDS).opened().get(0);
        assertSame(first, again);
        assertEquals(1, service.recordings().size());
        assertSame(p, first.pyramid(0), "one pyramid per channel");
        service.close(first);
        assertTrue(service.recordings().isEmpty());
    }

    @Test
    void latestWinsDropsStaleResults() throws Exception {
        LatestWins<String> latest = new LatestWins<>(executors.compute());
        CountDownLatch slowStarted = new CountDownLatch(1);
        AtomicReference<String> delivered = new AtomicReference<>();
        AtomicReference<Boolean> slowInterrupted = new AtomicReference<>(false);
        CountDownLatch done = new CountDownLatch(1);
        latest.submit(() -> {
            slowStarted.countDown();
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                slowInterrupted.set(true);
            }
            return "stale";
        }, delivered::set, e -> { });
        slowStarted.await();
        latest.submit(() -> "fresh", r -> {
            delivered.set(r);
            done.countDown();
        }, e -> { });
        assertTrue(done.await(5, TimeUnit.SECONDS));
        Thread.sleep(50);
        assertEquals("fresh", delivered.get());
        assertTrue(slowInterrupted.get(), "the older task is interrupted");
    }

    @Test
    void executorThreadsAreNamedDaemons() throws Exception {
        String compute = executors.compute().submit(() -> Thread.currentThread().getName() + Thread.currentThread().isDaemon()).get();
        String io = executors.io().submit(() -> Thread.currentThread().getName() + Thread.currentThread().isDaemon()).get();
        assertTrue(compute.matches("echoic-compute-\\d+true"), compute);
        assertEquals("echoic-iotrue", io);
        assertFalse(Thread.currentThread().getName().startsWith("echoic"));
    }
}
