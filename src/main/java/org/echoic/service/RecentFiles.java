package org.echoic.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import org.echoic.io.AtomicFiles;

/**
 * The recently opened files and folders, newest first, kept in a small text file (one absolute path a line,
 * by default {@code ~/.echoic/recent.txt}, or under the directory named by the system property
 * {@code echoic.settings.dir}). Saving is best effort: a settings folder that cannot be written never stops the
 * workbench. Thread-safe.
 */
public final class RecentFiles {
    /** Entries kept. */
    public static final int CAPACITY = 12;

    private final Path file;
    private final List<Path> entries = new ArrayList<>();

    /** Recent files stored in {@code file}; reads it if it exists (an unreadable file gives an empty list). */
    public RecentFiles(Path file) {
        this.file = file;
        try {
            if (Files.isRegularFile(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (!line.isBlank() && entries.size() < CAPACITY) {
                        entries.add(Paths.get(line.trim()));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            entries.clear();
        }
    }

    /** The default location: {@code $echoic.settings.dir/recent.txt} or {@code ~/.echoic/recent.txt}. */
    public static Path defaultFile() {
        String dir = System.getProperty("echoic.settings.dir");
        Path base = dir != null ? Paths.get(dir) : Paths.get(System.getProperty("user.home"), ".echoic");
        return base.resolve("recent.txt");
    }

    public Path file() {
        return file;
    }

    /** Newest first. */
    public synchronized List<Path> list() {
        return List.copyOf(entries);
    }

    /**
     * Moves {@code path} (made absolute) to the front and saves the list.
     *
     * @return false when the list could not be saved (it is still updated in memory)
     */
    public synchronized boolean add(Path path) {
        Path p = path.toAbsolutePath().normalize();
        entries.remove(p);
        entries.add(0, p);
        while (entries.size() > CAPACITY) {
            entries.remove(entries.size() - 1);
        }
        StringBuilder text = new StringBuilder();
        for (Path e : entries) {
            text.append(e).append('\n');
        }
        try {
            AtomicFiles.write(file, out -> out.write(text.toString().getBytes(StandardCharsets.UTF_8)));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
