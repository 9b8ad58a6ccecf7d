package org.echoic.io;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * How a project file stores the paths of files it reads (recordings, annotation tables): relative to the project
 * file's folder with {@code /} separators, so that a project folder can be moved or shared whole. Paths that are
 * written to never come from here but from {@link SafePaths#resolveInside}. Stateless.
 */
final class ProjectPaths {
    private ProjectPaths() {
    }

    /** {@code file} relative to {@code baseDir} with {@code /} separators, or absolute if it has another root. */
    static String toStored(Path file, Path baseDir) {
        Path abs = file.toAbsolutePath().normalize();
        Path base = baseDir.toAbsolutePath().normalize();
        if (abs.getRoot() == null || !abs.getRoot().equals(base.getRoot())) {
            return abs.toString();
        }
        String rel = base.relativize(abs).toString();
        return base.getFileSystem().getSeparator().equals("/") ? rel : rel.replace(base.getFileSystem().getSeparator(), "/");
    }

    /** The absolute, normalised path of a stored path, resolved against {@code baseDir} when relative. */
    static Path toRuntime(String stored, Path baseDir) {
        try {
            Path p = baseDir.getFileSystem().getPath(stored);
            return (p.isAbsolute() ? p : baseDir.toAbsolutePath().resolve(p)).normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("'" + stored + "' is not a valid path: " + e.getMessage());
        }
    }
}
