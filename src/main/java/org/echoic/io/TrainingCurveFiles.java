package org.echoic.io;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import org.echoic.train.EpochMetrics;

/**
 * Files of training curves: the per-epoch history of a run folder's {@code model.json} (read without loading
 * the weights, for overlaying earlier runs) and curve tables written as CSV, atomically. Stateless; thread-safe.
 */
public final class TrainingCurveFiles {
    private TrainingCurveFiles() {
    }

    /**
     * The metrics history of the checkpoint in {@code runDir} (or of the file {@code model.json} itself).
     *
     * @throws IOException naming the file when it is missing or not a checkpoint
     */
    public static List<EpochMetrics> readHistory(Path runDir) throws IOException {
        Path json = Files.isDirectory(runDir) ? runDir.resolve(CheckpointFolder.MODEL_JSON) : runDir;
        if (!Files.isRegularFile(json)) {
            throw new IOException(runDir + ": no " + CheckpointFolder.MODEL_JSON + " (not a training run folder)");
        }
        JsonNode root;
        try {
            root = Json.mapper().readTree(json.toFile());
        } catch (IOException e) {
            throw new IOException(json + ": unreadable: " + e.getMessage(), e);
        }
        if (!CheckpointFolder.FORMAT.equals(root.path("format").asText()) || !root.path("history").isArray()) {
            throw new IOException(json + ": not an Echoic RNN-RBM checkpoint with a metrics history");
        }
        try {
            return Json.mapper().readerForListOf(EpochMetrics.class).readValue(root.get("history"));
        } catch (IOException e) {
            throw new IOException(json + ": invalid metrics history: " + e.getMessage(), e);
        }
    }

    /**
     * Writes a table as CSV (header line, then one line per row; NaN as an empty cell), atomically.
     *
     * @throws IllegalArgumentException if a row's width differs from the header's
     */
    public static void writeCsv(Path file, List<String> header, List<double[]> rows) throws IOException {
        for (double[] r : rows) {
            if (r.length != header.size()) {
                throw new IllegalArgumentException("row of " + r.length + " values for " + header.size() + " columns");
            }
        }
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write(String.join(",", header));
            w.write('\n');
            StringBuilder line = new StringBuilder();
            for (double[] r : rows) {
                line.setLength(0);
                for (int i = 0; i < r.length; i++) {
                    if (i > 0) {
                        line.append(',');
                    }
                    if (!Double.isNaN(r[i])) {
                        line.append(String.format(Locale.ROOT, "%.8g", r[i]));
                    }
                }
                w.write(line.append('\n').toString());
            }
            w.flush();
        });
    }
}
