package org.echoic.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.echoic.audio.Recording;
import org.echoic.io.AudioFiles;
import org.echoic.io.NpyReader;
import org.echoic.io.RavenTables;
import org.echoic.io.WavWriter;
import org.echoic.segment.Segment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code echoic segment --export-audio DIR --export-spectrograms DIR}: one WAV and one .npy per segment. */
class SegmentExportCliTest {
    @TempDir
    Path dir;

    @Test
    void exportsEachSegmentsAudioAndSpectrogramBesideTheTables() throws Exception {
        double rate = 16_000;
        float[] x = new float[16_000 * 3];
        for (int k = 0; k < 5; k++) {
            int start = 4000 + k * 8000;
            for (int i = 0; i < 1600; i++) {
                x[start + i] = (float) (0.5 * Math.sin(2 * Math.PI * 2000 * i / rate));
            }
        }
        Path in = dir.resolve("in").resolve("sub").resolve("calls.wav");
        Files.createDirectories(in.getParent());
        WavWriter.write(in, x, rate, WavWriter.Format.PCM16);
        Path audio = dir.resolve("audio");
        Path npy = dir.resolve("npy");
        CommandLine cl = EchoicCli.newCommandLine();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        int rc = cl.execute("segment", dir.resolve("in").toString(), "--out", dir.resolve("tables").toString(),
                "--threshold-dbfs", "-30", "--buffer-ms", "0", "--export-audio", audio.toString(),
                "--export-spectrograms", npy.toString());
        assertEquals(0, rc, err.toString());
        List<Path> wavs;
        try (Stream<Path> s = Files.list(audio.resolve("sub"))) {
            wavs = s.sorted().toList();
        }
        assertEquals(5, wavs.size(), "one WAV per segment, under the recording's relative folder");
        assertEquals("calls.seg0001.wav", wavs.get(0).getFileName().toString());
        Segment seg = RavenTables.read(dir.resolve("tables").resolve("sub").resolve("calls.Table.1.selections.txt"))
                .get(0).toSegment(rate);
        try (Recording first = AudioFiles.open(wavs.get(0))) {
            assertEquals(seg.lengthFrames(), first.frames(), "the WAV holds the segment of the table");
            assertEquals(1600, first.frames(), 100);
            float[] got = new float[(int) first.frames()];
            first.read(0, got.length, 0, got, 0);
            float[] want = new float[got.length];
            System.arraycopy(x, (int) seg.startFrame(), want, 0, want.length);
            assertArrayEquals(want, got, 1e-4f, "the segment's samples (16-bit source)");
        }
        NpyReader.NpyArray a = NpyReader.read(npy.resolve("sub").resolve("calls.seg0005.npy"));
        assertEquals(129, a.shape()[0], "frequency rows of the default 256-point STFT");
        assertTrue(a.shape()[1] >= 10, "time columns");

        Path npy512 = dir.resolve("npy512");
        rc = EchoicCli.newCommandLine().execute("segment", dir.resolve("in").toString(), "--out",
                dir.resolve("tables2").toString(), "--threshold-dbfs", "-30", "--buffer-ms", "0",
                "--export-spectrograms", npy512.toString(), "--nperseg", "512", "--noverlap", "384");
        assertEquals(0, rc);
        NpyReader.NpyArray b = NpyReader.read(npy512.resolve("sub").resolve("calls.seg0005.npy"));
        assertEquals(257, b.shape()[0], "frequency rows of a 512-point STFT");
        long samples = RavenTables.read(dir.resolve("tables2").resolve("sub").resolve("calls.Table.1.selections.txt"))
                .get(4).toSegment(rate).lengthFrames();
        assertEquals((samples - 512) / 128 + 1, b.shape()[1], "time columns of hop 128 over the fifth segment");
    }
}
