package org.echoic.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.echoic.audio.ArrayRecording;
import org.echoic.dsp.ColorMap;
import org.echoic.dsp.StftParams;
import org.echoic.io.AnnotationFormat;
import org.echoic.io.CheckpointFolder;
import org.echoic.io.CheckpointHistory;
import org.echoic.io.CsvArrayWriter;
import org.echoic.io.GenerationSidecar;
import org.echoic.io.NpyWriter;
import org.echoic.io.ProjectFiles;
import org.echoic.io.RecordingFolders;
import org.echoic.io.TrainingCurveFiles;
import org.echoic.io.WavWriter;
import org.echoic.project.Project;
import org.echoic.project.ProjectRecording;
import org.echoic.rnnrbm.GateActivation;
import org.echoic.rnnrbm.RmsProp;
import org.echoic.rnnrbm.RnnRbm;
import org.echoic.rnnrbm.RnnRbmConfig;
import org.echoic.segment.Annotation;
import org.echoic.segment.Segment;
import org.echoic.testfs.FaultyFileSystem;
import org.echoic.train.Checkpoint;
import org.echoic.train.TrainingConfig;
import org.echoic.train.TrainingState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every writer on a disk that fills up part-way (at 0, 1, a third, two thirds and all but one of the bytes it needs)
 * and in a read-only folder, on a small fake file system: each fails with one line naming the file and the cause,
 * leaves the folder exactly as it was (the previous version intact, no temporary or partial file, no half set of
 * exported files), and works again once there is room.
 */
class WritersOnFailingDisksTest {
    @TempDir
    Path dir;
    private final FaultyFileSystem fs = new FaultyFileSystem();

    /** Writes into a folder (a path of the faulty file system). */
    @FunctionalInterface
    interface Writer {
        void write(Path folder) throws Exception;
    }

    private static Map<String, byte[]> state(Path realFolder) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        if (!Files.exists(realFolder)) {
            return out;
        }
        try (Stream<Path> walk = Files.walk(realFolder)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String rel = realFolder.relativize(p).toString();
                out.put(rel + (Files.isDirectory(p) ? "/" : ""), Files.isDirectory(p) ? new byte[0] : Files.readAllBytes(p));
            }
        }
        return out;
    }

    private static void sameState(Map<String, byte[]> want, Map<String, byte[]> got, String label) {
        assertEquals(want.keySet(), got.keySet(), label + ": files");
        for (String k : want.keySet()) {
            assertArrayEquals(want.get(k), got.get(k), label + ": " + k);
        }
    }

    private void failsCleanly(String name, Writer w) throws Exception {
        Path real = dir.resolve(name);
        Path folder = fs.path(real);
        fs.heal();
        fs.setFreeBytes(Long.MAX_VALUE);
        w.write(folder);
        w.write(folder);
        long needed = fs.writtenBytes();
        fs.setFreeBytes(Long.MAX_VALUE);
        w.write(folder);
        needed = Math.max(needed / 2, fs.writtenBytes());
        assertTrue(needed > 0, name + " wrote nothing");
        Map<String, byte[]> before = state(real);
        fs.setFreeBytes(Long.MAX_VALUE);
        w.write(fs.path(dir.resolve(name + "-measure")));
        long neededFresh = fs.writtenBytes();
        Path fresh = dir.resolve(name + "-fresh");
        for (int i = 0; i < 5; i++) {
            long free = new long[] {0, 1, needed / 3, 2 * needed / 3, needed - 1}[i];
            fs.setFreeBytes(free);
            IOException e = assertThrows(IOException.class, () -> w.write(folder), name + " with " + free + " bytes");
            expectWords(e, real, "the disk is full", name);
            fs.heal();
            sameState(before, state(real), name + " after a full disk at " + free + " bytes");
            long freeFresh = new long[] {0, 1, neededFresh / 3, 2 * neededFresh / 3, neededFresh - 1}[i];
            fs.setFreeBytes(freeFresh);
            IOException f = assertThrows(IOException.class, () -> w.write(fs.path(fresh)), name + " fresh " + freeFresh);
            expectWords(f, fresh, "the disk is full", name);
            fs.heal();
            assertEquals(List.of(), new ArrayList<>(state(fresh).keySet()).stream().filter(k -> !k.endsWith("/"))
                    .toList(), name + ": no file of a failed first write is left");
        }
        fs.makeReadOnly(real);
        IOException ro = assertThrows(IOException.class, () -> w.write(folder), name + " read-only");
        expectWords(ro, real, "permission denied", name);
        fs.heal();
        sameState(before, state(real), name + " after a read-only folder");
        w.write(folder);
        assertEquals(before.keySet(), state(real).keySet(), name + " works again with room");
    }

    private static void expectWords(IOException e, Path folder, String cause, String name) {
        String m = e.getMessage();
        assertTrue(m != null && !m.contains("\n") && m.contains(folder.toString()) && m.contains(cause)
                && !m.contains("Exception") && !m.contains("java."), name + ": " + m);
    }

    @Test
    void tablesArraysAudioImagesCurvesSidecarsAndSettings() throws Exception {
        List<Annotation> ann = List.of(new Annotation(0.1, 0.3, 500, 4000, "a", Map.of()),
                new Annotation(0.5, 0.9, 600, 3000, "b", Map.of()));
        for (AnnotationFormat f : AnnotationFormat.values()) {
            failsCleanly("table-" + f, d -> f.write(d.resolve(f.fileName("song")), ann, 11025));
        }
        float[] data = new float[4000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) Math.sin(i * 0.01);
        }
        failsCleanly("npy", d -> NpyWriter.writeFloat32(d.resolve("a.npy"), data, 40, 100));
        failsCleanly("csv-array", d -> CsvArrayWriter.write(d.resolve("a.csv"), data, 40, 100));
        failsCleanly("wav", d -> WavWriter.write(d.resolve("a.wav"), data, 8000, WavWriter.Format.PCM16));
        int[] argb = new int[64 * 48];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = 0xff000000 | (i * 977) & 0xffffff;
        }
        failsCleanly("png", d -> SpectrogramExporter.writePng(d.resolve("a.png"), argb, 64, 48));
        failsCleanly("curves", d -> TrainingCurveFiles.writeCsv(d.resolve("c.csv"),
                List.of(new TrainingCurveFiles.Curve("cost", new double[] {0, 1, 2}, new double[] {3, 2, 1}))));
        failsCleanly("sidecar", d -> GenerationSidecar.write(d.resolve("g.json"),
                GenerationExporterTest.item(3).provenance(), Map.of("wav", "g.wav")));
        failsCleanly("folders-setting", d -> new RecordingFolders(List.of(Path.of("/data/a"), Path.of("/data/b")))
                .write(d.resolve(RecordingFolders.SETTINGS_FILE)));
    }

    @Test
    void projectsKeepTheirPreviousVersionAndBackup() throws Exception {
        Path wav = dir.resolve("rec.wav");
        WavWriter.write(wav, new float[800], 8000, WavWriter.Format.PCM16);
        Project p = Project.EMPTY.withRecordingAdded(ProjectRecording.of(wav, 8000, 1));
        failsCleanly("project", d -> ProjectFiles.save(d.resolve("p.echoic.json"), p));
        failsCleanly("recovery", d -> ProjectFiles.writeRecovery(d.resolve(".p.echoic.json.recovery"), p));
    }

    @Test
    void checkpointsAndEpochSnapshots() throws Exception {
        RnnRbmConfig cfg = new RnnRbmConfig(7, 9, 5, 2, false, GateActivation.TANH);
        TrainingConfig tc = new TrainingConfig(4, 2, List.of(1e-2), false, 1e-4, 0, 0, 3, 3, 17);
        try (RnnRbm model = new RnnRbm(cfg, 5); RmsProp opt = new RmsProp(model)) {
            Checkpoint cp = new Checkpoint(model, opt, tc, new TrainingState(1, 1.0, 0, 0, List.of()), "fp", "o");
            failsCleanly("checkpoint", d -> new CheckpointFolder(d.resolve("model"), "v", null, null).save(cp));
            failsCleanly("epochs", d -> new CheckpointHistory(new CheckpointFolder(d.resolve("run"), "v", null, null),
                    CheckpointHistory.ALL).save(cp));
        }
    }

    @Test
    void exportsOfSegmentsSpectrogramsGeneratedItemsAndInspectionAreAllOrNothing() throws Exception {
        float[] x = new float[8000];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) Math.sin(i * 0.2);
        }
        ArrayRecording rec = new ArrayRecording(dir.resolve("r.wav"), 8000, x);
        List<Segment> segs = List.of(new Segment(100, 900), new Segment(2000, 3500), new Segment(5000, 7000));
        failsCleanly("segment-audio", d -> SegmentExports.writeAudio(d.resolve("out"), "r", rec, segs));
        failsCleanly("segment-spectrograms", d -> SegmentExports.writeSpectrograms(d.resolve("out"), "r", rec, -1,
                segs, new StftParams(256, 128, 256, org.echoic.dsp.WindowFunction.parse("hann"),
                        StftParams.Detrend.CONSTANT, StftParams.Scaling.DENSITY, StftParams.Mode.PSD)));
        failsCleanly("generated", d -> GenerationExporter.exportAll(d.resolve("gen"),
                List.of(GenerationExporterTest.item(1), GenerationExporterTest.item(2)), GenerationExporter.Options.DEFAULT));
        float[][] templates = new float[6][12];
        for (int j = 0; j < templates.length; j++) {
            templates[j][j] = 1;
        }
        InspectionService.InspectedModel m = new InspectionService.InspectedModel(dir, new RnnRbmConfig(12, 6, 4, 2,
                false, GateActivation.TANH), 1, List.of(), null, templates, new double[6], "o",
                java.nio.file.attribute.FileTime.fromMillis(0));
        failsCleanly("inspection", d -> InspectionExporter.exportAll(d.resolve("insp"), m, null, null, ColorMap.VIRIDIS));
    }
}
