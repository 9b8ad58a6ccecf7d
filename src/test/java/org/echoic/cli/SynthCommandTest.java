package org.echoic.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.echoic.audio.Recording;
import org.echoic.io.AudioFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthCommandTest {

    @TempDir
    Path dir;

    @Test
    void theCommittedSampleFilesAreExactlyWhatTheCommandWrites() throws Exception {
        for (String[] sample : new String[][] {{"bird", "bird-song"}, {"ultrasonic", "ultrasonic-mouse"}}) {
            Path wav = dir.resolve(sample[1] + ".wav");
            assertEquals(0, EchoicCli.run("synth", "--kind", sample[0], "--out", wav.toString()));
            Path committed = Path.of("sample-data");
            assertArrayEquals(Files.readAllBytes(committed.resolve(sample[1] + ".wav")), Files.readAllBytes(wav),
                    sample[1] + ".wav differs: regenerate it with the command in sample-data/README.md");
            assertArrayEquals(Files.readAllBytes(committed.resolve(sample[1] + ".csv")),
                    Files.readAllBytes(dir.resolve(sample[1] + ".csv")), sample[1] + ".csv differs");
        }
    }

    @Test
    void writesA16BitWavAndATruthCsvBesideIt() throws Exception {
        Path wav = dir.resolve("short.wav");
        assertEquals(0, EchoicCli.run("synth", "--kind", "ultrasonic", "--seconds", "2", "--seed", "9",
                "--out", wav.toString()));
        try (Recording rec = AudioFiles.open(wav)) {
            assertEquals(250_000, rec.sampleRateHz());
            assertEquals(500_000, rec.frames());
            assertEquals(1, rec.channels());
        }
        List<String> lines = Files.readAllLines(dir.resolve("short.csv"), StandardCharsets.UTF_8);
        assertEquals("onset_s,offset_s,label", lines.get(0));
        assertTrue(lines.size() > 2, "calls listed");
        for (String line : lines.subList(1, lines.size())) {
            assertTrue(line.matches("\\d+\\.\\d{6},\\d+\\.\\d{6},(upsweep|downsweep|chevron|flat)"), line);
        }
    }

    @Test
    void badOptionsExitWithTwoAndAMessage() {
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertEquals(2, EchoicCli.run("synth", "--kind", "whale", "--out", dir.resolve("x.wav").toString()));
            assertEquals(2, EchoicCli.run("synth", "--kind", "bird", "--seconds", "-1", "--out",
                    dir.resolve("x.wav").toString()));
        } finally {
            System.setErr(old);
        }
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("whale"), text);
        assertTrue(text.contains("duration must be positive"), text);
    }

    @Test
    void truthFileSitsBesideTheWav() {
        assertEquals(Path.of("a", "song.csv"), SynthCommand.truthPath(Path.of("a", "song.wav")));
        assertEquals(Path.of("noext.csv"), SynthCommand.truthPath(Path.of("noext")));
    }
}
