package org.echoic.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.echoic.rnnrbm.ComputeBackend;
import org.echoic.rnnrbm.GateActivation;
import org.echoic.rnnrbm.RmsProp;
import org.echoic.rnnrbm.RnnRbm;
import org.echoic.rnnrbm.RnnRbmConfig;
import org.echoic.rnnrbm.RnnRbmParams;
import org.echoic.train.Checkpoint;
import org.echoic.train.CheckpointStore;
import org.echoic.train.EpochMetrics;
import org.echoic.train.TrainingConfig;
import org.echoic.train.TrainingState;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
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
        Path parent = dir.getParent();
        Files.createDirectories(parent);
        Path tmp = sibling("tmp");
        Path previous = sibling("previous");
        deleteTree(tmp);
        Files.createDirectory(tmp);
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
        root.put("formatVersion", 1);
        root.put("appVersion", appVersion);
        root.put("backend", ComputeBackend.describe());
        root.put("dataType", m.dataType().name());
        root.put("model", m.config());
        root.put("parameterCount", RnnRbmParams.size(m.config()));
        root.put("training", cp.config());
        root.put("seed", cp.config().seed());
        root.put("epoch", cp.state().nextEpoch());
        root.put("state", Map.of("nextEpoch", cp.state().nextEpoch(),
                "learningRateFactor", cp.state().learningRateFactor(), "rollbacks", cp.state().rollbacks(),
                "skippedTotal", cp.state().skippedTotal()));
        root.put("randomState", m.randomState());
        root.put("data", Map.of("fingerprintSha256", cp.dataFingerprint(), "origin", cp.dataOrigin()));
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

    /** Loads the checkpoint in {@code dir} (or the previous one left by an interrupted save). */
    @SuppressWarnings("unchecked")
    public static Loaded load(Path dir) throws IOException {
        Path d = dir.toAbsolutePath().normalize();
        if (!Files.isRegularFile(d.resolve(MODEL_JSON))) {
            Path prev = d.resolveSibling("." + d.getFileName() + ".previous");
            if (Files.isRegularFile(prev.resolve(MODEL_JSON))) {
                d = prev;
            } else {
                throw new IOException(dir + ": not a model checkpoint folder (no " + MODEL_JSON + ")");
            }
        }
        JsonNode root;
        try {
            root = Json.mapper().readTree(d.resolve(MODEL_JSON).toFile());
        } catch (IOException e) {
            throw new IOException(d.resolve(MODEL_JSON) + ": unreadable: " + e.getMessage(), e);
        }
        if (!FORMAT.equals(root.path("format").asText())) {
            throw new IOException(d.resolve(MODEL_JSON) + ": not an Echoic RNN-RBM checkpoint");
        }
        try {
            JsonNode mc = root.get("model");
            RnnRbmConfig cfg = new RnnRbmConfig(mc.get("nVisible").asInt(), mc.get("nHidden").asInt(),
                    mc.get("nRecurrent").asInt(), mc.get("cdSteps").asInt(), mc.get("sampleVisible").asBoolean(),
                    GateActivation.valueOf(mc.get("gates").asText()),
                    mc.path("weightInitStd").asDouble(RnnRbmConfig.SPEC_WEIGHT_INIT_STD),
                    mc.path("recurrentInitStd").asDouble(RnnRbmConfig.SPEC_RECURRENT_INIT_STD));
            TrainingConfig tc = Json.mapper().treeToValue(root.get("training"), TrainingConfig.class);
            JsonNode st = root.get("state");
            List<EpochMetrics> history = Json.mapper().readerForListOf(EpochMetrics.class)
                    .readValue(root.get("history"));
            TrainingState state = new TrainingState(st.get("nextEpoch").asInt(),
                    st.get("learningRateFactor").asDouble(), st.get("rollbacks").asInt(),
                    st.get("skippedTotal").asLong(), history);
            DataType type = DataType.valueOf(root.path("dataType").asText("FLOAT"));
            RnnRbm model = new RnnRbm(cfg, tc.seed(), type);
            readInto(d.resolve(PARAMS), model.params().flat());
            RmsProp opt = new RmsProp(model);
            readInto(d.resolve(RMSPROP), opt.accumulator());
            JsonNode rs = root.get("randomState");
            model.setRandomState(new long[] {rs.get(0).asLong(), rs.get(1).asLong()});
            Map<String, Object> scaling = root.hasNonNull("scaling")
                    ? Json.mapper().treeToValue(root.get("scaling"), Map.class) : null;
            Map<String, Object> stft = root.hasNonNull("stft")
                    ? Json.mapper().treeToValue(root.get("stft"), Map.class) : null;
            return new Loaded(d, model, opt, tc, state, root.path("data").path("fingerprintSha256").asText(),
                    root.path("data").path("origin").asText(), root.path("appVersion").asText(),
                    root.path("backend").asText(), scaling, stft, root.path("paramsSha256").asText(null),
                    root.path("partialEpochBatches").asInt(0));
        } catch (RuntimeException e) {
            throw new IOException(d.resolve(MODEL_JSON) + ": invalid checkpoint: " + e.getMessage(), e);
        }
    }

    private static void readInto(Path file, INDArray target) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": missing");
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            INDArray a = Nd4j.read(in);
            if (a.length() != target.length()) {
                throw new IOException(file + ": has " + a.length() + " values, the model needs " + target.length());
            }
            target.assign(a.reshape(target.shape()).castTo(target.dataType()));
            a.close();
        }
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
