package org.echoic.io;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.echoic.segment.Annotation;

/**
 * Annotations as CSV (FORMATS.md): header {@code onset_s,offset_s,label} plus optional columns
 * ({@code low_hz}, {@code high_hz} when any annotation has a band, then one per attribute key),
 * comma-separated, dot decimals, RFC 4180 quoting (fields with commas, quotes or line breaks). Reading
 * needs {@code onset_s} and {@code offset_s} (any case and order); {@code label} is optional, other
 * non-empty values become attributes. Stateless; thread-safe.
 */
public final class CsvAnnotations {
    private CsvAnnotations() {
    }

    public static List<Annotation> read(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        List<Integer> lineOf = new ArrayList<>();
        parse(file, AnnotationText.text(file), rows, lineOf);
        if (rows.isEmpty()) {
            throw new AudioFileException(file, "line 1: no header (expected onset_s,offset_s,label)");
        }
        List<String> header = rows.get(0);
        Map<String, Integer> col = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            col.putIfAbsent(header.get(i).trim().toLowerCase(Locale.ROOT), i);
        }
        Integer on = col.get("onset_s");
        Integer off = col.get("offset_s");
        if (on == null || off == null) {
            throw new AudioFileException(file, "line 1: the header has no 'onset_s' and 'offset_s' columns");
        }
        Integer label = col.get("label");
        Integer low = col.get("low_hz");
        Integer high = col.get("high_hz");
        List<Annotation> out = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            int line = lineOf.get(r);
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            if (row.size() > header.size()) {
                throw new AudioFileException(file, "line " + line + ": " + row.size() + " values but the header has "
                        + header.size() + " columns");
            }
            double start = AnnotationText.number(file, line, "onset_s", cell(row, on));
            double end = AnnotationText.number(file, line, "offset_s", cell(row, off));
            AnnotationText.checkRange(file, line, start, end);
            double lo = low == null || cell(row, low).isBlank() ? Double.NaN
                    : AnnotationText.number(file, line, "low_hz", cell(row, low));
            double hi = high == null || cell(row, high).isBlank() ? Double.NaN
                    : AnnotationText.number(file, line, "high_hz", cell(row, high));
            Map<String, String> attrs = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                Integer idx = c;
                if (!idx.equals(on) && !idx.equals(off) && !idx.equals(label) && !idx.equals(low)
                        && !idx.equals(high) && !cell(row, c).isEmpty()) {
                    attrs.putIfAbsent(header.get(c), cell(row, c));
                }
            }
            out.add(new Annotation(start, end, lo, hi, label == null ? "" : cell(row, label), attrs));
        }
        return out;
    }

    private static String cell(List<String> row, int c) {
        return c < row.size() ? row.get(c) : "";
    }

    /** RFC 4180 records with the line each starts on. */
    private static void parse(Path file, String text, List<List<String>> rows, List<Integer> lineOf)
            throws AudioFileException {
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int rowLine = 1;
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    field.append(ch);
                }
            } else if (ch == '"' && field.length() == 0) {
                quoted = true;
                any = true;
            } else if (ch == ',') {
                row.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                rows.add(row);
                lineOf.add(rowLine);
                row = new ArrayList<>();
                field.setLength(0);
                any = false;
                line++;
                rowLine = line;
            } else {
                field.append(ch);
                any = true;
            }
        }
        if (quoted) {
            throw new AudioFileException(file, "line " + rowLine + ": unterminated quoted value");
        }
        if (any || field.length() > 0) {
            row.add(field.toString());
            rows.add(row);
            lineOf.add(rowLine);
        }
    }

    public static void write(Path file, List<Annotation> annotations) throws IOException {
        boolean band = annotations.stream().anyMatch(Annotation::hasBand);
        Set<String> keys = new LinkedHashSet<>();
        annotations.forEach(a -> keys.addAll(a.attributes().keySet()));
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            write(w, annotations, band, keys);
            w.flush();
        });
    }

    /** Writes the CSV text (for standard output). */
    public static void write(Writer w, List<Annotation> annotations) throws IOException {
        Set<String> keys = new LinkedHashSet<>();
        annotations.forEach(a -> keys.addAll(a.attributes().keySet()));
        write(w, annotations, annotations.stream().anyMatch(Annotation::hasBand), keys);
        w.flush();
    }

    private static void write(Writer w, List<Annotation> annotations, boolean band, Set<String> keys)
            throws IOException {
        StringBuilder h = new StringBuilder("onset_s,offset_s,label");
        if (band) {
            h.append(",low_hz,high_hz");
        }
        for (String k : keys) {
            h.append(',').append(quote(k));
        }
        w.write(h + "\n");
        for (Annotation a : annotations) {
            StringBuilder s = new StringBuilder();
            s.append(AnnotationText.decimal(a.startSeconds())).append(',')
                    .append(AnnotationText.decimal(a.endSeconds())).append(',').append(quote(a.label()));
            if (band) {
                s.append(',').append(Double.isNaN(a.lowHz()) ? "" : AnnotationText.decimal(a.lowHz()))
                        .append(',').append(Double.isNaN(a.highHz()) ? "" : AnnotationText.decimal(a.highHz()));
            }
            for (String k : keys) {
                s.append(',').append(quote(a.attributes().getOrDefault(k, "")));
            }
            w.write(s + "\n");
        }
    }

    private static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
