package org.echoic.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.echoic.io.AnnotationFormat;
import org.echoic.segment.Segment;

/** Segment tables beside recordings (Raven, Audacity or CSV), read as segments. Stateless; thread-safe. */
public final class SegmentTables {
    /** Tried in this order; Raven's name is what {@code echoic segment --format raven} writes, .txt Audacity's. */
    private static final String[] SUFFIXES = {".csv", ".segments.csv", ".labels.txt", ".Table.1.selections.txt",
        ".txt"};
    /** Ending of every Raven selection table's name ({@code X.Table.1.selections.txt}, {@code X.first10s.selections.txt}). */
    private static final String RAVEN_ENDING = "selections.txt";
    /** How error messages name the places looked at. */
    public static final String LOOKED_FOR = ".csv, .segments.csv, .labels.txt, .Table.1.selections.txt, .txt "
            + "or .*selections.txt";

    private SegmentTables() {
    }

    /**
     * The table beside {@code recording}: its base name with one of {@link #SUFFIXES} (in that order), else the first
     * by name of the Raven tables {@code <base>.<anything>selections.txt} beside it (Raven names a saved table
     * {@code X.Table.N.selections.txt}; researchers add their own tags, e.g. {@code X.first10s.selections.txt}).
     *
     * @throws UncheckedIOException if the recording's folder cannot be listed
     */
    public static Optional<Path> besides(Path recording) {
        String name = recording.getFileName().toString();
        String base = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        for (String ext : SUFFIXES) {
            Path p = recording.resolveSibling(base + ext);
            if (Files.isRegularFile(p)) {
                return Optional.of(p);
            }
        }
        Path dir = recording.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> isRavenTableOf(p.getFileName().toString(), base) && Files.isRegularFile(p))
                    .sorted().findFirst().map(p -> recording.resolveSibling(p.getFileName()));
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot list the folder: " + e.getMessage(), e);
        }
    }

    private static boolean isRavenTableOf(String fileName, String base) {
        return fileName.startsWith(base + ".") && fileName.endsWith(RAVEN_ENDING);
    }

    /** The rows of any supported table as segments of a recording at {@code sampleRateHz}. */
    public static List<Segment> read(Path table, double sampleRateHz) throws IOException {
        return AnnotationFormat.readAny(table).stream().map(a -> a.toSegment(sampleRateHz)).toList();
    }
}
