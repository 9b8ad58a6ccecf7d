package org.echoic.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.echoic.segment.Annotation;

/** The annotation table formats, with reading by file content and naming of exported tables. */
public enum AnnotationFormat {
    RAVEN, AUDACITY, CSV;

    /** The table file name for a recording's base name (without extension). */
    public String fileName(String soundBaseName) {
        return switch (this) {
            case RAVEN -> RavenTables.fileName(soundBaseName);
            case AUDACITY -> soundBaseName + ".labels.txt";
            case CSV -> soundBaseName + ".segments.csv";
        };
    }

    /** Writes a table; {@code defaultHighHz} fills unset Raven high frequencies (e.g. Nyquist). */
    public void write(Path file, List<Annotation> annotations, double defaultHighHz) throws IOException {
        switch (this) {
            case RAVEN -> RavenTables.write(file, annotations, defaultHighHz);
            case AUDACITY -> AudacityLabels.write(file, annotations);
            case CSV -> CsvAnnotations.write(file, annotations);
            default -> throw new IllegalStateException();
        }
    }

    /** The format of an existing table, judged by its first line (Raven header, CSV header, else Audacity). */
    public static AnnotationFormat detect(Path file) throws IOException {
        List<String> lines = AnnotationText.lines(file);
        String first = lines.isEmpty() ? "" : lines.get(0).toLowerCase(Locale.ROOT);
        if (first.contains("begin time")) {
            return RAVEN;
        }
        if (first.contains("onset_s")) {
            return CSV;
        }
        return AUDACITY;
    }

    /** Reads any supported table, detecting its format. */
    public static List<Annotation> readAny(Path file) throws IOException {
        return switch (detect(file)) {
            case RAVEN -> RavenTables.read(file);
            case CSV -> CsvAnnotations.read(file);
            case AUDACITY -> AudacityLabels.read(file);
        };
    }
}
