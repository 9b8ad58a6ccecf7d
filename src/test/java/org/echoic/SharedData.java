package org.echoic;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.junit.jupiter.api.Assumptions;

/**
 * The real third-party recordings in {@code ../shared/data/recordings} (never committed). Tests that need
 * them call {@link #recordings()} or {@link #recording(String)}, which skip the test with a clear message
 * when the folder is absent (a user's fresh clone).
 */
public final class SharedData {
    private SharedData() {
    }

    /** The recordings folder; skips the calling test when it is absent. */
    public static Path recordings() {
        String prop = System.getProperty("echoic.shared.dir");
        Path shared = prop != null ? Paths.get(prop) : Paths.get("..", "shared");
        Path dir = shared.resolve("data").resolve("recordings").toAbsolutePath().normalize();
        Assumptions.assumeTrue(Files.isDirectory(dir),
                "skipped: the real recordings folder " + dir + " is absent (it sits beside the clone in CI)");
        return dir;
    }

    /** One file under the recordings folder, e.g. {@code "spinetail/spinetail.wav"}; skips when absent. */
    public static Path recording(String relative) {
        Path p = recordings().resolve(relative);
        Assumptions.assumeTrue(Files.isRegularFile(p), "skipped: " + p + " is absent");
        return p;
    }
}
