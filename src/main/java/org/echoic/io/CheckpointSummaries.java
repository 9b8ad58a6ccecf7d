package org.echoic.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The checkpoints of a training run folder, read from their {@code model.json} alone (no weights): the folder
 * itself if it is a checkpoint, and every checkpoint folder below it (two levels deep; hidden folders, such
 * as the temporary and previous folders of an atomic save, are skipped), plus, when the folder is a run's
 * checkpoint, its epoch snapshots in {@code <runFolder>.epochs} ({@link CheckpointHistory}). Stateless; thread-safe.
 */
public final class CheckpointSummaries {
    private static final int DEPTH = 2;

    private CheckpointSummaries() {
    }

    /**
     * What a checkpoint's model.json says about it.
     *
     * @param epochs           finished epochs
     * @param trainCost        last epoch's training CD cost (NaN if no epoch)
     * @param validationCost   last epoch's validation CD cost (NaN without validation)
     * @param reconstruction   last epoch's training reconstruction monitor (NaN if no epoch)
     * @param modified         modification time of model.json
     * @param dataFingerprint  SHA-256 of the training sequences (null if not recorded)
     * @param bestEpoch        the epoch (1-based) with the best validation score, 0 if none was recorded
     * @param weightsAreBest   true when the saved weights are that best epoch's
     */
    public record Summary(Path dir, int epochs, int nVisible, int nHidden, int nRecurrent, double trainCost,
                          double validationCost, double reconstruction, String dataOrigin, FileTime modified,
                          String dataFingerprint, int bestEpoch, boolean weightsAreBest) {
    }

    /** Every readable checkpoint in {@code runFolder}, by epoch then time; unreadable ones are skipped. */
    public static List<Summary> list(Path runFolder) throws IOException {
        if (!Files.isDirectory(runFolder)) {
            throw new IOException(runFolder + ": not a folder");
        }
        List<Summary> out = new ArrayList<>();
        collect(runFolder, out);
        Path epochs = CheckpointHistory.epochsDir(runFolder);
        if (Files.isRegularFile(runFolder.resolve(CheckpointFolder.MODEL_JSON)) && Files.isDirectory(epochs)) {
            collect(epochs, out);
        }
        out.sort(Comparator.comparingInt(Summary::epochs).thenComparing(Summary::modified)
                .thenComparing(s -> s.dir().toString()));
        return out;
    }

    private static void collect(Path runFolder, List<Summary> out) throws IOException {
        try (Stream<Path> walk = Files.walk(runFolder, DEPTH)) {
            for (Path d : (Iterable<Path>) walk.filter(Files::isDirectory)::iterator) {
                boolean hidden = !d.equals(runFolder) && d.getFileName().toString().startsWith(".");
                if (!hidden && Files.isRegularFile(d.resolve(CheckpointFolder.MODEL_JSON))) {
                    try {
                        out.add(read(d));
                    } catch (IOException e) {
                        // a checkpoint being written or damaged: not listed
                    }
                }
            }
        }
    }

    /** The most recently written checkpoint of {@code runFolder}, or null if there is none. */
    public static Summary latest(Path runFolder) throws IOException {
        return list(runFolder).stream().max(Comparator.comparing(Summary::modified)
                .thenComparingInt(Summary::epochs)).orElse(null);
    }

    /** {@code dir} if it is a checkpoint, else the newest checkpoint of the run folder {@code dir}. */
    public static Path checkpointIn(Path dir) throws IOException {
        if (java.nio.file.Files.isRegularFile(dir.resolve(CheckpointFolder.MODEL_JSON))) {
            return dir;
        }
        Summary newest = java.nio.file.Files.isDirectory(dir) ? latest(dir) : null;
        if (newest == null) {
            throw new IOException(dir + ": no model checkpoint (model.json) in this folder");
        }
        return newest.dir();
    }

    /** Reads the summary of one checkpoint folder (its model.json checked as {@link CheckpointFolder#load} does). */
    public static Summary read(Path dir) throws IOException {
        Path json = dir.resolve(CheckpointFolder.MODEL_JSON);
        CheckpointReader.Header h = CheckpointReader.readHeader(json);
        JsonNode root = h.root().node();
        List<org.echoic.train.EpochMetrics> history = h.state().history();
        org.echoic.train.EpochMetrics last = history.isEmpty() ? null : history.get(history.size() - 1);
        return new Summary(dir.toAbsolutePath().normalize(), (int) h.root().whole("epoch", 0, Integer.MAX_VALUE,
                history.size()), h.config().nVisible(), h.config().nHidden(), h.config().nRecurrent(),
                last == null ? Double.NaN : last.trainCost(),
                last == null || last.validation() == null ? Double.NaN : last.validation().cost(),
                last == null ? Double.NaN : last.trainReconstruction(), root.path("data").path("origin").asText(""),
                Files.getLastModifiedTime(json), root.path("data").path("fingerprintSha256").asText(null),
                h.state().bestEpoch() + 1, root.path("best").path("weightsAreBest").asBoolean(false));
    }
}
