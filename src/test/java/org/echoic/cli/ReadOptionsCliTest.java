package org.echoic.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.echoic.io.ReadLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --max-read-memory} and {@code --recordings-folder}: they apply to one command line and say what they refuse. */
class ReadOptionsCliTest {
    @TempDir
    Path dir;

    @Test
    void maxReadMemoryRefusesALargeDataSetInOneLineAndLastsOneCommand() throws Exception {
        Path wide = dir.resolve("wide.json");
        Files.writeString(wide, "{\"nVisible\": 60000, \"sequences\": [" + "[[1], [2]], ".repeat(10) + "[[3]]]}");
        String[] r = CliRun.run("train", "--data", wide.toString(), "--out", dir.resolve("m").toString(),
                "--max-read-memory", "1m");
        assertEquals("2", r[0]);
        assertEquals("echoic: " + wide + ": nVisible: would need 4.8 MiB of memory, more than the 1.0 MiB one read may "
                + "use (raise it with --max-read-memory or -Dechoic.maxReadMemory)", r[2].strip());
        assertEquals(Runtime.getRuntime().maxMemory() / 2, ReadLimits.maxBytes(), "back to the default afterwards");
        String[] bad = CliRun.run("train", "--data", wide.toString(), "--out", dir.resolve("m").toString(),
                "--max-read-memory", "lots");
        assertEquals("2", bad[0]);
        assertTrue(bad[2].contains("'lots' is not a size"), bad[2]);
    }

    @Test
    void projectsWarnAboutEachSkippedRecordingAndOpenThoseInAllowedFolders() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        org.echoic.io.WavWriter.write(data.resolve("a.wav"), new float[1600], 8000,
                org.echoic.io.WavWriter.Format.PCM16);
        Path p = dir.resolve("proj/p.echoic.json");
        Files.createDirectories(p.getParent());
        Files.writeString(p, "{\"formatVersion\": \"1.1\", \"recordings\": [{\"path\": \"../data/a.wav\", "
                + "\"sampleRateHz\": 8000, \"channels\": 1}, {\"path\": \"/dev/zero\", \"sampleRateHz\": 8000, "
                + "\"channels\": 1}]}");
        String[] r = CliRun.run("project", "check", p.toString());
        assertTrue(r[2].contains("echoic: warning: p.echoic.json: recording 1 skipped: ../data/a.wav is outside"), r[2]);
        assertTrue(r[2].contains("echoic: warning: p.echoic.json: recording 2 skipped: /dev/zero is a device"), r[2]);
        assertTrue(r[1].contains("\"recordings\":[]"), r[1]);
        String[] allowed = CliRun.run("project", "check", p.toString(), "--recordings-folder", data.toString());
        assertTrue(!allowed[2].contains("recording 1 skipped") && allowed[2].contains("recording 2 skipped"),
                allowed[2]);
        assertTrue(allowed[1].contains("a.wav"), allowed[1]);
        String[] again = CliRun.run("project", "check", p.toString());
        assertTrue(again[2].contains("recording 1 skipped"), "the option lasts one command line: " + again[2]);
    }
}
