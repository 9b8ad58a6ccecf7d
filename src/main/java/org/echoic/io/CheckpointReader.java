package org.echoic.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import org.echoic.rnnrbm.GateActivation;
import org.echoic.rnnrbm.RmsProp;
import org.echoic.rnnrbm.RnnRbm;
import org.echoic.rnnrbm.RnnRbmConfig;
import org.echoic.rnnrbm.RnnRbmParams;
import org.echoic.train.EpochMetrics;
import org.echoic.train.TrainingConfig;
import org.echoic.train.TrainingState;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Reads checkpoint folders ({@link CheckpointFolder}) with every field of {@code model.json} checked before it is
 * used: the format and its version (a newer version is refused by name), layer sizes, CD and prediction steps,
 * epochs and counters (never negative), the generator state, and the memory the model would take against
 * {@link ReadLimits}; then the weights files' headers against the sizes model.json gives and against their own
 * lengths, and their SHA-256 against the one model.json records. Every refusal is one line naming the file and the
 * field. Stateless; thread-safe.
 */
final class CheckpointReader {
    /** The newest checkpoint format version this code reads. */
    static final int FORMAT_VERSION = 1;
    /** Largest layer accepted in model.json (the memory check refuses most large ones earlier). */
    static final int MAX_UNITS = 1 << 20;
    /** Copies of the parameters a loaded model holds (weights, RMSProp average, gradients, a working copy). */
    static final int PARAMETER_COPIES = 4;
    private static final int MAX_HISTORY = 10_000_000;
    private static final int MAX_STAGES = 10_000;
    private static final int MAX_TEXT = 100_000;
    /** Fields a newer version adds to the training configuration or the metrics are ignored, never fatal. */
    private static final DeserializationFeature UNKNOWN_FATAL = DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES;

    private CheckpointReader() {
    }

    /** What model.json says, checked; no weights read. */
    record Header(Path file, RnnRbmConfig config, DataType dataType, long parameterCount, TrainingConfig training,
                  TrainingState state, JsonFields root) {
    }

    /** Reads and checks {@code file} (a model.json). */
    static Header readHeader(Path file) throws IOException {
        JsonFields root = document(file);
        RnnRbmConfig cfg = config(root.object("model"));
        DataType type = root.has("dataType") ? switch (root.text("dataType", 20)) {
            case "FLOAT" -> DataType.FLOAT;
            case "DOUBLE" -> DataType.DOUBLE;
            default -> throw root.error("dataType", "must be FLOAT or DOUBLE, found '" + root.text("dataType", 20)
                    + "'");
        } : DataType.FLOAT;
        long count = RnnRbmParams.size(cfg);
        if (root.has("parameterCount") && root.whole("parameterCount", 0, Long.MAX_VALUE) != count) {
            throw root.error("parameterCount", "says " + root.whole("parameterCount", 0, Long.MAX_VALUE)
                    + " parameters, the layer sizes in model give " + count);
        }
        ReadLimits.budget(file).reserve(ReadLimits.Budget.product(count,
                (type == DataType.DOUBLE ? 8L : 4L) * PARAMETER_COPIES), "model");
        TrainingConfig training = training(root, root.object("training"));
        TrainingState state = state(root);
        root.whole("epoch", 0, Integer.MAX_VALUE, 0);
        root.integer("partialEpochBatches", 0, Integer.MAX_VALUE, 0);
        return new Header(file, cfg, type, count, training, state, root);
    }

    /** The metrics history of {@code file} (a model.json), checked; nothing else is required of the file. */
    static List<EpochMetrics> readHistory(Path file) throws IOException {
        return history(document(file));
    }

    /** The checked top level of a model.json: a checkpoint of a format version this code reads. */
    private static JsonFields document(Path file) throws IOException {
        byte[] bytes = ReadLimits.readDocument(file, "a checkpoint's model.json");
        JsonFields root = JsonFields.root(file, JsonErrors.parse(Json.mapper(), file, bytes),
                "an Echoic checkpoint's model.json");
        String format = root.text("format", 200, "");
        if (!CheckpointFolder.FORMAT.equals(format)) {
            throw new InvalidFileException(file, null, "is not an Echoic RNN-RBM checkpoint (its format is "
                    + (format.isEmpty() ? "not given" : "'" + format + "'") + ")");
        }
        int version = root.integer("formatVersion", 1, Integer.MAX_VALUE, 1);
        if (version > FORMAT_VERSION) {
            throw root.error("formatVersion", "checkpoint format " + version + " is newer than this Echoic reads ("
                    + FORMAT_VERSION + "): open it with a newer Echoic");
        }
        return root;
    }

    /** Loads the checkpoint whose model.json is {@code json} in folder {@code d}. */
    static CheckpointFolder.Loaded load(Path d, Path json) throws IOException {
        Header h = readHeader(json);
        JsonFields root = h.root();
        long[] random = randomState(root);
        String sha = root.text("paramsSha256", 100, null);
        if (sha != null && !sha.matches("[0-9a-f]{64}")) {
            throw root.error("paramsSha256", "must be 64 hexadecimal digits, found '" + sha + "'");
        }
        Map<String, Object> scaling = opaque(root, "scaling");
        Map<String, Object> stft = opaque(root, "stft");
        JsonFields data = root.objectOrNull("data");
        String fingerprint = data == null ? "" : data.text("fingerprintSha256", 200, "");
        String origin = data == null ? "" : data.text("origin", MAX_TEXT, "");
        Nd4jArrayFile.requireLength(d.resolve(CheckpointFolder.PARAMS), h.parameterCount());
        Nd4jArrayFile.requireLength(d.resolve(CheckpointFolder.RMSPROP), h.parameterCount());
        RnnRbm model = new RnnRbm(h.config(), h.training().seed(), h.dataType());
        RmsProp opt = null;
        try {
            MessageDigest digest = sha == null ? null : sha256();
            Nd4jArrayFile.readInto(d.resolve(CheckpointFolder.PARAMS), model.params().flat(), digest);
            if (digest != null && !HexFormat.of().formatHex(digest.digest()).equals(sha)) {
                throw new InvalidFileException(d.resolve(CheckpointFolder.PARAMS), null, "its SHA-256 differs from "
                        + "paramsSha256 in model.json: the weights are damaged or from another checkpoint");
            }
            opt = new RmsProp(model);
            Nd4jArrayFile.readInto(d.resolve(CheckpointFolder.RMSPROP), opt.accumulator(), null);
            model.setRandomState(random);
            return new CheckpointFolder.Loaded(d, model, opt, h.training(), h.state(), fingerprint, origin,
                    root.text("appVersion", 200, ""), root.text("backend", MAX_TEXT, ""), scaling, stft, sha,
                    root.integer("partialEpochBatches", 0, Integer.MAX_VALUE, 0));
        } catch (IOException | RuntimeException e) {
            if (opt != null) {
                opt.close();
            }
            model.close();
            throw e;
        }
    }

    private static RnnRbmConfig config(JsonFields m) throws InvalidFileException {
        int visible = m.integer("nVisible", 1, MAX_UNITS);
        int hidden = m.integer("nHidden", 1, MAX_UNITS);
        int recurrent = m.integer("nRecurrent", 1, MAX_UNITS);
        int k = m.integer("cdSteps", 1, RnnRbmConfig.MAX_CD_STEPS);
        boolean sample = m.bool("sampleVisible");
        GateActivation gates = m.choice("gates", GateActivation.class);
        double w = m.number("weightInitStd", 0, 1e6, RnnRbmConfig.SPEC_WEIGHT_INIT_STD);
        double r = m.number("recurrentInitStd", 0, 1e6, RnnRbmConfig.SPEC_RECURRENT_INIT_STD);
        try {
            return new RnnRbmConfig(visible, hidden, recurrent, k, sample, gates, w, r);
        } catch (IllegalArgumentException e) {
            throw m.error(null, e.getMessage());
        }
    }

    private static TrainingConfig training(JsonFields root, JsonFields t) throws InvalidFileException {
        t.integer("batchSize", 1, 1_000_000);
        t.integer("epochsPerStage", 1, 100_000_000);
        List<JsonNode> rates = t.list("learningRates", MAX_STAGES);
        if (rates.isEmpty()) {
            throw t.error("learningRates", "is empty (a curriculum needs at least one rate)");
        }
        for (int i = 0; i < rates.size(); i++) {
            t.numberOf(rates.get(i), t.path("learningRates") + "[" + i + "]", Double.MIN_VALUE, 1e6);
        }
        t.bool("resetRmsPropPerStage", false);
        t.number("l1", 0, 1e6, 0);
        t.number("l2", 0, 1e6, 0);
        t.integer("windowFrames", 0, Integer.MAX_VALUE, 0);
        t.integer("predictionSteps", 1, RnnRbmConfig.MAX_CD_STEPS);
        t.integer("maxFailures", 1, 1_000_000);
        t.whole("seed", Long.MIN_VALUE, Long.MAX_VALUE);
        try {
            return Json.mapper().readerFor(TrainingConfig.class).without(UNKNOWN_FATAL).readValue(t.node());
        } catch (JsonProcessingException e) {
            throw prefixed(root, "training", JsonErrors.describe(root.file(), e));
        } catch (IOException e) {
            throw new InvalidFileException(root.file(), "training", "cannot be read");
        }
    }

    private static TrainingState state(JsonFields root) throws InvalidFileException {
        JsonFields st = root.object("state");
        int next = st.integer("nextEpoch", 0, Integer.MAX_VALUE);
        double factor = st.number("learningRateFactor", Double.MIN_VALUE, 1);
        int rollbacks = st.integer("rollbacks", 0, Integer.MAX_VALUE);
        long skipped = st.whole("skippedTotal", 0, Long.MAX_VALUE);
        return new TrainingState(next, factor, rollbacks, skipped, history(root));
    }

    private static List<EpochMetrics> history(JsonFields root) throws InvalidFileException {
        List<JsonFields> entries = root.objects("history", MAX_HISTORY);
        for (JsonFields e : entries) {
            e.integer("epoch", 0, Integer.MAX_VALUE);
            e.integer("stage", 0, Integer.MAX_VALUE);
        }
        try {
            return Json.mapper().readerForListOf(EpochMetrics.class).without(UNKNOWN_FATAL)
                    .readValue(root.node().get("history"));
        } catch (IOException e) {
            throw prefixed(root, "history", e instanceof JsonProcessingException j ? JsonErrors.describe(root.file(), j)
                    : new InvalidFileException(root.file(), "history", "cannot be read"));
        }
    }

    private static long[] randomState(JsonFields root) throws InvalidFileException {
        List<JsonNode> rs = root.list("randomState", 2);
        if (rs.size() != 2) {
            throw root.error("randomState", "must hold two whole numbers, found " + rs.size());
        }
        long[] out = new long[2];
        for (int i = 0; i < 2; i++) {
            out[i] = root.wholeOf(rs.get(i), "randomState[" + i + "]", Long.MIN_VALUE, Long.MAX_VALUE);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> opaque(JsonFields root, String name) throws InvalidFileException {
        JsonFields o = root.objectOrNull(name);
        return o == null ? null : Json.mapper().convertValue(o.node(), Map.class);
    }

    /** {@code e} with its field path under {@code prefix} (Jackson's paths start at the converted node). */
    private static InvalidFileException prefixed(JsonFields root, String prefix, InvalidFileException e) {
        String field = e.field() == null ? prefix : e.field().startsWith("[") ? prefix + e.field()
                : prefix + "." + e.field();
        return new InvalidFileException(root.file(), field, e.problem(), e);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The model.json of checkpoint folder {@code dir}, or of the previous folder an interrupted save left. */
    static Path modelJson(Path dir) throws InvalidFileException {
        Path d = dir.toAbsolutePath().normalize();
        if (Files.isRegularFile(d.resolve(CheckpointFolder.MODEL_JSON))) {
            return d.resolve(CheckpointFolder.MODEL_JSON);
        }
        Path prev = d.resolveSibling("." + d.getFileName() + ".previous");
        if (Files.isRegularFile(prev.resolve(CheckpointFolder.MODEL_JSON))) {
            return prev.resolve(CheckpointFolder.MODEL_JSON);
        }
        throw new InvalidFileException(dir, null, "not a model checkpoint folder (no " + CheckpointFolder.MODEL_JSON
                + ")");
    }
}
