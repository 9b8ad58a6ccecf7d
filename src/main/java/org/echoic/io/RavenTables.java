package org.echoic.io;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.echoic.segment.Annotation;

/**
 * Raven selection tables (FORMATS.md): tab-separated UTF-8 with one header line.
 *
 * <p>Writing: the seven standard columns in order ({@code Selection, View, Channel, Begin Time (s),
 * End Time (s), Low Freq (Hz), High Freq (Hz)}), then {@code Annotation} (the label; tabs and line breaks
 * become spaces), then one column per attribute key; one row per annotation with View
 * {@code Spectrogram 1}; the channel is the attribute {@code Channel} or 1; an unset low frequency is
 * written as 0 and an unset high one as the given default (e.g. Nyquist).
 *
 * <p>Reading is lenient about header case, {@code (S)}/{@code (s)}, spacing, a trailing tab, blank lines
 * and a byte-order mark; rows repeated per view keep the first row of each Selection; the label comes
 * from {@code Annotation} or else from the first other column holding text; every other non-standard
 * column (e.g. {@code Species}, {@code Begin Path}, {@code File Offset (s)}) is kept as an attribute when
 * not empty, and Channel as attribute {@code Channel} when it is not 1. Stateless; thread-safe.
 */
public final class RavenTables {
    static final String[] STANDARD = {"Selection", "View", "Channel", "Begin Time (s)", "End Time (s)",
        "Low Freq (Hz)", "High Freq (Hz)"};
    private static final Set<String> STANDARD_KEYS = new HashSet<>();

    static {
        for (String s : STANDARD) {
            STANDARD_KEYS.add(key(s));
        }
    }

    private RavenTables() {
    }

    /** The conventional file name for a sound file's table: {@code <name>.Table.1.selections.txt}. */
    public static String fileName(String soundBaseName) {
        return soundBaseName + ".Table.1.selections.txt";
    }

    static String key(String header) {
        return header.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    public static List<Annotation> read(Path file) throws IOException {
        List<String> lines = AnnotationText.lines(file);
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            throw new AudioFileException(file, "line 1: no header (an empty file is not a Raven selection table)");
        }
        List<String> header = new ArrayList<>(List.of(lines.get(0).split("\t", -1)));
        while (!header.isEmpty() && header.get(header.size() - 1).isBlank()) {
            header.remove(header.size() - 1);
        }
        Map<String, Integer> col = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            col.putIfAbsent(key(header.get(i)), i);
        }
        Integer begin = col.get("begin time (s)");
        Integer end = col.get("end time (s)");
        if (begin == null || end == null) {
            throw new AudioFileException(file, "line 1: not a Raven selection table (no 'Begin Time (s)' and "
                    + "'End Time (s)' columns in the header)");
        }
        List<String[]> rows = new ArrayList<>();
        List<Integer> rowLines = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] cells = lines.get(i).split("\t", -1);
            for (int c = header.size(); c < cells.length; c++) {
                if (!cells[c].isBlank()) {
                    throw new AudioFileException(file, "line " + (i + 1) + ": " + cells.length
                            + " values but the header has " + header.size() + " columns");
                }
            }
            String[] row = new String[header.size()];
            for (int c = 0; c < row.length; c++) {
                row[c] = c < cells.length ? cells[c] : "";
            }
            rows.add(row);
            rowLines.add(i + 1);
        }
        int labelCol = labelColumn(header, col, rows);
        Integer sel = col.get("selection");
        Integer chan = col.get("channel");
        Integer low = col.get("low freq (hz)");
        Integer high = col.get("high freq (hz)");
        Set<String> seen = new HashSet<>();
        List<Annotation> out = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            int line = rowLines.get(r);
            if (sel != null && !row[sel].isBlank() && !seen.add(row[sel].trim())) {
                continue;
            }
            double b = AnnotationText.number(file, line, header.get(begin), row[begin]);
            double e = AnnotationText.number(file, line, header.get(end), row[end]);
            AnnotationText.checkRange(file, line, b, e);
            double lo = low == null || row[low].isBlank() ? Double.NaN
                    : AnnotationText.number(file, line, header.get(low), row[low]);
            double hi = high == null || row[high].isBlank() ? Double.NaN
                    : AnnotationText.number(file, line, header.get(high), row[high]);
            Map<String, String> attrs = new LinkedHashMap<>();
            if (chan != null && !row[chan].isBlank() && !row[chan].trim().equals("1")) {
                attrs.put("Channel", row[chan].trim());
            }
            for (int c = 0; c < header.size(); c++) {
                String k = key(header.get(c));
                if (!STANDARD_KEYS.contains(k) && !k.equals("annotation") && !row[c].isEmpty()) {
                    attrs.putIfAbsent(header.get(c).trim(), row[c]);
                }
            }
            out.add(new Annotation(b, e, lo, hi, labelCol < 0 ? "" : row[labelCol], attrs));
        }
        return out;
    }

    private static int labelColumn(List<String> header, Map<String, Integer> col, List<String[]> rows) {
        Integer ann = col.get("annotation");
        if (ann != null) {
            return ann;
        }
        for (int c = 0; c < header.size(); c++) {
            if (STANDARD_KEYS.contains(key(header.get(c)))) {
                continue;
            }
            for (String[] row : rows) {
                if (!row[c].isBlank() && !AnnotationText.isNumber(row[c])) {
                    return c;
                }
            }
        }
        return -1;
    }

    /** Writes {@code annotations} to {@code file} atomically; unset high frequencies become {@code defaultHighHz}. */
    public static void write(Path file, List<Annotation> annotations, double defaultHighHz) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            write(w, annotations, defaultHighHz);
            w.flush();
        });
    }

    /** Writes the table's text to {@code w} (for standard output); the caller flushes and closes it. */
    public static void write(Writer w, List<Annotation> annotations, double defaultHighHz) throws IOException {
        Set<String> extra = new LinkedHashSet<>();
        for (Annotation a : annotations) {
            for (String k : a.attributes().keySet()) {
                if (!k.equals("Channel")) {
                    extra.add(k);
                }
            }
        }
        w.write(String.join("\t", STANDARD) + "\tAnnotation");
        for (String k : extra) {
            w.write("\t" + clean(k));
        }
        w.write("\n");
        int n = 1;
        for (Annotation a : annotations) {
            w.write(n++ + "\tSpectrogram 1\t" + a.attributes().getOrDefault("Channel", "1") + "\t"
                    + AnnotationText.decimal(a.startSeconds()) + "\t" + AnnotationText.decimal(a.endSeconds())
                    + "\t" + AnnotationText.decimal(Double.isNaN(a.lowHz()) ? 0 : a.lowHz())
                    + "\t" + AnnotationText.decimal(Double.isNaN(a.highHz()) ? defaultHighHz : a.highHz())
                    + "\t" + clean(a.label()));
            for (String k : extra) {
                w.write("\t" + clean(a.attributes().getOrDefault(k, "")));
            }
            w.write("\n");
        }
    }

    private static String clean(String s) {
        return s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
