package org.echoic.io;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

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
        return CheckpointReader.readHistory(json);
    }

    /**
     * One curve: its name and points (x in epochs).
     *
     * @param name series name (quoted in the file when it holds a comma or quote)
     * @param x    positions in epochs
     * @param y    values (NaN written as an empty cell)
     */
    public record Curve(String name, double[] x, double[] y) {
        public Curve {
            if (x.length != y.length) {
                throw new IllegalArgumentException(name + ": " + x.length + " positions but " + y.length + " values");
            }
        }
    }

    /** Writes curves as CSV in long form ({@code series,epoch,value}, one line per point), atomically. */
    public static void writeCsv(Path file, List<Curve> curves) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write("series,epoch,value\n");
            StringBuilder line = new StringBuilder();
            for (Curve c : curves) {
                String name = c.name().contains(",") || c.name().contains("\"")
                        ? "\"" + c.name().replace("\"", "\"\"") + "\"" : c.name();
                for (int i = 0; i < c.x().length; i++) {
                    line.setLength(0);
                    line.append(name).append(',').append(String.format(Locale.ROOT, "%.6f", c.x()[i])).append(',');
                    if (!Double.isNaN(c.y()[i])) {
                        line.append(String.format(Locale.ROOT, "%.8g", c.y()[i]));
                    }
                    w.write(line.append('\n').toString());
                }
            }
            w.flush();
        });
    }
}
