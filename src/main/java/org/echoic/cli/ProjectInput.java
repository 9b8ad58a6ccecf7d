package org.echoic.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.echoic.io.ProjectFiles;
import org.echoic.io.RecordingFolders;
import org.echoic.project.Project;
import org.echoic.service.ProjectService;

/**
 * Project files read by the CLI: recordings are opened from the project's folder, the folders of the setting
 * ({@code recording-folders.txt} in the settings folder) and those given with {@code --recordings-folder}; each
 * recording skipped is reported on standard error as a warning. The option's folders last for one command line.
 * Thread-safe.
 */
final class ProjectInput {
    private static final List<Path> GIVEN = new CopyOnWriteArrayList<>();

    private ProjectInput() {
    }

    /** Allows {@code folder} for the current command line ({@code --recordings-folder}). */
    static void allow(Path folder) {
        GIVEN.add(folder);
    }

    /** Forgets the folders of the last command line. */
    static void reset() {
        GIVEN.clear();
    }

    /** The folders projects may open recordings from: the setting's and the command line's. */
    static RecordingFolders folders() throws IOException {
        return RecordingFolders.read(ProjectService.defaultRecordingFoldersFile()).with(GIVEN);
    }

    /** Reads {@code file}, reporting each skipped recording to {@code warn} as one line. */
    static Project read(Path file, Consumer<String> warn) throws IOException {
        ProjectFiles.Loaded l = ProjectFiles.read(file, folders());
        l.skipped().forEach(s -> warn.accept("echoic: warning: " + s
                + (s.contains(" is outside ") ? " (allow its folder with --recordings-folder DIR)" : "")));
        return l.project();
    }
}
