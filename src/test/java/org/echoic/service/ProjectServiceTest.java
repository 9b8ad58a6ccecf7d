package org.echoic.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.echoic.io.FileHashes;
import org.echoic.io.ProjectFiles;
import org.echoic.io.WavWriter;
import org.echoic.project.Project;
import org.echoic.project.ProjectRecording;
import org.echoic.project.ViewState;
import org.echoic.segment.Segment;
import org.echoic.segment.SegmentationFingerprint;
import org.echoic.segment.SegmentationParams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The open project: dirty counter, saving with hashes and fingerprints, recovery files, autosave, reproduction. */
class ProjectServiceTest {
    @TempDir
    Path dir;
    private AppExecutors executors;
    private ProjectService service;

    @BeforeEach
    void setUp() {
        executors = new AppExecutors(2);
        service = new ProjectService(executors, new RecentFiles(dir.resolve("settings/recent-projects.txt")),
                dir.resolve("settings/recovery"));
    }

    @AfterEach
    void tearDown() {
        service.close();
        executors.close();
    }

    /** Five 50 ms tone bursts 200 ms apart in silence, at 16 kHz. */
    static Path bursts(Path file) throws Exception {
        int rate = 16_000;
        float[] x = new float[rate];
        for (int b = 0; b < 5; b++) {
            int start = rate / 10 + b * rate * 2 / 10;
            for (int i = 0; i < rate / 20; i++) {
                x[start + i] = (float) (0.5 * Math.sin(2 * Math.PI * 2000 * i / rate));
            }
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        WavWriter.write(file, x, rate, WavWriter.Format.PCM16);
        return file;
    }

    @Test
    void changesMakeTheProjectDirtyUntilSaved() throws Exception {
        assertFalse(service.isDirty());
        assertEquals("Untitled", service.displayName());
        service.update(p -> p);
        assertFalse(service.isDirty(), "an update that changes nothing is not a change");
        Path wav = bursts(dir.resolve("rec/a.wav"));
        service.update(p -> p.withRecordingAdded(ProjectRecording.of(wav, 16_000, 1)));
        assertTrue(service.isDirty());
        Path file = dir.resolve("birds.echoic.json");
        service.saveAs(file).get(20, TimeUnit.SECONDS);
        assertFalse(service.isDirty());
        assertEquals("birds", service.displayName());
        assertEquals(List.of(file), service.recentProjects().list());
        service.markDirty();
        assertTrue(service.isDirty());
    }

    @Test
    void saveRecordsSizeHashAndAReproducibleFingerprint() throws Exception {
        Path wav = bursts(dir.resolve("rec/a.wav"));
        service.update(p -> p.withRecordingAdded(ProjectRecording.of(wav, 16_000, 1)));
        Path file = dir.resolve("p.echoic.json");
        service.saveAs(file).get(20, TimeUnit.SECONDS);
        ProjectRecording saved = ProjectFiles.read(file).recordings().get(0);
        assertEquals(Files.size(wav), saved.sizeBytes());
        assertEquals(FileHashes.sha256Of(wav, null), saved.sha256());
        assertEquals(5, saved.fingerprint().segmentCount(), "five bursts");
        assertEquals(saved, service.project().recordings().get(0), "the state holds what was saved");
        List<SegmentationReproduction.Check> checks =
                SegmentationReproduction.check(ProjectFiles.read(file), new FileHashes(), executors.compute(), null);
        assertTrue(checks.get(0).reproducedExactly());

        // other parameters give other segments: the stored fingerprint no longer reproduces
        Project tampered = ProjectFiles.read(file).withRecording(0, r -> new ProjectRecording(r.path(), r.sizeBytes(),
                r.sha256(), r.sampleRateHz(), r.channels(), r.segmentation().withBufferMs(r.segmentation().bufferMs() + 20), r.fingerprint(),
                r.annotationFiles(), r.manualEdits()));
        SegmentationReproduction.Check c =
                SegmentationReproduction.check(tampered, new FileHashes(), executors.compute(), null).get(0);
        assertFalse(c.ok());
        assertEquals(5, c.reproduced().segmentCount(), "the same calls with other boundaries");
    }

    @Test
    void fingerprintIsOverTheBoundaries() {
        SegmentationFingerprint a = SegmentationFingerprint.of(List.of(new Segment(0, 10), new Segment(20, 30, "x")));
        assertEquals(a, SegmentationFingerprint.of(List.of(new Segment(0, 10, "y"), new Segment(20, 30))));
        assertFalse(a.equals(SegmentationFingerprint.of(List.of(new Segment(0, 10), new Segment(20, 31)))));
        assertEquals(2, a.segmentCount());
    }

    @Test
    void changingParametersDropsTheFingerprint() throws Exception {
        ProjectRecording r = ProjectRecording.of(dir.resolve("a.wav"), 8000, 1)
                .withFingerprint(SegmentationFingerprint.of(List.of()));
        assertNotNull(r.withSegmentation(SegmentationParams.DEFAULTS).fingerprint());
        assertEquals(null, r.withSegmentation(SegmentationParams.DEFAULTS.withBufferMs(9)).fingerprint());
    }

    @Test
    void recoveryIsWrittenOfferedAndRemoved() throws Exception {
        Path file = dir.resolve("p.echoic.json");
        Path wav = bursts(dir.resolve("a.wav"));
        service.update(p -> p.withRecordingAdded(ProjectRecording.of(wav, 16_000, 1)));
        service.saveAs(file).get(20, TimeUnit.SECONDS);
        assertFalse(service.autosaveNow(), "nothing unsaved: no recovery file");
        service.update(p -> p.withView(new ViewState(0, 100, 900, -1)));
        assertTrue(service.autosaveNow());
        Path recovery = ProjectFiles.recoveryFile(file);
        assertTrue(Files.isRegularFile(recovery));
        assertFalse(service.autosaveNow(), "no change since the last autosave");
        assertEquals(service.project().view(), ProjectFiles.read(recovery).view());
        Files.setLastModifiedTime(recovery, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 2000));
        assertEquals(recovery, service.recoveryFor(file).orElseThrow(), "a recovery newer than the project is offered");
        service.save().get(20, TimeUnit.SECONDS);
        assertFalse(Files.exists(recovery), "a normal save removes the recovery file");

        service.update(p -> p.withView(ViewState.NONE));
        assertTrue(service.autosaveNow());
        Files.setLastModifiedTime(recovery, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() - 2000));
        assertTrue(service.recoveryFor(file).isEmpty(), "an older recovery file is stale");
        assertFalse(Files.exists(recovery), "and removed");

        service.update(p -> p.withView(new ViewState(0, 1, 2, 0)));
        assertTrue(service.autosaveNow());
        service.newProject();
        assertFalse(Files.exists(recovery), "closing without saving removes it");
    }

    @Test
    void untitledProjectsRecoverFromTheRecoveryFolder() throws Exception {
        Path wav = bursts(dir.resolve("x/a.wav"));
        service.update(p -> p.withRecordingAdded(ProjectRecording.of(wav, 16_000, 1)));
        assertTrue(service.autosaveNow());
        Path recovery = service.recoveryFor(null).orElseThrow();
        assertEquals(dir.resolve("settings/recovery/untitled.echoic.json"), recovery);
        assertEquals(service.project(), service.load(recovery).get(20, TimeUnit.SECONDS).project());
    }

    @Test
    void autosaveRunsOnTheTimer() throws Exception {
        service.update(p -> p.withRecordingAdded(ProjectRecording.of(dir.resolve("a.wav"), 8000, 1)));
        service.startAutosave(Duration.ofMillis(50));
        Path recovery = service.recoveryFile();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Files.exists(recovery) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(Files.exists(recovery));
    }
}
