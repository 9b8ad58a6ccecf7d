package org.echoic.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleConsumer;

import org.echoic.audio.Recording;
import org.echoic.dsp.StftParams;
import org.echoic.io.AnnotationFormat;
import org.echoic.io.AudioFiles;
import org.echoic.io.PitchContourCsv;
import org.echoic.measure.MeasuredSelection;
import org.echoic.measure.Measurement;
import org.echoic.measure.Measurer;
import org.echoic.measure.PitchParams;
import org.echoic.segment.Annotation;

/**
 * Measures the selections of a table beside (or named for) a recording and writes the measurements as a Raven
 * selection table or CSV, atomically, with F0 contours as {@code <name>.pitch.csv}. Stateless; thread-safe; runs on
 * the calling thread.
 */
public final class MeasurementTables {
    /** Suffix of written Raven measurement tables (never taken for an input table). */
    public static final String RAVEN_SUFFIX = ".measurements.txt";
    /** Suffix of written CSV measurement tables. */
    public static final String CSV_SUFFIX = ".measurements.csv";
    /** Suffix of written F0 contours. */
    public static final String PITCH_SUFFIX = ".pitch.csv";

    private MeasurementTables() {
    }

    /** The selection table of {@code recording}: the one {@link SegmentTables#besides} finds. */
    public static Optional<Path> tableBeside(Path recording) throws IOException {
        return SegmentTables.besides(recording);
    }

    /**
     * Reads {@code table} and measures each row in {@code recordingFile}.
     *
     * @param channel 0-based channel or {@link Recording#MEAN_CHANNEL}
     * @param pitch   F0 settings, or null for no F0
     * @throws IOException              if a file cannot be read
     * @throws IllegalArgumentException naming the table, the row and the problem for a row outside the recording
     */
    public static List<MeasuredSelection> measure(Path recordingFile, Path table, int channel, StftParams stft,
                                                  PitchParams pitch, DoubleConsumer progress)
            throws IOException, InterruptedException {
        List<Annotation> rows = AnnotationFormat.readAny(table);
        try (Recording rec = AudioFiles.open(recordingFile)) {
            if (channel != Recording.MEAN_CHANNEL && (channel < 0 || channel >= rec.channels())) {
                throw new IllegalArgumentException(recordingFile + ": has no channel " + (channel + 1) + " (it has "
                        + rec.channels() + ", numbered from 1)");
            }
            check(table, rows, rec);
            return Measurer.measureAll(rec, channel, rows, stft, pitch, progress);
        }
    }

    /** Refuses rows that cannot be measured in {@code rec}, naming the table, the row and the field. */
    static void check(Path table, List<Annotation> rows, Recording rec) {
        double duration = rec.durationSeconds();
        for (int i = 0; i < rows.size(); i++) {
            Annotation a = rows.get(i);
            String where = table + ": row " + (i + 1) + ": ";
            if (a.startSeconds() >= duration) {
                throw new IllegalArgumentException(where + "Begin Time " + a.startSeconds() + " s lies at or after "
                        + "the end of " + rec.path().getFileName() + " (" + duration + " s)");
            }
            if (a.lowHz() > a.highHz()) {
                throw new IllegalArgumentException(where + "Low Freq " + a.lowHz() + " Hz is above High Freq "
                        + a.highHz() + " Hz");
            }
            if (a.lowHz() >= rec.sampleRateHz() / 2) {
                throw new IllegalArgumentException(where + "Low Freq " + a.lowHz() + " Hz is at or above the "
                        + "Nyquist frequency of " + rec.path().getFileName() + " (" + rec.sampleRateHz() / 2 + " Hz)");
            }
        }
    }

    /** Writes the measurements as a Raven selection table or CSV (atomically). */
    public static void write(Path file, AnnotationFormat format, List<MeasuredSelection> measured,
                             Set<Measurement> columns) throws IOException {
        format.write(file, annotations(measured, columns), 0);
    }

    /** The measured selections as annotations carrying the chosen columns. */
    public static List<Annotation> annotations(List<MeasuredSelection> measured, Set<Measurement> columns) {
        return measured.stream().map(m -> m.toAnnotation(columns)).toList();
    }

    /** Writes the voiced frames of the contours (atomically). */
    public static void writePitch(Path file, List<MeasuredSelection> measured) throws IOException {
        PitchContourCsv.write(file, measured);
    }

    /** The measurement table name for a recording in {@code format}. */
    public static String tableName(Path recording, AnnotationFormat format) {
        return baseName(recording) + (format == AnnotationFormat.CSV ? CSV_SUFFIX : RAVEN_SUFFIX);
    }

    /** The contour file name for a recording. */
    public static String pitchName(Path recording) {
        return baseName(recording) + PITCH_SUFFIX;
    }

    private static String baseName(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot <= 0 ? n : n.substring(0, dot);
    }
}
