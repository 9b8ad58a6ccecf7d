package org.echoic.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Paths from a project never make a write land outside the chosen folder. */
class SafePathsTest {
    @TempDir
    Path dir;

    @Test
    void pathsInsideResolve() throws Exception {
        Path base = Files.createDirectories(dir.resolve("out"));
        assertEquals(base.resolve("a/b.wav"), SafePaths.resolveInside(base, "a/b.wav"));
        assertEquals(base.resolve("b.wav"), SafePaths.resolveInside(base, "a/../b.wav"));
        assertEquals(base.resolve("new/dir/c.npy"), SafePaths.resolveInside(base, "new/dir/c.npy"));
    }

    @Test
    void escapesAreRejected() throws Exception {
        Path base = Files.createDirectories(dir.resolve("out"));
        for (String bad : List.of("../x.wav", "a/../../x.wav", "/etc/passwd", "\\\\server\\share\\x", "C:\\x.wav",
                "c:x.wav", "..", ".", "", "  ")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> SafePaths.resolveInside(base, bad), bad);
            assertTrue(e.getMessage().contains(base.toString()) || e.getMessage().contains("'" + bad + "'"),
                    e.getMessage());
        }
    }

    @Test
    void symbolicLinksLeadingOutsideAreRejected() throws Exception {
        Path base = Files.createDirectories(dir.resolve("out"));
        Path outside = Files.createDirectories(dir.resolve("secret"));
        try {
            Files.createSymbolicLink(base.resolve("link"), outside);
            Files.createSymbolicLink(base.resolve("file.wav"), outside.resolve("f.wav"));
        } catch (UnsupportedOperationException | java.io.IOException e) {
            Assumptions.abort("symbolic links are not available here: " + e);
        }
        assertThrows(IllegalArgumentException.class, () -> SafePaths.resolveInside(base, "link/x.wav"));
        assertThrows(IllegalArgumentException.class, () -> SafePaths.resolveInside(base, "link/new/x.wav"));
        assertThrows(IllegalArgumentException.class, () -> SafePaths.resolveInside(base, "file.wav"),
                "a dangling link to outside");
        Files.createDirectories(base.resolve("inner"));
        Files.createSymbolicLink(base.resolve("alias"), base.resolve("inner"));
        assertEquals(base.resolve("alias/x.wav"), SafePaths.resolveInside(base, "alias/x.wav"));
    }
}
