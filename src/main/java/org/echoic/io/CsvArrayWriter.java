package org.echoic.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes a 2-D float array (C order) as CSV for spreadsheets: one line per row, comma-separated values
 * with dot decimals (Java's shortest float text), no header. Atomic via {@link AtomicFiles}. Stateless;
 * thread-safe.
 */
public final class CsvArrayWriter {
    private CsvArrayWriter() {
    }

    /** Writes {@code rows x cols} values; a 1-D array is written with {@code cols = 1}. */
    public static void write(Path file, float[] data, int rows, int cols) throws IOException {
        if ((long) rows * cols != data.length) {
            throw new IllegalArgumentException("shape " + rows + " x " + cols + " does not match " + data.length + " values");
        }
        AtomicFiles.write(file, out -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    if (c > 0) {
                        w.write(',');
                    }
                    w.write(Float.toString(data[r * cols + c]));
                }
                w.write('\n');
            }
            w.flush();
        });
    }
}
