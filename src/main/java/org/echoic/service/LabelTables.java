package org.echoic.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.echoic.io.AnnotationFormat;
import org.echoic.segment.Annotation;

/**
 * Where a labeller's table of a recording goes and how it is written: {@code <name>.csv} (onset_s, offset_s, label,
 * confidence), a Raven selection table or Audacity labels, atomically, never over the table it was read from.
 * Stateless; thread-safe.
 */
public final class LabelTables {
    private LabelTables() {
    }

    /** The table of {@code recording} in {@code outDir} in {@code format}. */
    public static Path path(Path outDir, Path recording, AnnotationFormat format) {
        String name = recording.getFileName().toString();
        String base = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        return outDir.resolve(format == AnnotationFormat.CSV ? base + ".csv" : format.fileName(base));
    }

    /**
     * Writes {@code rows} to {@code target} (folders created), refusing to overwrite {@code input}, the table the
     * labels were read from or trained on (null: none).
     */
    public static void write(Path target, Path input, List<Annotation> rows, AnnotationFormat format, double nyquistHz)
            throws IOException {
        if (input != null && Files.exists(target) && Files.isSameFile(target, input)) {
            throw new IllegalArgumentException(target + ": would overwrite the annotation table read from it; choose "
                    + "another folder");
        }
        Files.createDirectories(target.toAbsolutePath().getParent());
        format.write(target, rows, nyquistHz);
    }
}
