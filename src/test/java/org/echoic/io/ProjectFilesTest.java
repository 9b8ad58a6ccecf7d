package org.echoic.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.echoic.dsp.ColorMap;
import org.echoic.dsp.StftParams;
import org.echoic.dsp.WindowFunction;
import org.echoic.project.Project;
import org.echoic.project.ProjectRecording;
import org.echoic.project.RecordingProblem;
import org.echoic.segment.SegmentationParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Project files: compatibility fixtures, versions, unknown fields, atomic saves with backup, relinking. */
class ProjectFilesTest {
    /** One fixture per released format version; add a line when a version is released. */
    static final List<String> RELEASED = List.of("1.0", "1.1");

    @TempDir
    Path dir;

    static byte[] fixture(String version) throws IOException {
        try (InputStream in = ProjectFilesTest.class.getResourceAsStream("/projects/project-" + version + ".echoic.json")) {
            return in.readAllBytes();
        }
    }

    private Path copyFixture(String version) throws IOException {
        Path f = dir.resolve("proj").resolve("p.echoic.json");
        Files.createDirectories(f.getParent());
        Files.write(f, fixture(version));
        return f;
    }

    private static Path wav(Path file, long seed) throws IOException {
        float[] x = new float[8000];
        java.util.Random r = new java.util.Random(seed);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.3 * r.nextGaussian() * ((i / 1000) % 2));
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        WavWriter.write(file, x, 16_000, WavWriter.Format.PCM16);
        return file;
    }

    @Test
    void everyReleasedFixtureLoads() throws IOException {
        for (String v : RELEASED) {
            Project p = ProjectFiles.read(copyFixture(v));
            assertEquals(2, p.recordings().size(), v);
        }
    }

    @Test
    void fixture10HasEveryValue() throws IOException {
        Path f = copyFixture("1.0");
        Project p = ProjectFiles.read(f);
        ProjectRecording a = p.recordings().get(0);
        assertEquals(f.getParent().resolve("recordings/song.wav"), a.path());
        assertEquals(88244, a.sizeBytes());
        assertEquals(new SegmentationParams(6, 85, Double.NaN, 3, 20, 400, 4, -1, 1000, 8000), a.segmentation());
        assertEquals(12, a.fingerprint().segmentCount());
        assertEquals(List.of(f.getParent().resolve("recordings/song.Table.1.selections.txt")), a.annotationFiles());
        ProjectRecording b = p.recordings().get(1);
        assertEquals(dir.resolve("shared/dawn chorus.flac"), b.path());
        assertFalse(b.isHashed());
        assertNull(b.fingerprint());
        assertEquals(-42.5, b.segmentation().thresholdDbfs());
        assertEquals(new StftParams(512, 384, 1024, WindowFunction.parse("tukey:0.25"), StftParams.Detrend.CONSTANT,
                StftParams.Scaling.SPECTRUM, StftParams.Mode.MAGNITUDE), p.spectrogram().stft());
        assertEquals(ColorMap.MAGMA, p.spectrogram().colorMap());
        assertEquals("MEL", p.spectrogram().axis());
        assertEquals(-90, p.spectrogram().floorDb());
        assertEquals(1, p.view().selectedRecording());
        assertEquals(96000, p.view().endFrame());
    }

    @Test
    void fixture11HasTypedSectionsWithPathsRelativeToTheProject() throws IOException {
        Path f = copyFixture("1.1");
        Project p = ProjectFiles.read(f);
        Path base = f.getParent();
        org.echoic.project.CorpusEntry c = p.corpusEntries().get(0);
        assertEquals("song calls", c.name());
        assertEquals(List.of(base.resolve("recordings/song.wav").normalize()), c.recordings());
        assertEquals(org.echoic.corpus.SegmentSource.REFERENCE, c.source());
        assertEquals(1000.0, c.frames().minHz());
        assertEquals(70.0, c.frames().rangeDb());
        assertTrue(Double.isNaN(c.frames().referenceDb()));
        org.echoic.project.ModelEntry m = p.modelEntries().get(0);
        assertEquals(40, m.recurrentFor(129));
        assertEquals(219, m.hiddenFor(129));
        assertEquals(List.of(3e-4, 1e-4), m.training().learningRates());
        assertEquals(10, m.training().batchSize());
        org.echoic.project.TrainingRunEntry r = p.trainingRunEntries().get(0);
        assertEquals(base.resolve("runs/run-1").normalize(), r.folder());
        assertEquals(6, r.epochs());
        assertEquals(base.resolve("generated/gen-1").normalize(), p.generatedEntries().get(0).folder());
        Path again = dir.resolve("elsewhere").resolve("q.echoic.json");
        Files.createDirectories(again.getParent());
        ProjectFiles.save(again, p);
        assertEquals(p, ProjectFiles.read(again), "paths stay the same files from another folder");
        assertTrue(Files.readString(again).contains("\"../proj/runs/run-1\""), "stored relative to the project");
    }

    @Test
    void typedEntriesReplaceByNameAndRoundTrip() throws IOException {
        Project p = ProjectFiles.read(copyFixture("1.1"));
        org.echoic.project.TrainingRunEntry r = p.trainingRunEntries().get(0);
        Project q = p.withTrainingRun(new org.echoic.project.TrainingRunEntry(r.name(), r.corpus(), r.model(),
                r.folder(), r.dataFingerprint(), 9));
        assertEquals(1, q.trainingRunEntries().size());
        assertEquals(9, q.trainingRunEntries().get(0).epochs());
        q = q.withCorpus(new org.echoic.project.CorpusEntry("second", List.of(), org.echoic.corpus.SegmentSource.AUTOMATIC,
                0, org.echoic.dsp.SpectralFrames.DEFAULT.withReferenceDb(-20), 0, 3, 250));
        Path f = dir.resolve("r.echoic.json");
        ProjectFiles.save(f, q);
        Project back = ProjectFiles.read(f);
        assertEquals(q.corpusEntries(), back.corpusEntries());
        assertEquals(-20.0, back.corpusEntries().get(1).frames().referenceDb());
        assertEquals(250.0, back.corpusEntries().get(1).joinGapMs());
        assertEquals(0.0, back.corpusEntries().get(0).joinGapMs(), "1.1 files without the field keep every segment");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Project(List.of(), null,
                null, List.of(new org.echoic.project.OpaqueItem(java.util.Map.of("name", "x", "channel", "left"))),
                null, null, null, null).corpusEntries());
        assertTrue(e.getMessage().contains("corpus 'x'") && e.getMessage().contains("channel"), e.getMessage());
    }

    @Test
    void savedFixtureReadsBackEqual() throws IOException {
        Project p = ProjectFiles.read(copyFixture("1.0"));
        Path again = dir.resolve("proj").resolve("again.echoic.json");
        ProjectFiles.save(again, p);
        assertEquals(p, ProjectFiles.read(again));
        assertTrue(Files.readString(again).contains("\"../shared/dawn chorus.flac\""), "paths stay relative");
    }

    @Test
    void unknownFieldsAreIgnoredAndTopLevelOnesKept() throws IOException {
        String text = new String(fixture("1.0"), StandardCharsets.UTF_8)
                .replace("\"writtenBy\"", "\"futureSection\" : {\"a\" : [1, 2.5, \"x\"]}, \"writtenBy\"")
                .replace("\"channels\" : 1,", "\"channels\" : 1, \"loudness\" : {\"lufs\" : -23},")
                .replace("\"colorMap\"", "\"gamma\" : 0.7, \"colorMap\"");
        Path f = dir.resolve("u.echoic.json");
        Files.writeString(f, text);
        Project p = ProjectFiles.read(f);
        assertEquals(Map.of("a", List.of(1, 2.5, "x")), p.extraFields().fields().get("futureSection"));
        Path out = dir.resolve("u2.echoic.json");
        ProjectFiles.save(out, p);
        assertEquals(p, ProjectFiles.read(out));
        assertTrue(Files.readString(out).contains("futureSection"));
    }

    @Test
    void newerMajorIsRefusedNamingFileAndVersions() throws IOException {
        Path f = dir.resolve("new.echoic.json");
        Files.writeString(f, new String(fixture("1.0"), StandardCharsets.UTF_8).replace("\"1.0\"", "\"2.3\""));
        IOException e = assertThrows(IOException.class, () -> ProjectFiles.read(f));
        assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("2.3") && e.getMessage().contains(ProjectFiles.FORMAT_VERSION), e.getMessage());
    }

    @Test
    void newerMinorLoadsWithANote() throws Exception {
        Path f = dir.resolve("minor.echoic.json");
        Files.writeString(f, new String(fixture("1.0"), StandardCharsets.UTF_8).replace("\"1.0\"", "\"1.9\""));
        ProjectFiles.Loaded l = ProjectFiles.load(f, new FileHashes(), null);
        assertEquals("1.9", l.fileVersion());
        assertEquals(1, l.notes().size());
        assertEquals(2, l.problems().size(), "both recordings of the fixture are missing here");
        assertEquals(RecordingProblem.Kind.MISSING, l.problems().get(0).kind());
    }

    @Test
    void badFilesGiveMessagesNamingTheFile() throws IOException {
        Path f = dir.resolve("bad.echoic.json");
        for (String text : List.of("{", "[]", "{\"formatVersion\": \"one\"}", "{\"recordings\": []}",
                "{\"formatVersion\":\"1.0\",\"recordings\":[{\"path\":\"a.wav\",\"sampleRateHz\":-1,\"channels\":1}]}")) {
            Files.writeString(f, text);
            IOException e = assertThrows(IOException.class, () -> ProjectFiles.read(f), text);
            assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        }
    }

    @Test
    void saveKeepsOneBackup() throws IOException {
        Path f = dir.resolve("b.echoic.json");
        Project first = Project.EMPTY.withRecordingAdded(ProjectRecording.of(dir.resolve("a.wav"), 8000, 1));
        ProjectFiles.save(f, first);
        assertFalse(Files.exists(ProjectFiles.backupFile(f)));
        Project second = first.withRecordingAdded(ProjectRecording.of(dir.resolve("b.wav"), 8000, 1));
        ProjectFiles.save(f, second);
        assertEquals(first, ProjectFiles.read(ProjectFiles.backupFile(f)));
        assertEquals(second, ProjectFiles.read(f));
    }

    @Test
    void aSaveKilledMidwayLeavesThePreviousFileIntact() throws IOException {
        Path f = dir.resolve("k.echoic.json");
        Project p = Project.EMPTY.withRecordingAdded(ProjectRecording.of(dir.resolve("a.wav"), 8000, 1));
        ProjectFiles.save(f, p);
        ProjectFiles.save(f, p);
        byte[] before = Files.readAllBytes(f);
        byte[] backupBefore = Files.readAllBytes(ProjectFiles.backupFile(f));
        assertThrows(IOException.class, () -> AtomicFiles.writeKeepingBackup(f, ProjectFiles.backupFile(f), out -> {
            out.write("{\"formatVersion\" : \"1.0\", \"recordings\" : [".getBytes(StandardCharsets.UTF_8));
            out.flush();
            throw new IOException("disk full (simulated)");
        }));
        assertArrayEquals(before, Files.readAllBytes(f));
        assertArrayEquals(backupBefore, Files.readAllBytes(ProjectFiles.backupFile(f)));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(), s.filter(x -> x.toString().endsWith(".tmp")).toList(), "temporary file removed");
        }
        // a process killed before its rename leaves a stray temporary file: it changes nothing
        Files.writeString(dir.resolve(".k.echoic.json.12345.tmp"), "{\"formatVersion\": \"1.0\", \"recor");
        assertEquals(p, ProjectFiles.read(f));
        Project q = p.withRecordingAdded(ProjectRecording.of(dir.resolve("b.wav"), 8000, 1));
        ProjectFiles.save(f, q);
        assertEquals(q, ProjectFiles.read(f));
    }

    @Test
    void movedOrChangedRecordingsAreReportedAndRelinkedOnlyWhenTheHashMatches() throws Exception {
        FileHashes hashes = new FileHashes();
        Path a = wav(dir.resolve("rec/a.wav"), 1);
        ProjectRecording entry = ProjectFiles.hashIfUnknown(ProjectRecording.of(a, 16_000, 1), hashes, null);
        assertEquals(FileHashes.sha256Of(a, null), entry.sha256());
        assertEquals(Files.size(a), entry.sizeBytes());
        Path f = dir.resolve("p.echoic.json");
        ProjectFiles.save(f, Project.EMPTY.withRecordingAdded(entry));
        assertTrue(Files.readString(f).contains("\"rec/a.wav\""));
        assertEquals(List.of(), ProjectFiles.load(f, hashes, null).problems());

        Path moved = dir.resolve("elsewhere/a-renamed.wav");
        Files.createDirectories(moved.getParent());
        Files.move(a, moved);
        List<RecordingProblem> problems = ProjectFiles.load(f, hashes, null).problems();
        assertEquals(1, problems.size());
        assertEquals(RecordingProblem.Kind.MISSING, problems.get(0).kind());
        assertTrue(problems.get(0).message().contains(a.toString()));

        ProjectRecording relinked = ProjectFiles.relink(entry, moved, false, hashes, null);
        assertEquals(moved, relinked.path());
        assertEquals(entry.sha256(), relinked.sha256());

        Path other = wav(dir.resolve("other.wav"), 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProjectFiles.relink(entry, other, false, hashes, null));
        assertTrue(e.getMessage().contains(other.toString()) && e.getMessage().contains("SHA-256"), e.getMessage());
        ProjectRecording accepted = ProjectFiles.relink(entry.withFingerprint(
                org.echoic.segment.SegmentationFingerprint.of(List.of())), other, true, hashes, null);
        assertEquals(FileHashes.sha256Of(other, null), accepted.sha256());
        assertNull(accepted.fingerprint(), "a fingerprint of another file is dropped");
    }

    @Test
    void aChangedFileOfTheSameSizeIsCaughtByItsHash() throws Exception {
        Path a = wav(dir.resolve("a.wav"), 3);
        FileHashes hashes = new FileHashes();
        ProjectRecording entry = ProjectFiles.hashIfUnknown(ProjectRecording.of(a, 16_000, 1), hashes, null);
        byte[] bytes = Files.readAllBytes(a);
        bytes[bytes.length - 1] ^= 1;
        Files.write(a, bytes);
        Files.setLastModifiedTime(a, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
        List<RecordingProblem> problems = ProjectFiles.verify(Project.EMPTY.withRecordingAdded(entry), hashes, null);
        assertEquals(1, problems.size());
        assertEquals(RecordingProblem.Kind.CHANGED, problems.get(0).kind());
        assertEquals(entry, ProjectFiles.hashIfUnknown(entry, hashes, null), "a recorded hash is never replaced silently");
    }

    @Test
    void hashingStreamsWithProgressAndStopsOnInterrupt() throws Exception {
        Path big = dir.resolve("big.bin");
        byte[] block = new byte[1 << 20];
        new java.util.Random(5).nextBytes(block);
        try (var out = Files.newOutputStream(big)) {
            for (int i = 0; i < 5; i++) {
                out.write(block);
            }
        }
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        for (int i = 0; i < 5; i++) {
            sha.update(block);
        }
        List<Double> progress = new ArrayList<>();
        assertEquals(java.util.HexFormat.of().formatHex(sha.digest()), FileHashes.sha256Of(big, progress::add));
        assertEquals(5, progress.size());
        assertEquals(1.0, progress.get(4));
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, () -> FileHashes.sha256Of(big, null));
    }
}
