package org.echoic.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.echoic.generate.GenerationParams;
import org.echoic.generate.GenerationProvenance;

/**
 * The JSON sidecar of a generated sequence ({@code NAME.json}, UTF-8, format {@value #FORMAT} version 1):
 * the {@link GenerationProvenance} plus the files written beside it. Written atomically. Stateless;
 * thread-safe.
 */
public final class GenerationSidecar {
    /** Format name written into the sidecar. */
    public static final String FORMAT = "echoic-generated-sequence";
    static final String WEIGHTS = CheckpointFolder.PARAMS;

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
        root.put("formatVersion", 1);
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

    /** Reads a sidecar back. */
    public static GenerationProvenance read(Path file) throws IOException {
        JsonNode root;
        try {
            root = Json.mapper().readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new IOException(file + ": unreadable: " + e.getMessage(), e);
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new IOException(file + ": not an Echoic generated-sequence sidecar");
        }
        try {
            JsonNode m = root.get("model");
            JsonNode g = root.get("generation");
            JsonNode pr = root.get("prime");
            JsonNode a = root.get("audio");
            GenerationParams params = new GenerationParams(g.get("frames").asInt(), g.get("gibbsSteps").asInt(),
                    g.get("temperature").asDouble(), g.get("sampleFrames").asBoolean(),
                    g.get("fromPrevious").asBoolean(), g.get("batchSeed").asLong());
            return new GenerationProvenance(m.get("dir").asText(), m.get("weightsSha256").asText(),
                    m.get("epoch").asInt(), m.path("dataFingerprintSha256").asText(), params, g.get("count").asInt(),
                    g.get("index").asInt(), g.get("seed").asLong(),
                    pr.hasNonNull("source") ? pr.get("source").asText() : null, pr.get("segment").asInt(),
                    pr.get("frames").asInt(), a.hasNonNull("sampleRateHz") ? a.get("sampleRateHz").asDouble()
                    : Double.NaN, a.get("griffinLimIterations").asInt(), root.path("appVersion").asText(),
                    pr.path("startFrame").asLong(-1), pr.path("endFrame").asLong(-1), pr.path("channel").asInt(-1));
        } catch (RuntimeException e) {
            throw new IOException(file + ": invalid sidecar: " + e.getMessage(), e);
        }
    }
}
