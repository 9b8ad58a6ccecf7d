package org.echoic.io;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Shared text helpers of the annotation formats: exact decimal numbers and line reading. Stateless. */
final class AnnotationText {
    private AnnotationText() {
    }

    /**
     * A plain decimal with at least 6 decimals that parses back to exactly {@code v} (the shortest
     * representation of the double, never exponent notation).
     */
    static String decimal(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("not a finite number: " + v);
        }
        BigDecimal d = new BigDecimal(Double.toString(v));
        if (d.scale() < 6) {
            d = d.setScale(6);
        }
        return d.toPlainString();
    }

    /** The lines of a UTF-8 text file without a byte-order mark and without line terminators. */
    static List<String> lines(Path file) throws IOException {
        String text = text(file);
        List<String> lines = new ArrayList<>(List.of(text.split("\r\n|\r|\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    static String text(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = ReadLimits.readDocument(file, "an annotation table");
        } catch (InvalidFileException e) {
            throw new AudioFileException(file, e.problem(), e);
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** Parses a number or throws naming the file, line and column. */
    static double number(Path file, int line, String column, String value) throws AudioFileException {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new AudioFileException(file, "line " + line + ": " + column + " '" + value + "' is not a number");
        }
    }

    static boolean isNumber(String value) {
        try {
            Double.parseDouble(value.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Checks a parsed time range. */
    static void checkRange(Path file, int line, double start, double end) throws AudioFileException {
        if (!Double.isFinite(start) || !Double.isFinite(end) || end < start) {
            throw new AudioFileException(file, "line " + line + ": end time " + end + " s is before start time "
                    + start + " s");
        }
    }
}
