package org.echoic.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.echoic.project.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project opens recordings only inside its folder or folders the user allowed: absolute paths to system files,
 * devices, pipes, links leading out and {@code ..} climbing out are skipped with a reason, never hashed, and written
 * back unchanged when the project is saved.
 */
class RecordingFoldersTest {
    @TempDir
    Path dir;

    private static String entry(String path) {
        return "{\"path\": \"" + path + "\", \"sampleRateHz\": 8000, \"channels\": 1}";
    }

    private Path project(Path file, String... paths) throws IOException {
        StringBuilder s = new StringBuilder("{\"formatVersion\": \"1.1\", \"recordings\": [");
        for (int i = 0; i < paths.length; i++) {
            s.append(i == 0 ? "" : ", ").append(entry(paths[i]));
        }
        s.append("], \"view\": {\"selectedRecording\": ").append(paths.length - 1).append("}}");
        Files.createDirectories(file.getParent());
        Files.writeString(file, s.toString());
        return file;
    }

    @Test
    void systemFilesDevicesPipesAndLinksOutAreSkippedWithTheReason() throws Exception {
        Path proj = dir.resolve("proj");
        Files.createDirectories(proj.resolve("audio"));
        Files.write(proj.resolve("audio/a.wav"), new byte[] {1, 2, 3});
        Path outside = Files.writeString(dir.resolve("secret.txt"), "secret");
        Files.createSymbolicLink(proj.resolve("audio/link.wav"), outside);
        Path fifo = proj.resolve("audio/pipe.wav");
        boolean haveFifo = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0;
        Path file = project(proj.resolve("p.echoic.json"), "audio/a.wav", "/etc/passwd", "/dev/zero",
                "../secret.txt", "audio/link.wav", "audio/pipe.wav", "audio/gone.wav");
        ProjectFiles.Loaded l = ProjectFiles.load(file, RecordingFolders.NONE, new FileHashes(), null);
        List<Path> kept = l.project().recordings().stream().map(r -> r.path()).toList();
        assertEquals(List.of(proj.resolve("audio/a.wav"), proj.resolve("audio/gone.wav")), kept,
                "only the file inside and the missing one (reported missing, relinkable) stay");
        String all = String.join("\n", l.skipped());
        assertEquals(haveFifo ? 5 : 4, l.skipped().size(), all);
        assertTrue(all.contains("recording 2 skipped: /etc/passwd is outside the project's folder"), all);
        assertTrue(all.contains("/dev/zero is a device, pipe or socket"), all);
        assertTrue(all.contains("../secret.txt is outside"), all);
        assertTrue(all.contains("audio/link.wav is outside"), all);
        assertEquals(1, l.problems().size(), "the missing recording: " + l.problems());
        assertEquals(1, l.project().view().selectedRecording(), "the selection (the last entry) moved with the list");
        l.skipped().forEach(line -> assertTrue(line.startsWith("p.echoic.json: recording "), line));
    }

    @Test
    void allowedFoldersOpenAndSkippedRecordingsAreWrittenBackWhenSaved() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.write(data.resolve("x.wav"), new byte[] {1});
        Files.write(data.resolve("y.wav"), new byte[] {2});
        Path far = Files.createDirectories(dir.resolve("far"));
        Files.write(far.resolve("z.wav"), new byte[] {3});
        Path proj = dir.resolve("proj");
        Path file = project(proj.resolve("p.echoic.json"), "../data/x.wav", far.resolve("z.wav").toString(),
                "../data/y.wav");
        ProjectFiles.Loaded strict = ProjectFiles.read(file, RecordingFolders.NONE);
        assertEquals(0, strict.project().recordings().size());
        assertEquals(3, strict.skipped().size(), String.join("\n", strict.skipped()));
        ProjectFiles.Loaded allowed = ProjectFiles.read(file, new RecordingFolders(List.of(data)));
        assertEquals(List.of(data.resolve("x.wav"), data.resolve("y.wav")),
                allowed.project().recordings().stream().map(r -> r.path()).toList());
        assertEquals(1, allowed.skipped().size());
        assertEquals(1, allowed.project().view().selectedRecording(), "y.wav stays selected after the skipped one");

        Path moved = dir.resolve("other/deeper/q.echoic.json");
        ProjectFiles.save(moved, strict.project());
        Project again = ProjectFiles.read(moved, new RecordingFolders(List.of(data, far))).project();
        assertEquals(List.of(data.resolve("x.wav"), far.resolve("z.wav"), data.resolve("y.wav")),
                again.recordings().stream().map(r -> r.path()).toList(),
                "nothing was lost: all three entries, in order, their paths re-based on the new file");
        assertTrue(Files.readString(moved).contains("\"../../data/x.wav\""), Files.readString(moved));
        assertTrue(!Files.readString(moved).contains("withheld"), "the stash is not a field of the file");
    }

    @Test
    void theSettingListsOneFolderALine() throws IOException {
        Path settings = dir.resolve("recording-folders.txt");
        assertEquals(RecordingFolders.NONE, RecordingFolders.read(settings));
        new RecordingFolders(List.of(dir.resolve("a"), dir.resolve("b/../a"), dir.resolve("c"))).write(settings);
        RecordingFolders back = RecordingFolders.read(settings);
        assertEquals(List.of(dir.resolve("a"), dir.resolve("c")), back.folders());
        assertNull(back.refusal(dir.resolve("p"), dir.resolve("nothing-here.wav")));
    }
}
