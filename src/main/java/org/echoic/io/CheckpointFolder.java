package org.echoic.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.echoic.rnnrbm.ComputeBackend;
import org.echoic.rnnrbm.RmsProp;
import org.echoic.rnnrbm.RnnRbm;
import org.echoic.rnnrbm.RnnRbmParams;
import org.echoic.train.Checkpoint;
import org.echoic.train.CheckpointStore;
import org.echoic.train.TrainingConfig;
import org.echoic.train.TrainingState;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A model checkpoint folder: {@code model.json} (configuration, training state, metrics history, data
 * fingerprint, seed, generator state, scaling and STFT settings, app version, backend) plus {@code params.bin}
 * and {@code rmsprop.bin} (ND4J binary). Saved atomically: everything is written and fsynced into a
 * temporary sibling folder, the previous folder is renamed aside, the new one renamed into place, and only
 * then the previous one deleted; {@link #load} recovers the previous folder if a save was killed between the
 * two renames. Not thread-safe for concurrent saves to one folder.
 */
public final class CheckpointFolder implements CheckpointStore {
    /** Format name written into model.json. */
    public static final String FORMAT = "echoic-rnnrbm-checkpoint";
    static final String MODEL_JSON = "model.json";
    static final String PARAMS = "params.bin";
    static final String RMSPROP = "rmsprop.bin";

    /** Test hook: called at named points of a save; may throw to simulate a crash. */
    @FunctionalInterface
    interface FaultPoint {
        void reached(String point) throws IOException;
    }

    private final Path dir;
    private final String appVersion;
    private final Map<String, Object> scaling;
    private final Map<String, Object> stft;
    FaultPoint faults = point -> { };

    /**
     * @param appVersion the application's version (from the CLI or UI)
     * @param scaling    the frame scaling (opaque, may be null)
     * @param stft       STFT settings (opaque, may be null)
     */
    public CheckpointFolder(Path dir, String appVersion, Map<String, Object> scaling, Map<String, Object> stft) {
        this.dir = dir.toAbsolutePath().normalize();
        this.appVersion = appVersion;
        this.scaling = scaling;
        this.stft = stft;
    }

    /** The folder. */
    public Path dir() {
        return dir;
    }

    @Override
    public void save(Checkpoint cp) throws IOException {
        save(cp, 0);
    }

    /**
     * Saves a checkpoint taken {@code batchesIntoEpoch} batches into the epoch after the state's last finished
     * one (a run stopped mid-epoch; 0 = at an epoch boundary). Recorded as {@code partialEpochBatches}: such
     * weights cannot be reached again by whole epochs from scratch.
     */
    public void save(Checkpoint cp, int batchesIntoEpoch) throws IOException {
        try {
            saveOrFail(cp, batchesIntoEpoch);
        } catch (AtomicFiles.WriteFailedException e) {
            throw e;
        } catch (IOException e) {
            throw new AtomicFiles.WriteFailedException(dir, e);
        }
    }

    private void saveOrFail(Checkpoint cp, int batchesIntoEpoch) throws IOException {
        Path parent = dir.getParent();
        Files.createDirectories(parent);
        Path tmp = sibling("tmp");
        Path previous = sibling("previous");
        deleteTree(tmp);
        Files.createDirectory(tmp);
        try {
            writeInto(tmp, cp, batchesIntoEpoch);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(tmp);
            throw e;
        }
        faults.reached("written");
        if (Files.exists(dir)) {
            deleteTree(previous);
            AtomicFiles.move(dir, previous);
            faults.reached("moved-aside");
        }
        AtomicFiles.move(tmp, dir);
        fsyncDir(parent);
        deleteTree(previous);
    }

    private void writeInto(Path tmp, Checkpoint cp, int batchesIntoEpoch) throws IOException {
        java.security.MessageDigest sha = sha256();
        writeFile(tmp.resolve(PARAMS), out -> Nd4j.write(keepOpen(new java.security.DigestOutputStream(out, sha)),
                cp.model().params().flat()));
        writeFile(tmp.resolve(RMSPROP), out -> Nd4j.write(keepOpen(out), cp.optimizer().accumulator()));
        Map<String, Object> root = describe(cp);
        root.put("partialEpochBatches", batchesIntoEpoch);
        root.put("paramsSha256", java.util.HexFormat.of().formatHex(sha.digest()));
        byte[] json = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        writeFile(tmp.resolve(MODEL_JSON), out -> out.write(json));
        fsyncDir(tmp);
    }

    /** Deletes a temporary folder after a failed save; a failure to delete leaves it for the next save to remove. */
    private static void deleteQuietly(Path p) {
        try {
            deleteTree(p);
        } catch (IOException e) {
            // the next save deletes it first; the checkpoint itself is untouched
        }
    }

    private static java.security.MessageDigest sha256() {
        try {
            return java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path sibling(String what) {
        return dir.resolveSibling("." + dir.getFileName() + "." + what);
    }

    private Map<String, Object> describe(Checkpoint cp) {
        RnnRbm m = cp.model();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("formatVersion", CheckpointReader.FORMAT_VERSION);
        root.put("appVersion", appVersion);
        root.put("backend", ComputeBackend.describe());
        root.put("dataType", m.dataType().name());
        root.put("model", m.config());
        root.put("parameterCount", RnnRbmParams.size(m.config()));
        root.put("training", cp.config());
        root.put("seed", cp.config().seed());
        root.put("epoch", cp.state().nextEpoch());
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("nextEpoch", cp.state().nextEpoch());
        state.put("learningRateFactor", cp.state().learningRateFactor());
        state.put("rollbacks", cp.state().rollbacks());
        state.put("skippedTotal", cp.state().skippedTotal());
        root.put("state", state);
        root.put("randomState", m.randomState());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("fingerprintSha256", cp.dataFingerprint());
        data.put("origin", cp.dataOrigin());
        root.put("data", data);
        root.put("scaling", scaling);
        root.put("stft", stft);
        root.put("history", cp.state().history());
        return root;
    }

    /** What {@link #load} returns: a ready model and optimiser plus everything model.json says. */
    public record Loaded(Path dir, RnnRbm model, RmsProp optimizer, TrainingConfig config, TrainingState state,
                         String dataFingerprint, String dataOrigin, String appVersion, String backend,
                         Map<String, Object> scaling, Map<String, Object> stft, String paramsSha256,
                         int partialEpochBatches) {
    }

    /**
     * Loads the checkpoint in {@code dir} (or the previous one left by an interrupted save), every field checked
     * before it is used (see {@link CheckpointReader}).
     *
     * @throws InvalidFileException naming the file and the field when the checkpoint is not one this Echoic reads
     */
    public static Loaded load(Path dir) throws IOException {
        Path json = CheckpointReader.modelJson(dir);
        return CheckpointReader.load(json.getParent(), json);
    }

    private static void writeFile(Path file, AtomicFiles.Content content) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             OutputStream out = new java.io.BufferedOutputStream(java.nio.channels.Channels.newOutputStream(ch),
                     1 << 16)) {
            content.writeTo(out);
            out.flush();
            ch.force(true);
        }
    }

    /** Nd4j.write closes its stream; the caller still has to flush and fsync. */
    private static OutputStream keepOpen(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    private static void fsyncDir(Path d) {
        try (FileChannel ch = FileChannel.open(d, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Directories cannot be opened for fsync on every platform; the file contents are already synced.
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(q);
            }
        }
    }
}
