package org.echoic.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file that cannot be read or written as audio (or as another workbench format), with a message
 * that names the file and the problem in words a user understands, e.g.
 * {@code "bird.wav: truncated: the data chunk declares 882000 bytes but only 1204 follow"}.
 */
public class AudioFileException extends IOException {
    private final transient Path file;
    private final String problem;

    public AudioFileException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
        this.problem = problem;
    }

    public AudioFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
        this.problem = problem;
    }

    public Path file() {
        return file;
    }

    /** The problem alone, without the file name. */
    public String problem() {
        return problem;
    }
}
