package org.echoic.io;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.echoic.segment.Annotation;

/**
 * Audacity label tracks exported as text (FORMATS.md): {@code start<TAB>end<TAB>label} in seconds per
 * line, optionally followed by a frequency line {@code \<TAB>lowHz<TAB>highHz} where -1 means unset
 * (NaN here). Labels keep inner tabs on reading; line breaks in labels are written as spaces.
 * Attributes cannot be stored. Stateless; thread-safe.
 */
public final class AudacityLabels {
    private AudacityLabels() {
    }

    public static List<Annotation> read(Path file) throws IOException {
        List<String> lines = AnnotationText.lines(file);
        List<Annotation> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int n = i + 1;
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", 3);
            if (f[0].trim().equals("\\")) {
                if (out.isEmpty()) {
                    throw new AudioFileException(file, "line " + n + ": frequency line without a label before it");
                }
                if (f.length < 3) {
                    throw new AudioFileException(file, "line " + n + ": frequency line needs low and high frequency");
                }
                double lo = AnnotationText.number(file, n, "low frequency", f[1]);
                double hi = AnnotationText.number(file, n, "high frequency", f[2]);
                Annotation a = out.remove(out.size() - 1);
                out.add(new Annotation(a.startSeconds(), a.endSeconds(), lo == -1 ? Double.NaN : lo,
                        hi == -1 ? Double.NaN : hi, a.label(), Map.of()));
                continue;
            }
            if (f.length < 2) {
                throw new AudioFileException(file, "line " + n + ": expected start<TAB>end<TAB>label");
            }
            double start = AnnotationText.number(file, n, "start time", f[0]);
            double end = AnnotationText.number(file, n, "end time", f[1]);
            AnnotationText.checkRange(file, n, start, end);
            out.add(new Annotation(start, end, f.length > 2 ? f[2] : ""));
        }
        return out;
    }

    public static void write(Path file, List<Annotation> annotations) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            for (Annotation a : annotations) {
                w.write(AnnotationText.decimal(a.startSeconds()) + "\t" + AnnotationText.decimal(a.endSeconds())
                        + "\t" + a.label().replace('\n', ' ').replace('\r', ' ') + "\n");
                if (a.hasBand()) {
                    w.write("\\\t" + AnnotationText.decimal(Double.isNaN(a.lowHz()) ? -1 : a.lowHz()) + "\t"
                            + AnnotationText.decimal(Double.isNaN(a.highHz()) ? -1 : a.highHz()) + "\n");
                }
            }
            w.flush();
        });
    }
}
