package org.echoic.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleConsumer;
import java.util.function.UnaryOperator;

import org.echoic.io.FileHashes;
import org.echoic.io.ProjectFiles;
import org.echoic.io.RecordingFolders;
import org.echoic.project.Project;
import org.echoic.project.ProjectRecording;

/**
 * The open project: its state (an immutable {@link Project} replaced by {@link #update}), its file, and whether it
 * has unsaved changes (a change counter compared with the counter at the last save: any panel that changes
 * something calls {@link #update} or {@link #markDirty}). Saving, opening and autosaving run on the I/O thread;
 * autosave writes a recovery file every few minutes while there are unsaved changes; a normal save, a new project
 * or closing without saving removes it. Thread-safe.
 */
public final class ProjectService implements AutoCloseable {
    /** Default autosave period. */
    public static final Duration AUTOSAVE_PERIOD = Duration.ofMinutes(3);

    private final AppExecutors executors;
    private final RecentFiles recentProjects;
    private final Path recoveryDir;
    private final FileHashes hashes = new FileHashes();
    private final AtomicReference<Project> state = new AtomicReference<>(Project.EMPTY);
    private final AtomicLong changes = new AtomicLong();
    private volatile Path file;
    private volatile long savedAt;
    private volatile long recoveredAt;
    private volatile double progress = 1;
    private ScheduledFuture<?> autosave;

    /**
     * @param recentProjects the recent project files
     * @param recoveryDir    where the recovery file of an untitled project goes (e.g. {@code ~/.echoic/recovery})
     */
    public ProjectService(AppExecutors executors, RecentFiles recentProjects, Path recoveryDir) {
        this.executors = executors;
        this.recentProjects = recentProjects;
        this.recoveryDir = recoveryDir;
    }

    /** The executors this service runs its work on (shared with the rest of the workbench). */
    public AppExecutors executors() {
        return executors;
    }

    /** {@code $echoic.settings.dir/recovery} or {@code ~/.echoic/recovery}. */
    public static Path defaultRecoveryDir() {
        return RecentFiles.defaultFile().resolveSibling("recovery");
    }

    /** {@code $echoic.settings.dir/recording-folders.txt} or {@code ~/.echoic/recording-folders.txt}. */
    public static Path defaultRecordingFoldersFile() {
        return RecentFiles.defaultFile().resolveSibling(RecordingFolders.SETTINGS_FILE);
    }

    /** {@code $echoic.settings.dir/recent-projects.txt} or {@code ~/.echoic/recent-projects.txt}. */
    public static Path defaultRecentProjectsFile() {
        return RecentFiles.defaultFile().resolveSibling("recent-projects.txt");
    }

    public RecentFiles recentProjects() {
        return recentProjects;
    }

    /** File name ending of project files. */
    public static final String EXTENSION = ProjectFiles.EXTENSION;

    /**
     * Relinks {@code old} to {@code newPath} on the I/O thread (see {@link ProjectFiles#relink}: the hash must match
     * unless {@code acceptChanged}); the state is not changed, the caller puts the result where it belongs.
     */
    public CompletableFuture<ProjectRecording> relink(ProjectRecording old, Path newPath, boolean acceptChanged) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return ProjectFiles.relink(old, newPath, acceptChanged, hashes, null);
            } catch (IOException | InterruptedException e) {
                throw new CompletionException(e);
            }
        }, executors.io());
    }

    public FileHashes hashes() {
        return hashes;
    }

    /** The current state (immutable snapshot). */
    public Project project() {
        return state.get();
    }

    /** The project file, empty while untitled. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** The file name without {@code .echoic.json}, or "Untitled". */
    public String displayName() {
        Path f = file;
        if (f == null) {
            return "Untitled";
        }
        String n = f.getFileName().toString();
        return n.endsWith(ProjectFiles.EXTENSION) ? n.substring(0, n.length() - ProjectFiles.EXTENSION.length()) : n;
    }

    /** Changes so far (for pollers: a different value means something changed). */
    public long changeCount() {
        return changes.get();
    }

    /** True when something changed since the last save (or since the project was opened or created). */
    public boolean isDirty() {
        return changes.get() != savedAt;
    }

    /** Records a change that is not (yet) part of {@link #project()}. */
    public void markDirty() {
        changes.incrementAndGet();
    }

    /** Replaces the state by {@code change} applied to it; marks the project dirty when the state differs. */
    public void update(UnaryOperator<Project> change) {
        Project before = state.getAndUpdate(change);
        if (!before.equals(state.get())) {
            markDirty();
        }
    }

    /** Fraction of the running save or load done (1 when idle), for a status bar. */
    public double progress() {
        return progress;
    }

    /** Makes {@code project} the open project, from {@code projectFile} (null: untitled); dirty as told. */
    public synchronized void adopt(Project project, Path projectFile, boolean dirty) {
        state.set(project);
        file = projectFile == null ? null : projectFile.toAbsolutePath().normalize();
        long now = changes.incrementAndGet();
        savedAt = dirty ? now - 1 : now;
        recoveredAt = now;
        if (projectFile != null && !dirty) {
            recentProjects.add(projectFile);
        }
    }

    /** Closes the current project without saving (its recovery file is removed) and starts an empty one. */
    public void newProject() {
        discardRecovery();
        adopt(Project.EMPTY, null, false);
    }

    /**
     * The folders, besides a project's own, from which projects may open recordings: those listed in
     * {@code recording-folders.txt} beside the recovery folder (see {@link RecordingFolders}); none if unreadable.
     */
    public RecordingFolders recordingFolders() {
        try {
            return RecordingFolders.read(recordingFoldersFile());
        } catch (IOException e) {
            return RecordingFolders.NONE;
        }
    }

    /** Adds {@code folders} to {@link #recordingFolders()} (written atomically when something is new). */
    public synchronized void allowRecordingFolders(List<Path> folders) throws IOException {
        RecordingFolders now = recordingFolders();
        RecordingFolders more = now.with(folders);
        if (!more.equals(now)) {
            more.write(recordingFoldersFile());
        }
    }

    private Path recordingFoldersFile() {
        return recoveryDir.toAbsolutePath().resolveSibling(RecordingFolders.SETTINGS_FILE);
    }

    /** The folders of the project's recordings and reference tables: the user chose them by adding them. */
    private static List<Path> foldersOf(Project p) {
        List<Path> out = new ArrayList<>();
        for (ProjectRecording r : p.recordings()) {
            out.add(r.path().toAbsolutePath().normalize().getParent());
            r.annotationFiles().forEach(a -> out.add(a.toAbsolutePath().normalize().getParent()));
        }
        out.removeIf(java.util.Objects::isNull);
        return out;
    }

    /**
     * Reads and checks a project file on the I/O thread (recordings outside its folder and {@link #recordingFolders()}
     * are skipped, see {@link ProjectFiles.Loaded#skipped()}); the caller adopts it (after relinking, if needed).
     */
    public CompletableFuture<ProjectFiles.Loaded> load(Path projectFile) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return ProjectFiles.load(projectFile, recordingFolders(), hashes, f -> progress = f);
            } catch (IOException | InterruptedException e) {
                throw new CompletionException(e);
            } finally {
                progress = 1;
            }
        }, executors.io());
    }

    /** Saves to the current file (which must exist: untitled projects need {@link #saveAs}). */
    public CompletableFuture<Path> save() {
        Path f = file;
        if (f == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("an untitled project needs Save As"));
        }
        return saveAs(f);
    }

    /**
     * Saves to {@code target} on the I/O thread: hashes recordings not hashed yet and fingerprints their
     * segmentation where none is recorded, writes atomically with a backup, then removes the recovery file and
     * makes {@code target} the project's file. Changes made meanwhile keep the project dirty.
     */
    public CompletableFuture<Path> saveAs(Path target) {
        Path abs = target.toAbsolutePath().normalize();
        return CompletableFuture.supplyAsync(() -> {
            try {
                saveNow(abs);
                return abs;
            } catch (IOException | InterruptedException e) {
                throw new CompletionException(e);
            } finally {
                progress = 1;
            }
        }, executors.io());
    }

    private void saveNow(Path target) throws IOException, InterruptedException {
        long at = changes.get();
        Project snapshot = state.get();
        List<ProjectRecording> enriched = new ArrayList<>();
        int n = snapshot.recordings().size();
        for (int i = 0; i < n; i++) {
            int index = i;
            DoubleConsumer part = f -> progress = (index + f) / Math.max(1, n);
            enriched.add(enrich(snapshot.recordings().get(i), part));
        }
        Project toSave = snapshot.withRecordings(enriched).withView(snapshot.view());
        ProjectFiles.save(target, toSave);
        allowRecordingFolders(foldersOf(toSave));
        state.updateAndGet(cur -> merge(cur, snapshot, toSave));
        Path oldRecovery = recoveryFile();
        synchronized (this) {
            file = target;
            savedAt = at;
        }
        Files.deleteIfExists(oldRecovery);
        Files.deleteIfExists(recoveryFile());
        recentProjects.add(target);
    }

    /** Size, hash and fingerprint filled in where missing, for a file that exists and is the recorded one. */
    private ProjectRecording enrich(ProjectRecording r, DoubleConsumer progress) throws InterruptedException {
        if (!Files.isRegularFile(r.path())) {
            return r;
        }
        try {
            ProjectRecording hashed = ProjectFiles.hashIfUnknown(r, hashes, f -> progress.accept(f / 2));
            if (hashed.fingerprint() != null || !hashes.sha256(hashed.path(), null).equals(hashed.sha256())) {
                return hashed;
            }
            return hashed.withFingerprint(SegmentationReproduction.fingerprint(hashed.path(), hashed.segmentation(),
                    executors.compute(), f -> progress.accept(0.5 + f / 2)));
        } catch (IOException | IllegalArgumentException e) {
            return r;
        }
    }

    /** {@code current} with each recording that is still as in {@code snapshot} replaced by its saved form. */
    private static Project merge(Project current, Project snapshot, Project saved) {
        List<ProjectRecording> out = new ArrayList<>(current.recordings());
        for (int i = 0; i < out.size(); i++) {
            int j = snapshot.recordings().indexOf(out.get(i));
            if (j >= 0) {
                out.set(i, saved.recordings().get(j));
            }
        }
        return current.withRecordings(out).withView(current.view());
    }

    /** The recovery file of the current project: beside its file, or in the recovery folder while untitled. */
    public Path recoveryFile() {
        Path f = file;
        return f == null ? recoveryDir.resolve("untitled" + ProjectFiles.EXTENSION) : ProjectFiles.recoveryFile(f);
    }

    /**
     * The recovery file of {@code projectFile} (null: an untitled project) when it exists and is newer than the
     * project file; a stale one (older than the project) is removed.
     */
    public Optional<Path> recoveryFor(Path projectFile) {
        Path r = projectFile == null ? recoveryDir.resolve("untitled" + ProjectFiles.EXTENSION)
                : ProjectFiles.recoveryFile(projectFile);
        try {
            if (!Files.isRegularFile(r)) {
                return Optional.empty();
            }
            if (projectFile != null && Files.isRegularFile(projectFile)
                    && Files.getLastModifiedTime(r).compareTo(Files.getLastModifiedTime(projectFile)) <= 0) {
                Files.deleteIfExists(r);
                return Optional.empty();
            }
            return Optional.of(r);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Removes the current project's recovery file (after "Don't save", or when the recovery was declined). */
    public void discardRecovery() {
        try {
            Files.deleteIfExists(recoveryFile());
        } catch (IOException e) {
            // best effort: a recovery file that cannot be removed is offered again and can be declined again
        }
    }

    /** Writes the recovery file now when there are changes not yet saved or autosaved; true when written. */
    public synchronized boolean autosaveNow() throws IOException {
        long at = changes.get();
        if (at == savedAt || at == recoveredAt) {
            return false;
        }
        Project p = state.get();
        ProjectFiles.writeRecovery(recoveryFile(), p);
        allowRecordingFolders(foldersOf(p));
        recoveredAt = at;
        return true;
    }

    /** Autosaves every {@code period} on the I/O thread (restarts the schedule if already running). */
    public synchronized void startAutosave(Duration period) {
        if (autosave != null) {
            autosave.cancel(false);
        }
        long ms = Math.max(1, period.toMillis());
        autosave = executors.timer().scheduleWithFixedDelay(() -> executors.io().execute(() -> {
            try {
                autosaveNow();
            } catch (IOException e) {
                // best effort: the next period tries again; saving normally is unaffected
            }
        }), ms, ms, TimeUnit.MILLISECONDS);
    }

    /** Stops autosaving (the executors belong to the caller). */
    @Override
    public synchronized void close() {
        if (autosave != null) {
            autosave.cancel(false);
            autosave = null;
        }
    }
}
