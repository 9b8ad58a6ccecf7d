package org.echoic.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.echoic.generate.GenerationParams;
import org.echoic.generate.GenerationProvenance;
import org.echoic.rnnrbm.RnnRbmConfig;

/**
 * The JSON sidecar of a generated sequence ({@code NAME.json}, UTF-8, format {@value #FORMAT} version 1):
 * the {@link GenerationProvenance} plus the files written beside it. Written atomically. Stateless;
 * thread-safe.
 */
public final class GenerationSidecar {
    /** Format name written into the sidecar. */
    public static final String FORMAT = "echoic-generated-sequence";
    static final String WEIGHTS = CheckpointFolder.PARAMS;
    /** The newest sidecar format version this code reads. */
    static final int FORMAT_VERSION = 1;
    /** Most frames one generated sequence may have. */
    public static final int MAX_FRAMES = 10_000_000;
    /** Most sequences one generation may make. */
    public static final int MAX_COUNT = 100_000;
    private static final int TEXT = 100_000;

    private GenerationSidecar() {
    }

    /** SHA-256 of a checkpoint folder's weights file (the model's fingerprint). */
    public static String modelFingerprint(Path modelDir) throws IOException {
        try {
            return FileHashes.sha256Of(modelDir.resolve(WEIGHTS), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while hashing " + modelDir.resolve(WEIGHTS), e);
        }
    }

    /** Writes the sidecar; {@code files} maps a kind (wav, npy, csv, png, raven) to a file name. */
    public static void write(Path file, GenerationProvenance p, Map<String, String> files) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("formatVersion", FORMAT_VERSION);
        root.put("appVersion", p.appVersion());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("dir", p.modelDir());
        model.put("weightsSha256", p.modelFingerprint());
        model.put("epoch", p.epoch());
        model.put("dataFingerprintSha256", p.dataFingerprint());
        root.put("model", model);
        GenerationParams g = p.params();
        Map<String, Object> gen = new LinkedHashMap<>();
        gen.put("frames", g.frames());
        gen.put("gibbsSteps", g.gibbsSteps());
        gen.put("temperature", g.temperature());
        gen.put("sampleFrames", g.sampleFrames());
        gen.put("fromPrevious", g.fromPrevious());
        gen.put("batchSeed", g.seed());
        gen.put("count", p.count());
        gen.put("index", p.index());
        gen.put("seed", p.sequenceSeed());
        root.put("generation", gen);
        Map<String, Object> prime = new LinkedHashMap<>();
        prime.put("source", p.primeSource());
        prime.put("segment", p.primeSegment());
        prime.put("frames", p.primeFrames());
        if (p.primeStartFrame() >= 0) {
            prime.put("startFrame", p.primeStartFrame());
            prime.put("endFrame", p.primeEndFrame());
            prime.put("channel", p.primeChannel());
        }
        root.put("prime", prime);
        Map<String, Object> audio = new LinkedHashMap<>();
        audio.put("sampleRateHz", Double.isNaN(p.sampleRateHz()) ? null : p.sampleRateHz());
        audio.put("griffinLimIterations", p.griffinLimIterations());
        root.put("audio", audio);
        root.put("files", files);
        byte[] json = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        AtomicFiles.write(file, out -> out.write(json));
    }

    /**
     * Reads a sidecar back, every field checked (counts, steps and frames within what a generation can use; a newer
     * format version refused by name).
     *
     * @throws InvalidFileException naming the file and the field
     */
    public static GenerationProvenance read(Path file) throws IOException {
        byte[] bytes = ReadLimits.readDocument(file, "a generated sequence's sidecar");
        JsonFields root = JsonFields.root(file, JsonErrors.parse(Json.mapper(), file, bytes),
                "an Echoic generated-sequence sidecar");
        if (!FORMAT.equals(root.text("format", 200, ""))) {
            throw new InvalidFileException(file, null, "is not an Echoic generated-sequence sidecar");
        }
        int version = root.integer("formatVersion", 1, Integer.MAX_VALUE, 1);
        if (version > FORMAT_VERSION) {
            throw root.error("formatVersion", "sidecar format " + version + " is newer than this Echoic reads ("
                    + FORMAT_VERSION + "): open it with a newer Echoic");
        }
        JsonFields m = root.object("model");
        JsonFields g = root.object("generation");
        JsonFields pr = root.object("prime");
        JsonFields a = root.object("audio");
        int count = g.integer("count", 1, MAX_COUNT);
        GenerationParams params = new GenerationParams(g.integer("frames", 1, MAX_FRAMES),
                g.integer("gibbsSteps", 1, RnnRbmConfig.MAX_CD_STEPS), g.number("temperature", Double.MIN_VALUE, 1e6),
                g.bool("sampleFrames"), g.bool("fromPrevious"), g.whole("batchSeed", Long.MIN_VALUE, Long.MAX_VALUE));
        return new GenerationProvenance(m.text("dir", TEXT), m.text("weightsSha256", TEXT),
                m.integer("epoch", 0, Integer.MAX_VALUE), m.text("dataFingerprintSha256", TEXT, ""), params, count,
                g.integer("index", 0, count - 1), g.whole("seed", Long.MIN_VALUE, Long.MAX_VALUE),
                pr.text("source", TEXT, null), pr.integer("segment", -1, Integer.MAX_VALUE),
                pr.integer("frames", 0, MAX_FRAMES), a.number("sampleRateHz", Double.MIN_VALUE, 1e8, Double.NaN),
                a.integer("griffinLimIterations", 0, 100_000), root.text("appVersion", TEXT, ""),
                pr.whole("startFrame", -1, Long.MAX_VALUE, -1), pr.whole("endFrame", -1, Long.MAX_VALUE, -1),
                pr.integer("channel", -1, 1 << 16, -1));
    }
}
