package org.echoic.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Confines paths taken from a project (or any file a user did not choose directly) to a folder the user chose:
 * every path that Echoic writes to and that comes from a project file (exports, checkpoints, generated audio) goes
 * through {@link #resolveInside}. Stateless; thread-safe.
 */
public final class SafePaths {
    private SafePaths() {
    }

    /**
     * {@code baseDir} joined with {@code relative}, refused unless it stays inside {@code baseDir}: absolute paths,
     * drive or root prefixes, {@code ..} that climbs out, and symbolic links (of existing parts) leading outside are
     * rejected with an {@link IllegalArgumentException} that names both paths.
     */
    public static Path resolveInside(Path baseDir, String relative) throws IOException {
        if (relative == null || relative.isBlank()) {
            throw new IllegalArgumentException("an empty path cannot name a file inside " + baseDir);
        }
        Path rel;
        try {
            rel = baseDir.getFileSystem().getPath(relative.replace('\\', '/'));
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("'" + relative + "' is not a valid path: " + e.getMessage());
        }
        if (rel.isAbsolute() || rel.getRoot() != null || relative.startsWith("/") || relative.startsWith("\\")
                || relative.matches("^[A-Za-z]:.*")) {
            throw new IllegalArgumentException("'" + relative + "' is absolute: only paths inside " + baseDir
                    + " are allowed");
        }
        Path base = baseDir.toAbsolutePath().normalize();
        Path target = base.resolve(rel).normalize();
        if (!target.startsWith(base) || target.equals(base)) {
            throw new IllegalArgumentException("'" + relative + "' leads outside " + base);
        }
        Path realBase = Files.exists(base) ? base.toRealPath() : base;
        Path existing = target;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing != null && existing.startsWith(base) && !existing.equals(base)) {
            Path real;
            try {
                real = existing.toRealPath();
            } catch (java.nio.file.NoSuchFileException e) {
                throw new IllegalArgumentException("'" + relative + "' passes a dangling symbolic link (" + existing
                        + ")");
            }
            if (!real.startsWith(realBase)) {
                throw new IllegalArgumentException("'" + relative + "' leads outside " + base
                        + " through a symbolic link (to " + real + ")");
            }
        }
        return target;
    }
}
