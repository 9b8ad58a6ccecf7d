package org.echoic.io;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.echoic.measure.MeasuredSelection;
import org.echoic.measure.PitchContour;

/**
 * Writes F0 contours as CSV, atomically: header {@code time_s,f0_hz,confidence,selection,label}, one row per voiced
 * frame (time: the frame's centre in seconds from the start of the recording; selection: the 1-based row of the
 * measured table). Stateless; thread-safe.
 */
public final class PitchContourCsv {

    private PitchContourCsv() {
    }

    /** Writes the voiced frames of every measured selection that has a contour. */
    public static void write(Path file, List<MeasuredSelection> measured) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write("time_s,f0_hz,confidence,selection,label\n");
            for (int s = 0; s < measured.size(); s++) {
                PitchContour c = measured.get(s).pitch();
                if (c == null) {
                    continue;
                }
                String label = csv(measured.get(s).selection().label());
                for (int i = 0; i < c.size(); i++) {
                    if (c.voiced(i)) {
                        w.write(String.format(Locale.ROOT, "%.6f,%.3f,%.4f,%d,%s\n", c.timeSeconds(i), c.f0Hz(i),
                                c.confidence(i), s + 1, label));
                    }
                }
            }
            w.flush();
        });
    }

    private static String csv(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
