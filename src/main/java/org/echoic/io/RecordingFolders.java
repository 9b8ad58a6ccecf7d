package org.echoic.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The folders, besides a project's own folder, from which a project file may make Echoic open recordings and
 * reference tables: the folders the user chose (a setting, {@code recording-folders.txt} in the settings folder, one
 * folder a line, and the CLI's {@code --recordings-folder}). A project naming a file elsewhere (such as
 * {@code /etc/shadow}), or anything that is not a regular file (a device such as {@code /dev/zero}, a pipe, a
 * folder), has that recording skipped with the reason. Links are followed before the check. Immutable; thread-safe.
 */
public record RecordingFolders(List<Path> folders) {
    /** No folder beyond each project's own. */
    public static final RecordingFolders NONE = new RecordingFolders(List.of());
    /** File name of the setting in the settings folder. */
    public static final String SETTINGS_FILE = "recording-folders.txt";

    public RecordingFolders {
        List<Path> out = new ArrayList<>();
        for (Path p : folders) {
            Path n = p.toAbsolutePath().normalize();
            if (!out.contains(n)) {
                out.add(n);
            }
        }
        folders = List.copyOf(out);
    }

    /** These folders and {@code more}. */
    public RecordingFolders with(List<Path> more) {
        List<Path> all = new ArrayList<>(folders);
        all.addAll(more);
        return new RecordingFolders(all);
    }

    /** The folders listed in {@code settingsFile} (none when it does not exist); lines starting with # are notes. */
    public static RecordingFolders read(Path settingsFile) throws IOException {
        if (!Files.exists(settingsFile)) {
            return NONE;
        }
        String text = new String(ReadLimits.readDocument(settingsFile, "a list of folders"), StandardCharsets.UTF_8);
        List<Path> out = new ArrayList<>();
        for (String line : text.split("\r?\n")) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            try {
                Path p = settingsFile.getFileSystem().getPath(t);
                if (p.isAbsolute()) {
                    out.add(p);
                }
            } catch (InvalidPathException e) {
                // a line that names no folder is ignored; the folders that are named still apply
            }
        }
        return new RecordingFolders(out);
    }

    /** Writes the folders to {@code settingsFile}, atomically. */
    public void write(Path settingsFile) throws IOException {
        StringBuilder s = new StringBuilder("# Folders from which Echoic projects may open recordings\n");
        for (Path p : folders) {
            s.append(p).append('\n');
        }
        byte[] bytes = s.toString().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(settingsFile, out -> out.write(bytes));
    }

    /**
     * Why a project in {@code projectDir} may not open {@code file}, or null when it may: an existing file must be a
     * regular file inside (after links) {@code projectDir} or one of these folders. A missing file is allowed: nothing
     * opens it, it is reported as missing and the user may relink it.
     */
    public String refusal(Path projectDir, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        if (!Files.exists(abs)) {
            return null;
        }
        if (!Files.isRegularFile(abs)) {
            return Files.isDirectory(abs) ? "is a folder, not a file" : "is a device, pipe or socket, not a file";
        }
        Path real;
        try {
            real = abs.toRealPath();
        } catch (IOException e) {
            return "cannot be resolved: " + e.getMessage();
        }
        List<Path> roots = new ArrayList<>();
        roots.add(projectDir);
        roots.addAll(folders);
        for (Path root : roots) {
            Path r = root.toAbsolutePath().normalize();
            Path realRoot;
            try {
                realRoot = Files.exists(r) ? r.toRealPath() : r;
            } catch (IOException e) {
                continue;
            }
            if (real.startsWith(realRoot)) {
                return null;
            }
        }
        return "is outside the project's folder " + projectDir.toAbsolutePath().normalize()
                + (folders.isEmpty() ? "" : " and the folders allowed for recordings");
    }
}
