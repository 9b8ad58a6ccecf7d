package org.echoic.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.echoic.audio.Recording;
import org.echoic.io.AudioFileException;
import org.echoic.io.AudioFiles;

/**
 * The workspace: the recordings open in the workbench. Files are opened through {@link AudioFiles#open} on the I/O
 * thread; each newly opened recording starts building the summary pyramid of its default channel on the compute
 * pool. Folders are expanded to the audio files inside them, recursively. Thread-safe; results come back as
 * futures completed on the I/O thread.
 */
public final class RecordingService implements AutoCloseable {
    /** File name extensions opened from folders. */
    public static final Set<String> AUDIO_EXTENSIONS =
            Set.of("wav", "wave", "bwf", "rf64", "w64", "aif", "aiff", "aifc", "flac");

    private final AppExecutors executors;
    private final RecentFiles recentFiles;
    private final List<OpenRecording> open = new CopyOnWriteArrayList<>();

    public RecordingService(AppExecutors executors, RecentFiles recentFiles) {
        this.executors = executors;
        this.recentFiles = recentFiles;
    }

    public AppExecutors executors() {
        return executors;
    }

    public RecentFiles recentFiles() {
        return recentFiles;
    }

    /** The open recordings, in the order they were opened (a snapshot). */
    public List<OpenRecording> recordings() {
        return List.copyOf(open);
    }

    /**
     * Opens files and folders (all audio files inside, recursively). A file already open is not opened twice.
     * Each path given from which something opened is added to the recent files. Never fails: problems are in the outcome's errors.
     */
    public CompletableFuture<OpenOutcome> open(List<Path> paths) {
        List<Path> request = List.copyOf(paths);
        return CompletableFuture.supplyAsync(() -> openNow(request), executors.io());
    }

    private OpenOutcome openNow(List<Path> paths) {
        List<OpenRecording> opened = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (Path given : paths) {
            List<Path> files;
            try {
                files = expand(given);
            } catch (IOException e) {
                errors.add(given + ": cannot list the folder: " + e.getMessage());
                continue;
            }
            if (files.isEmpty()) {
                errors.add(given + ": the folder contains no audio files (" + String.join(", ", sorted(AUDIO_EXTENSIONS)) + ")");
            }
            int before = opened.size();
            for (Path file : files) {
                try {
                    opened.add(openOne(file));
                } catch (AudioFileException e) {
                    errors.add(e.getMessage());
                } catch (RuntimeException e) {
                    errors.add(file + ": cannot be read: " + e);
                }
            }
            if (opened.size() > before) {
                recentFiles.add(given);
            }
        }
        return new OpenOutcome(opened, errors);
    }

    private OpenRecording openOne(Path file) throws AudioFileException {
        Path key = file.toAbsolutePath().normalize();
        for (OpenRecording r : open) {
            if (r.recording().path().toAbsolutePath().normalize().equals(key)) {
                return r;
            }
        }
        Recording recording = AudioFiles.open(file);
        OpenRecording entry = new OpenRecording(recording, executors.compute());
        open.add(entry);
        entry.pyramid(entry.defaultChannel());
        return entry;
    }

    /** {@code path} itself, or the audio files under the folder {@code path}, sorted. */
    public static List<Path> expand(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> walk = Files.walk(path)) {
            return walk.filter(Files::isRegularFile).filter(RecordingService::isAudioFileName).sorted().toList();
        }
    }

    /** True when the file name ends with one of {@link #AUDIO_EXTENSIONS}. */
    public static boolean isAudioFileName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot > 0 && AUDIO_EXTENSIONS.contains(name.substring(dot + 1));
    }

    private static List<String> sorted(Set<String> set) {
        return set.stream().sorted().toList();
    }

    /** Closes one recording: cancels its builds and releases its file. */
    public void close(OpenRecording recording) {
        if (open.remove(recording)) {
            recording.close();
        }
    }

    /** Closes every recording (the executors belong to the caller). */
    @Override
    public void close() {
        for (OpenRecording r : open) {
            close(r);
        }
    }
}
