package org.echoic.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import org.echoic.io.CsvArrayWriter;
import org.echoic.io.NpyWriter;

/** Writes a (rows, cols) float32 array as .npy or .csv, chosen by the output's extension. */
final class ArrayExport {
    private ArrayExport() {
    }

    static void write(Path out, float[] data, int rows, int cols) throws IOException {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".npy")) {
            NpyWriter.writeFloat32(out, data, rows, cols);
        } else if (name.endsWith(".csv")) {
            CsvArrayWriter.write(out, data, rows, cols);
        } else {
            throw new IllegalArgumentException("--out must end in .npy or .csv: " + out);
        }
    }
}
