package org.echoic.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.echoic.io.AnnotationFormat;
import org.echoic.segment.Segment;

/** Segment tables beside recordings (Raven, Audacity or CSV), read as segments. Stateless; thread-safe. */
public final class SegmentTables {
    /** Tried in this order; Raven's name is what {@code echoic segment --format raven} writes, .txt Audacity's. */
    private static final String[] SUFFIXES = {".csv", ".segments.csv", ".labels.txt", ".Table.1.selections.txt",
        ".txt"};
    /** How error messages name the places looked at. */
    public static final String LOOKED_FOR = ".csv, .segments.csv, .labels.txt, .Table.1.selections.txt or .txt";

    private SegmentTables() {
    }

    /** The table beside {@code recording}: its base name with one of {@link #LOOKED_FOR}, if any. */
    public static Optional<Path> besides(Path recording) {
        String name = recording.getFileName().toString();
        String base = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        for (String ext : SUFFIXES) {
            Path p = recording.resolveSibling(base + ext);
            if (Files.isRegularFile(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The rows of any supported table as segments of a recording at {@code sampleRateHz}. */
    public static List<Segment> read(Path table, double sampleRateHz) throws IOException {
        return AnnotationFormat.readAny(table).stream().map(a -> a.toSegment(sampleRateHz)).toList();
    }
}
