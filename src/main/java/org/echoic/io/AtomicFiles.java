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
import java.util.Set;

/**
 * Atomic file writes: the content goes to a temporary file beside the target, is flushed to disk,
 * and is renamed over the target. A crash or exception at any point leaves the previous target
 * intact and no half-written file under the target's name. Stateless; thread-safe.
 */
public final class AtomicFiles {

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

    private static void writeThenRename(Path target, Path backup, Content content) throws IOException {
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
