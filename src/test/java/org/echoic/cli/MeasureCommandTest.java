package org.echoic.cli;

import static org.echoic.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.echoic.io.WavWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code echoic measure}: tables in, Raven/CSV measurement tables and F0 contours out; bad rows refused. */
class MeasureCommandTest {
    private static final int FS = 32000;

    @TempDir
    Path dir;

    /** A 3 kHz tone over 0.5–1.0 s and a 2→4 kHz chirp over 1.2–1.8 s, with a Raven table beside them. */
    private Path recording() throws IOException {
        float[] x = new float[2 * FS];
        for (int i = FS / 2; i < FS; i++) {
            x[i] = (float) (0.5 * Math.sin(2 * Math.PI * 3000 * i / FS));
        }
        for (int i = (int) (1.2 * FS); i < (int) (1.8 * FS); i++) {
            double t = i / (double) FS - 1.2;
            x[i] = (float) (0.5 * Math.sin(2 * Math.PI * (2000 * t + 2000 / 0.6 * t * t / 2)));
        }
        Path wav = dir.resolve("calls.wav");
        WavWriter.write(wav, x, FS, WavWriter.Format.FLOAT32);
        Files.writeString(dir.resolve("calls.Table.1.selections.txt"),
                "Selection\tView\tChannel\tBegin Time (s)\tEnd Time (s)\tLow Freq (Hz)\tHigh Freq (Hz)\tType\n"
                        + "1\tSpectrogram 1\t1\t0.55\t0.95\t1000\t6000\ttone\n"
                        + "2\tSpectrogram 1\t1\t1.25\t1.75\t1000\t6000\tchirp\n");
        return wav;
    }

    @Test
    void measuresEachSelectionWithRavensColumns() throws IOException {
        Path wav = recording();
        String[] r = run("measure", wav.toString(), "--out", dir.resolve("out").toString() + "/", "--pitch");
        assertEquals("0", r[0], r[2]);
        List<String> lines = Files.readAllLines(dir.resolve("out/calls.measurements.txt"));
        List<String> header = Arrays.asList(lines.get(0).split("\t"));
        for (String col : List.of("Peak Freq (Hz)", "Center Freq (Hz)", "Freq 5% (Hz)", "Freq 95% (Hz)", "BW 90% (Hz)",
                "IQR BW (Hz)", "Dur 90% (s)", "Avg Entropy (bits)", "Agg Entropy (bits)", "Energy (dB FS)",
                "Peak Power Density (dB FS/Hz)", "Mean F0 (Hz)", "Type")) {
            assertTrue(header.contains(col), "column " + col + " in " + header);
        }
        String[] tone = lines.get(1).split("\t");
        assertEquals(3000, Double.parseDouble(tone[header.indexOf("Peak Freq (Hz)")]), 1e-9);
        assertEquals(125, Double.parseDouble(tone[header.indexOf("BW 90% (Hz)")]), 1e-9, "Hann leakage: ±1 bin");
        assertEquals(3000, Double.parseDouble(tone[header.indexOf("Mean F0 (Hz)")]), 15);
        String[] chirp = lines.get(2).split("\t");
        assertEquals(3000, Double.parseDouble(chirp[header.indexOf("Center Freq (Hz)")]), 2 * 62.5);
        List<String> pitch = Files.readAllLines(dir.resolve("out/calls.pitch.csv"));
        assertEquals("time_s,f0_hz,confidence,selection,label", pitch.get(0));
        for (String row : pitch.subList(1, pitch.size())) {
            String[] c = row.split(",");
            if (c[3].equals("2")) {
                double t = Double.parseDouble(c[0]);
                double expected = 2000 + 2000 * (t - 1.2) / 0.6;
                assertEquals(expected, Double.parseDouble(c[1]), 0.02 * expected, "chirp F0 at " + t + " s");
            }
        }
    }

    @Test
    void writesChosenColumnsAsCsvOnStandardOutput() throws IOException {
        Path wav = recording();
        String[] r = run("measure", wav.toString(), "--format", "csv", "--columns", "Peak Freq,BW 90%");
        assertEquals("0", r[0], r[2]);
        String[] lines = r[1].split("\n");
        assertEquals("onset_s,offset_s,label,low_hz,high_hz,Type,Peak Freq (Hz),BW 90% (Hz)", lines[0]);
        assertEquals(3, lines.length);
    }

    @Test
    void segmentWithMeasureAddsTheMeasurementsToItsTables() throws IOException {
        Path wav = recording();
        String[] r = run("segment", wav.toString(), "--measure", "--nperseg", "512", "--max-length-ms", "2000", "--threshold-dbfs", "-30");
        assertEquals("0", r[0], r[2]);
        String[] lines = r[1].split("\n");
        List<String> header = Arrays.asList(lines[0].split(","));
        assertTrue(header.contains("Peak Freq (Hz)") && header.contains("recording"), lines[0]);
        boolean tone = false;
        for (int i = 1; i < lines.length; i++) {
            String[] c = lines[i].split(",");
            tone |= Double.parseDouble(c[header.indexOf("onset_s")]) < 0.6
                    && Math.abs(Double.parseDouble(c[header.indexOf("Peak Freq (Hz)")]) - 3000) < 1e-6;
        }
        assertTrue(tone, "the 3 kHz tone's segment has its Peak Freq: " + r[1]);
    }

    @Test
    void aRowAfterTheEndIsRefusedInOneLineAndNothingIsWritten() throws IOException {
        Path wav = recording();
        Path table = dir.resolve("bad.txt");
        Files.writeString(table, "onset_s,offset_s,label\n0.5,0.9,a\n2.5,2.9,b\n");
        Path out = dir.resolve("m.csv");
        String[] r = run("measure", wav.toString(), "--table", table.toString(), "--format", "csv", "--out",
                out.toString());
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("bad.txt: row 2: Begin Time 2.5 s"), r[2]);
        assertEquals(1, r[2].strip().lines().count(), r[2]);
        assertFalse(Files.exists(out));
        String[] channel = run("measure", wav.toString(), "--channel", "2");
        assertEquals("2", channel[0]);
        assertTrue(channel[2].contains("calls.wav: has no channel 2 (it has 1"), channel[2]);
    }
}
