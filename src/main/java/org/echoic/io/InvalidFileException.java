package org.echoic.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file Echoic refuses to read, with a one-line message naming the file, the field (a path into the file such as
 * {@code model.cdSteps} or {@code sequences[3][12]}, or none for the file as a whole) and the problem in plain words,
 * e.g. {@code "run/model.json: model.cdSteps: must be a whole number from 1 to 1000, found 1000000000"}. Immutable.
 */
public class InvalidFileException extends IOException {
    private final transient Path file;
    private final String field;
    private final String problem;

    /** @param field the field path, or null when the problem is the file as a whole */
    public InvalidFileException(Path file, String field, String problem) {
        this(file, field, problem, null);
    }

    /** @param field the field path, or null when the problem is the file as a whole */
    public InvalidFileException(Path file, String field, String problem, Throwable cause) {
        super(file + ": " + (field == null || field.isEmpty() ? "" : field + ": ") + problem, cause);
        this.file = file;
        this.field = field == null || field.isEmpty() ? null : field;
        this.problem = problem;
    }

    public Path file() {
        return file;
    }

    /** The field path, or null when the problem is the file as a whole. */
    public String field() {
        return field;
    }

    /** The problem alone, without the file and the field. */
    public String problem() {
        return problem;
    }
}
