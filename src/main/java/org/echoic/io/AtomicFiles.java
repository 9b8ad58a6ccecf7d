package org.echoic.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Atomic file writes: the content goes to a temporary file beside the target, is flushed to disk,
 * and is renamed over the target. A crash or exception at any point leaves the previous target
 * intact and no half-written file under the target's name. Stateless; thread-safe.
 */
public final class AtomicFiles {

    /**
     * Writes a set of files into {@code stage} (a hidden folder beside their destination), adding each completed file
     * to {@code written}; may also throw {@code E}.
     */
    @FunctionalInterface
    public interface FileSet<E extends Exception> {
        void writeInto(Path stage, List<Path> written) throws IOException, E;
    }

    /**
     * A failed write (disk full, read-only folder, missing permission) in words, naming the file: the previous file
     * (if any) is unchanged and no partial file is left.
     */
    public static final class WriteFailedException extends IOException {
        public WriteFailedException(Path target, IOException cause) {
            super(target + ": not written: " + reason(cause) + "; nothing was changed", cause);
        }
    }

    /** Writes the content of one file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Writes {@code target} atomically from {@code content}. */
    public static void write(Path target, Content content) throws IOException {
        writeThenRename(target, null, content);
    }

    /**
     * Writes {@code target} atomically like {@link #write}, first keeping the previous target (if any) as
     * {@code backup} (itself replaced atomically). Until the final rename the previous target is untouched; a
     * failure at any point leaves it intact.
     */
    public static void writeKeepingBackup(Path target, Path backup, Content content) throws IOException {
        writeThenRename(target, backup, content);
    }

    /**
     * Writes a set of files into {@code dir}, all or nothing: {@code body} writes them into a hidden staging folder
     * inside {@code dir}, and only when every one is complete are they renamed into {@code dir} (each replacing the
     * file of its name). If anything fails the staging folder is deleted, so {@code dir} is as it was (and removed
     * again when this call created it).
     *
     * @return the files written, at their places in {@code dir}
     */
    public static <E extends Exception> List<Path> allOrNothing(Path dir, FileSet<E> body) throws IOException, E {
        boolean created = !Files.isDirectory(dir);
        Path stage = null;
        try {
            Files.createDirectories(dir);
            stage = Files.createTempDirectory(dir, ".echoic-export-");
            List<Path> staged = new ArrayList<>();
            body.writeInto(stage, staged);
            List<Path> placed = place(dir, stage, staged);
            CheckpointFolder.deleteTree(stage);
            return placed;
        } catch (Exception e) {
            if (stage != null) {
                CheckpointFolder.deleteTree(stage);
            }
            if (created && Files.isDirectory(dir)) {
                try (java.util.stream.Stream<Path> left = Files.list(dir)) {
                    if (left.findAny().isEmpty()) {
                        Files.delete(dir);
                    }
                }
            }
            if (e instanceof IOException io && !(e instanceof WriteFailedException)) {
                throw new WriteFailedException(dir, io);
            }
            throw e;
        }
    }

    /**
     * Renames the staged files into {@code dir}; the files they replace are first moved aside into the stage, and put
     * back if a rename fails, so that either every file is in place or none changed.
     */
    private static List<Path> place(Path dir, Path stage, List<Path> staged) throws IOException {
        List<Path> targets = new ArrayList<>(staged.size());
        for (Path p : staged) {
            Path to = dir.resolve(stage.relativize(p).toString());
            if (Files.isDirectory(to)) {
                throw new java.nio.file.FileSystemException(to.toString(), null, "a folder has the name of the file");
            }
            targets.add(to);
        }
        Path aside = Files.createDirectory(stage.resolve(".replaced"));
        List<Path> placed = new ArrayList<>();
        List<Path[]> replaced = new ArrayList<>();
        try {
            for (int i = 0; i < staged.size(); i++) {
                Path to = targets.get(i);
                Files.createDirectories(to.toAbsolutePath().getParent());
                if (Files.exists(to)) {
                    Path keep = aside.resolve(i + ".old");
                    move(to, keep);
                    replaced.add(new Path[] {keep, to});
                }
                move(staged.get(i), to);
                placed.add(to);
            }
            return placed;
        } catch (IOException e) {
            for (Path p : placed) {
                Files.deleteIfExists(p);
            }
            for (Path[] r : replaced) {
                move(r[0], r[1]);
            }
            throw e;
        }
    }

    /** Why a write failed, in words. */
    static String reason(IOException e) {
        if (e instanceof WriteFailedException) {
            return e.getMessage();
        }
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c instanceof java.nio.file.FileSystemException f) {
                return reason(f);
            }
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied (a read-only folder?)";
        }
        if (e instanceof java.nio.file.NoSuchFileException n) {
            return "the folder " + n.getFile() + " does not exist";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason().toLowerCase(java.util.Locale.ROOT).contains("no space") ? "the disk is full"
                    : f.getReason();
        }
        String m = e.getMessage();
        return m == null ? "the file system failed" : m.toLowerCase(java.util.Locale.ROOT).contains("no space")
                ? "the disk is full" : m;
    }

    private static void writeThenRename(Path target, Path backup, Content content) throws IOException {
        try {
            writeOrFail(target, backup, content);
        } catch (WriteFailedException e) {
            throw e;
        } catch (IOException e) {
            throw new WriteFailedException(target, e);
        }
    }

    private static void writeOrFail(Path target, Path backup, Content content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        boolean done = false;
        try {
            applyPermissions(tmp, target);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE);
                 OutputStream raw = java.nio.channels.Channels.newOutputStream(ch);
                 OutputStream out = new java.io.BufferedOutputStream(raw, 1 << 16)) {
                content.writeTo(out);
                out.flush();
                ch.force(true);
            }
            if (backup != null && Files.isRegularFile(target)) {
                write(backup, out -> Files.copy(target, out));
            }
            move(tmp, target);
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /**
     * Gives the temporary file the permissions the target has, or rw-r--r-- for a new file ({@code createTempFile}
     * makes it private to the owner, which would make every export unreadable to colleagues).
     */
    private static void applyPermissions(Path tmp, Path target) throws IOException {
        if (!tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Set<PosixFilePermission> perms = Files.exists(target)
                ? Files.getPosixFilePermissions(target)
                : PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(tmp, perms);
    }

    /** Renames {@code from} over {@code to}, atomically where the file system allows it. */
    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
