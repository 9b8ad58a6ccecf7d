package org.echoic.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.echoic.TinyCheckpoint;
import org.echoic.audio.Recording;
import org.echoic.corpus.Corpus;
import org.echoic.dsp.ColorMap;
import org.echoic.io.AudioFiles;
import org.echoic.io.CheckpointFolder;
import org.echoic.io.CheckpointSummaries;
import org.echoic.io.NpyReader;
import org.echoic.segment.Segment;
import org.echoic.train.ModelInspector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading, inspecting, latest-wins, following a run folder and exporting, on a tiny model trained here. */
class InspectionServiceTest {
    @TempDir
    Path dir;
    private AppExecutors executors;
    private InspectionService service;

    @BeforeEach
    void setUp() {
        executors = new AppExecutors(1);
        service = new InspectionService(executors);
    }

    @AfterEach
    void tearDown() {
        service.close();
        executors.close();
    }

    private static <T> T get(CompletableFuture<T> f) throws Exception {
        return f.get(30, TimeUnit.SECONDS);
    }

    @Test
    void loadsInspectsComputesStatisticsAndExports() throws Exception {
        Path run = dir.resolve("run");
        Corpus corpus = TinyCheckpoint.train(run.resolve("model"), 1, 3);
        assertEquals(1, CheckpointSummaries.list(run).size());
        InspectionService.InspectedModel m = get(service.load(run.resolve("model")));
        assertEquals(1, m.epochs());
        assertEquals(35, m.config().nVisible());
        assertEquals(TinyCheckpoint.FRAMES.stft(), m.frames().stft());
        assertEquals(2000, m.frames().minHz());
        assertEquals(8, m.templates().length);
        assertEquals(35, m.templates()[0].length);

        Recording rec = AudioFiles.open(TinyCheckpoint.WAV);
        Segment seg = TinyCheckpoint.segments(rec).get(2);
        InspectedSegment s = InspectedSegment.fromRecording(rec, 0, seg, m.frames(), 35, "third");
        assertArrayEquals(corpus.dataset().sequences().get(2), s.frames(), "frames exactly as in training");
        InspectedSegment fromCorpus = InspectedSegment.fromCorpus(corpus, 2, rec, 0);
        assertEquals("bird-song.wav #2 B", fromCorpus.name());
        assertEquals(seg.startFrame(), fromCorpus.startFrame());
        assertTrue(fromCorpus.playable());
        InspectionService.SegmentInspection insp = get(service.inspect(s));
        ModelInspector.Activations a = insp.activations();
        assertEquals(s.frames().length, a.frames());
        CheckpointFolder.Loaded direct = CheckpointFolder.load(run.resolve("model"));
        ModelInspector.Activations want = new ModelInspector(direct.model()).activations(s.frames());
        direct.model().close();
        for (int t = 0; t < a.frames(); t++) {
            assertArrayEquals(want.hidden()[t], a.hidden()[t], 1e-6f);
        }

        List<InspectedSegment> all = InspectedSegment.fromRecording(rec, 0, TinyCheckpoint.segments(rec),
                m.frames(), 35);
        assertEquals(corpus.dataset().size(), all.size());
        InspectionService.UnitReport report = get(service.statistics(all, 4));
        assertEquals(8, report.statistics().size());
        for (ModelInspector.UnitStatistics u : report.statistics()) {
            assertEquals(4, u.topFrames().size());
            assertTrue(u.meanActivation() > 0 && u.meanActivation() < 1);
            assertTrue(u.topSegments().get(0).sequence() < all.size());
        }

        Path out = dir.resolve("export");
        List<Path> files = InspectionExporter.exportAll(out, m, insp, report, ColorMap.VIRIDIS);
        assertEquals(8, files.size());
        NpyReader.NpyArray act = NpyReader.read(out.resolve("activations.npy"));
        assertArrayEquals(new int[] {a.frames(), 8}, act.shape());
        assertEquals(a.hidden()[1][3], act.data()[8 + 3], 0);
        assertArrayEquals(new int[] {8, 35}, NpyReader.read(out.resolve("templates.npy")).shape());
        assertArrayEquals(new int[] {a.frames(), 6}, NpyReader.read(out.resolve("recurrent-3.npy")).shape());
        List<String> csv = Files.readAllLines(out.resolve("unit-stats.csv"));
        assertEquals(9, csv.size());
        assertTrue(csv.get(1).startsWith("0,"), csv.get(1));
        assertTrue(csv.get(1).contains("bird-song.wav #"), csv.get(1));
        assertTrue(ImageIO.read(out.resolve("activations.png").toFile()).getHeight() > 200 + 8);
        assertEquals(16 * 27 + 3, ImageIO.read(out.resolve("templates.png").toFile()).getWidth());
    }

    @Test
    void aNewerRequestWinsAndFollowingReloadsTheNewestCheckpoint() throws Exception {
        Path run = dir.resolve("run");
        Corpus corpus = TinyCheckpoint.train(run.resolve("model"), 1, 3);
        get(service.load(run.resolve("model")));
        InspectedSegment first = InspectedSegment.fromDataset(corpus.dataset(), 0);
        InspectedSegment second = InspectedSegment.fromDataset(corpus.dataset(), 1);
        CountDownLatch hold = new CountDownLatch(1);
        executors.model().submit(() -> hold.await(10, TimeUnit.SECONDS));
        CompletableFuture<InspectionService.SegmentInspection> older = service.inspect(first);
        CompletableFuture<InspectionService.SegmentInspection> newer = service.inspect(second);
        hold.countDown();
        assertEquals(second, get(newer).segment());
        assertThrows(CancellationException.class, () -> get(older), "the older request is dropped");
        assertEquals(second, service.inspection().segment());

        service.follow(run);
        assertTrue(service.isFollowing());
        TinyCheckpoint.train(run.resolve("model"), 2, 3);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && (service.inspection().model().epochs() != 2)) {
            Thread.sleep(50);
        }
        assertEquals(2, service.model().epochs(), "the newest checkpoint was loaded");
        assertEquals(2, service.inspection().model().epochs(), "the last segment was recomputed with it");
        assertEquals(second, service.inspection().segment());
        service.stopFollowing();
    }

    @Test
    void aBadCheckpointIsReportedWithItsFile() throws Exception {
        Path bad = dir.resolve("bad");
        Files.createDirectories(bad);
        Files.writeString(bad.resolve("model.json"), "{\"format\": \"something else\"}");
        ExecutionException e = assertThrows(ExecutionException.class, () -> get(service.load(bad)));
        assertTrue(e.getCause().getMessage().contains("model.json"), e.getCause().getMessage());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (service.problem() == null && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertNotNull(service.problem());
        assertThrows(ExecutionException.class, () -> get(service.inspect(
                new InspectedSegment("x", new float[][] {new float[35]}, null, "x", 0, 0, 0))));
    }
}
