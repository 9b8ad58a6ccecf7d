package org.echoic.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.echoic.audio.ArrayRecording;
import org.echoic.io.CsvAnnotations;
import org.echoic.project.ProjectRecording;
import org.echoic.segment.Annotation;
import org.echoic.segment.AutoTune;
import org.echoic.segment.Segment;
import org.echoic.segment.SegmentEdits;
import org.echoic.segment.SegmentationParams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live segmentation service on tone bursts built in code: fast re-tuning from the cached envelope, envelope
 * recomputation for window changes, edits replayed after re-tuning, references and agreement, auto-tune with cancel,
 * and the two-way binding with the project. Waits are bounded (10 s).
 */
class SegmentationServiceTest {
    static final double FS = 16_000;
    /** Burst onsets and lengths in ms: 6 calls of 40–120 ms, 300 ms apart. */
    static final int[][] CALLS = {{200, 40}, {500, 80}, {800, 120}, {1100, 60}, {1400, 100}, {1700, 50}};

    @TempDir
    Path dir;
    private AppExecutors executors;
    private ArrayRecording recording;

    /** 2.6 seconds of faint noise with bursts at {@link #CALLS}. */
    static float[] calls() {
        float[] x = new float[(int) (2.6 * FS)];
        java.util.Random r = new java.util.Random(7);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.001 * (2 * r.nextDouble() - 1));
        }
        for (int[] c : CALLS) {
            burst(x, c[0], c[1], 0.5);
        }
        return x;
    }

    private static void burst(float[] x, int startMs, int lengthMs, double amp) {
        int s = (int) (startMs * FS / 1000);
        int n = (int) (lengthMs * FS / 1000);
        for (int i = 0; i < n; i++) {
            double g = Math.sin(Math.PI * i / n);
            x[s + i] += (float) (amp * Math.sqrt(g) * Math.sin(2 * Math.PI * 3000 * i / FS));
        }
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        await(() -> what, condition);
    }

    static void await(Supplier<String> what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                fail("timed out waiting until " + what.get());
            }
            Thread.sleep(10);
        }
    }

    static void awaitResult(SegmentationSession s, SegmentationParams p) throws InterruptedException {
        await(() -> "segments for " + p + " (last: computing " + s.snapshot().computing() + ", error "
                + s.snapshot().error() + ", shown " + (s.snapshot().automatic() == null ? null
                : s.snapshot().automatic().params()) + ")", () -> {
            SegmentationSnapshot snap = s.snapshot();
            return snap.automatic() != null && snap.automatic().params().equals(p) && !snap.computing();
        });
    }

    @BeforeEach
    void setUp() {
        executors = new AppExecutors(2);
        recording = new ArrayRecording(dir.resolve("calls.wav"), FS, calls());
    }

    @AfterEach
    void tearDown() {
        executors.close();
    }

    @Test
    void fastChangesReuseTheEnvelopeAndWindowChangesRecomputeIt() throws Exception {
        SegmentationParams p = SegmentationParams.ORIGINAL.withPercentile(80).withMinLengthMs(10);
        try (SegmentationSession s = new SegmentationSession(recording, executors.compute(), p)) {
            awaitResult(s, p);
            assertEquals(CALLS.length, s.snapshot().segments().size(), "the loud calls are found");
            assertEquals(1, s.envelopeComputations());
            assertEquals(CALLS.length, s.snapshot().peakDbfs().length);
            assertEquals(20 * Math.log10(0.5), s.snapshot().peakDbfs()[0], 0.5, "peak level of a 0.5 burst");

            SegmentationParams low = p.withPercentile(40).withMinLengthMs(30);
            for (double q = 79; q >= 40; q -= 1) {
                s.setParams(p.withPercentile(q));
            }
            s.setParams(low);
            awaitResult(s, low);
            assertEquals(1, s.envelopeComputations(), "percentile and length changes do not recompute the envelope");
            SegmentationParams buffered = low.withBufferMs(20).withMinSpacingMs(10);
            s.setParams(buffered);
            awaitResult(s, buffered);
            assertEquals(1, s.envelopeComputations());
            Segment first = s.snapshot().segments().get(0).segment();
            assertTrue(first.startFrame() < 0.2 * FS - 0.015 * FS, "the buffer pads: " + first);

            SegmentationParams wide = p.withWindowMs(10);
            s.setParams(wide);
            awaitResult(s, wide);
            assertEquals(2, s.envelopeComputations(), "a new window computes a new envelope");
            assertEquals(CALLS.length, s.snapshot().segments().size());
            assertNotNull(s.envelopeColumns(0, 100, 10));
            assertThrows(IllegalArgumentException.class, () -> s.setParams(p.withChannel(3)));
        }
    }

    @Test
    void aBurstOfChangesAlwaysEndsOnTheLastParameters() throws Exception {
        for (int round = 0; round < 30; round++) {
            SegmentationParams p = SegmentationParams.ORIGINAL.withPercentile(80).withMinLengthMs(10);
            try (SegmentationSession s = new SegmentationSession(recording, executors.compute(), p)) {
                awaitResult(s, p);
                for (double q = 79; q >= 40; q -= 1) {
                    s.setParams(p.withPercentile(q));
                }
                SegmentationParams last = p.withPercentile(40).withMinLengthMs(30);
                s.setParams(last);
                awaitResult(s, last);
                assertEquals(last, s.snapshot().automatic().params(), "a late worker never shows an older result");
            }
        }
    }

    @Test
    void editsSurviveReTuningAndUndo() throws Exception {
        SegmentationParams p = SegmentationParams.ORIGINAL.withPercentile(80).withMinLengthMs(10);
        try (SegmentationSession s = new SegmentationSession(recording, executors.compute(), p)) {
            awaitResult(s, p);
            Segment second = s.snapshot().segments().get(1).segment();
            s.edit(new SegmentEdits.Delete(second.startFrame(), second.endFrame()));
            s.edit(new SegmentEdits.Add(0, 800, "click"));
            await("edits shown", () -> s.snapshot().segments().size() == CALLS.length
                    && s.snapshot().segments().get(0).segment().label().equals("click"));
            assertTrue(s.snapshot().segments().get(0).edited());
            SegmentationParams retuned = p.withBufferMs(8);
            s.setParams(retuned);
            awaitResult(s, retuned);
            List<SegmentEdits.Item> items = s.snapshot().segments();
            assertEquals(CALLS.length, items.size(), "after re-tuning the deleted call stays deleted");
            assertEquals(new Segment(0, 800, "click"), items.get(0).segment());
            assertEquals(0, s.snapshot().skippedEdits());
            s.undo();
            await("undo shown", () -> s.snapshot().segments().size() == CALLS.length - 1);
            assertTrue(s.canRedo());
            s.redo();
            await("redo shown", () -> s.snapshot().segments().size() == CALLS.length);
        }
    }

    @Test
    void referencesGiveLiveAgreementAndAutoTuneImprovesIt() throws Exception {
        Path table = dir.resolve("calls.segments.csv");
        List<Annotation> refs = new ArrayList<>();
        for (int[] c : CALLS) {
            refs.add(new Annotation(c[0] / 1000.0, (c[0] + c[1]) / 1000.0, "call"));
        }
        CsvAnnotations.write(table, refs);
        SegmentationParams bad = SegmentationParams.ORIGINAL.withPercentile(50).withMinLengthMs(0).withBufferMs(30);
        try (SegmentationSession s = new SegmentationSession(recording, executors.compute(), bad)) {
            awaitResult(s, bad);
            s.loadReferences(table).get(10, TimeUnit.SECONDS);
            await("agreement", () -> s.snapshot().agreement() != null);
            double before = s.snapshot().agreement().f1();
            assertEquals(CALLS.length, s.snapshot().references().size());
            assertTrue(before < 0.9, "poor settings agree poorly: " + before);
            assertEquals(0, s.referencesPastEnd());

            AutoTuneJob job = s.autoTune();
            AutoTune.Result r = job.future().get(60, TimeUnit.SECONDS);
            assertEquals(before, r.startF1(), 1e-9, "the current F1 is reported beside the best");
            assertTrue(r.bestF1() > 0.99, "auto-tune finds settings that match the calls: " + r);
            s.setParams(r.best());
            awaitResult(s, r.best());
            await("agreement of the applied settings", () -> s.snapshot().agreement().f1() > 0.99);
            assertTrue(s.snapshot().agreement().meanOnsetErrorSeconds() <= 0.020);

            AutoTuneJob cancelled = s.autoTune();
            cancelled.cancel();
            assertThrows(CancellationException.class, () -> cancelled.future().get(10, TimeUnit.SECONDS));

            Path longer = dir.resolve("longer.segments.csv");
            List<Annotation> more = new ArrayList<>(refs);
            double end = recording.durationSeconds();
            more.add(new Annotation(end + 1, end + 1.2, "later"));
            more.add(new Annotation(end, end + 0.1, "at the end"));
            CsvAnnotations.write(longer, more);
            s.loadReferences(longer).get(10, TimeUnit.SECONDS);
            assertEquals(2, s.referencesPastEnd(), "references at or after the end of the recording are counted");

            assertThrows(Exception.class, () -> s.loadReferences(dir.resolve("missing.csv")).get(10, TimeUnit.SECONDS));
            await("the error names the file", () -> s.snapshot().error() != null
                    && s.snapshot().error().contains("missing.csv"));
            s.clearReferences();
            await("references cleared", () -> s.snapshot().agreement() == null);
            assertThrows(IllegalStateException.class, s::autoTune);
        }
    }

    @Test
    void theProjectKeepsParametersEditsAndReferencesAndRestoresThem() throws Exception {
        Path table = dir.resolve("refs.csv");
        CsvAnnotations.write(table, List.of(new Annotation(0.2, 0.24, "call")));
        ProjectService projects = new ProjectService(executors, new RecentFiles(dir.resolve("recent.txt")),
                dir.resolve("recovery"));
        SegmentationParams saved = SegmentationParams.ORIGINAL.withPercentile(85).withMinLengthMs(10);
        List<SegmentEdits.Edit> edits = List.of(new SegmentEdits.Add(0, 100, "x"), new SegmentEdits.Split(1, 2, 3),
                new SegmentEdits.Merge(1, 2, 3, 4), new SegmentEdits.Move(1, 2, 0, 5),
                new SegmentEdits.Relabel(1, 2, "y"), new SegmentEdits.Delete(5, 6));
        assertEquals(edits, SegmentationService.editsFromItems(SegmentationService.itemsFromEdits(edits)),
                "edits round-trip through project items");
        projects.adopt(projects.project().withRecordingAdded(ProjectRecording.of(recording.path(), FS, 1)
                .withSegmentation(saved).withManualEdits(SegmentationService.itemsFromEdits(edits.subList(0, 1)))
                .withAnnotationFiles(List.of(table))), null, false);
        OpenRecording open = new OpenRecording(recording, executors.compute());
        try (SegmentationService service = new SegmentationService(executors.compute(), projects)) {
            SegmentationSession s = service.session(open);
            assertEquals(saved, s.params(), "a new session starts with the project's parameters");
            service.syncWithProject(s);
            assertEquals(edits.subList(0, 1), s.edits(), "and its edits");
            await("its references", () -> table.equals(s.snapshot().referenceFile()));
            assertFalse(projects.isDirty());

            SegmentationParams tuned = saved.withPercentile(92);
            s.setParams(tuned);
            s.edit(new SegmentEdits.Delete(0, 100));
            service.syncWithProject(s);
            ProjectRecording stored = projects.project().recording(recording.path()).orElseThrow();
            assertEquals(tuned, stored.segmentation(), "tuning is written to the project");
            assertEquals(2, SegmentationService.editsFromItems(stored.manualEdits()).size());
            assertEquals(List.of(table.toAbsolutePath().normalize()), stored.annotationFiles());
            assertTrue(projects.isDirty());

            SegmentationParams other = saved.withBufferMs(0);
            projects.adopt(projects.project().withRecording(recording.path(), r -> r.withSegmentation(other)
                    .withManualEdits(List.of()).withAnnotationFiles(List.of())), null, false);
            service.syncWithProject(s);
            assertEquals(other, s.params(), "an opened project's parameters are applied");
            assertEquals(List.of(), s.edits());
            await("references removed", () -> s.snapshot().referenceFile() == null);

            service.retain(List.of());
            assertNull(s.snapshot().agreement());
            assertTrue(Files.exists(table));
        }
    }
}
