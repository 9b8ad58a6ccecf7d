package org.echoic.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.echoic.io.Json;
import org.echoic.io.WavWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** {@code echoic info}: one JSON line per good file, one stderr line per bad file, exit 0 or 2. */
class InfoCommandTest {
    @TempDir
    Path dir;

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cl = EchoicCli.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private Path stereoFloatWav() throws IOException {
        Path p = dir.resolve("tone.wav");
        float[] a = new float[48000];
        float[] b = new float[48000];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) Math.sin(2 * Math.PI * 1000 * i / 96000.0);
            b[i] = -a[i];
        }
        WavWriter.write(p, new org.echoic.audio.ArrayRecording(p, 96000, a, b), WavWriter.Format.FLOAT32);
        return p;
    }

    @Test
    void printsOneJsonObjectPerFileWithExactlyTheDocumentedFields() throws IOException {
        Path wav = stereoFloatWav();
        Run r = run("info", wav.toString(), wav.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(2, lines.size());
        Map<?, ?> info = (Map<?, ?>) Json.parse(lines.get(0));
        assertEquals(List.of("path", "container", "encoding", "bitsPerSample", "channels", "sampleRateHz", "frames",
                "durationSeconds"), List.copyOf(info.keySet()));
        assertEquals(wav.toString(), info.get("path"));
        assertEquals("wav", info.get("container"));
        assertEquals("float32", info.get("encoding"));
        assertEquals(32, info.get("bitsPerSample"));
        assertEquals(2, info.get("channels"));
        assertEquals(96000.0, ((Number) info.get("sampleRateHz")).doubleValue());
        assertEquals(48000, ((Number) info.get("frames")).intValue());
        assertEquals(0.5, ((Number) info.get("durationSeconds")).doubleValue());
    }

    @Test
    void badFilesGoToStderrAndTheOthersStillPrint() throws IOException {
        Path wav = stereoFloatWav();
        Path empty = Files.write(dir.resolve("empty.wav"), new byte[0]);
        byte[] mp3 = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN).put("RIFF".getBytes()).putInt(36)
                .put("WAVEfmt ".getBytes()).putInt(16).putShort((short) 0x55).putShort((short) 1).putInt(8000)
                .putInt(1000).putShort((short) 1).putShort((short) 0).put("data".getBytes()).putInt(0).array();
        Path mp3File = Files.write(dir.resolve("song.wav"), mp3);
        Run r = run("info", empty.toString(), wav.toString(), mp3File.toString());
        assertEquals(EchoicCli.EXIT_BAD_INPUT, r.exitCode());
        assertEquals(1, r.out().lines().count(), r.out());
        assertTrue(r.out().contains("\"frames\":48000"), r.out());
        List<String> err = r.err().lines().toList();
        assertEquals(2, err.size(), r.err());
        assertEquals("echoic: " + empty + ": is empty (0 bytes)", err.get(0));
        assertTrue(err.get(1).startsWith("echoic: " + mp3File + ": compressed WAV format 0x0055 (MP3)"), err.get(1));
    }

    @Test
    void foldersAreSearchedRecursivelyForAudioFiles() throws IOException {
        Path wav = stereoFloatWav();
        Path sub = Files.createDirectories(dir.resolve("night").resolve("mic2"));
        Files.copy(wav, sub.resolve("b.wav"));
        Files.writeString(sub.resolve("notes.txt"), "not audio");
        Run r = run("info", dir.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(2, lines.size(), r.out());
        assertTrue(lines.get(0).contains("b.wav") && lines.get(1).contains("tone.wav"), r.out());
    }

    @Test
    void theRealGreatTitFolderGivesOneLinePerSong() {
        Run r = run("info", org.echoic.SharedData.recordings().resolve("great-tit").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(20, r.out().lines().filter(l -> l.contains("\"sampleRateHz\":22050.0")).count(), r.out());
    }

    @Test
    void noFilesIsAUsageError() {
        assertEquals(EchoicCli.EXIT_BAD_INPUT, run("info").exitCode());
    }
}
