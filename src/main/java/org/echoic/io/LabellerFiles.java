package org.echoic.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.echoic.label.FeatureSpec;
import org.echoic.label.LabelNetwork;
import org.echoic.label.Labeller;
import org.echoic.label.LabellerTrainer;
import org.echoic.label.Normaliser;

/**
 * A labeller's model folder: {@code labeller.json} (format, task, network, classes, feature settings, the
 * normalisation, window, sample rate, training settings and history, provenance) and {@code network.zip} (DL4J's
 * model file with its updater state). Saves write a sibling folder and rename it into place, so a kill during a save
 * leaves the previous model loadable. Stateless; thread-safe.
 */
public final class LabellerFiles {
    public static final String FORMAT = "echoic-labeller";
    public static final int VERSION = 1;
    public static final String JSON = "labeller.json";
    public static final String NETWORK = "network.zip";

    /**
     * A loaded model.
     *
     * @param labeller the network and its settings
     * @param history  the epochs it was trained
     * @param info     the rest of {@code labeller.json} (training settings, provenance) as read
     */
    public record Loaded(Labeller labeller, List<LabellerTrainer.EpochResult> history, Map<String, Object> info) {
    }

    private LabellerFiles() {
    }

    /**
     * Writes {@code labeller} into folder {@code dir} (replaced atomically).
     *
     * @param provenance further entries of {@code labeller.json} (training settings, data, versions)
     */
    public static void save(Path dir, Labeller labeller, List<LabellerTrainer.EpochResult> history,
                            Map<String, Object> provenance) throws IOException {
        Path d = dir.toAbsolutePath().normalize();
        Files.createDirectories(d.getParent());
        Path tmp = d.resolveSibling("." + d.getFileName() + ".tmp");
        Path previous = d.resolveSibling("." + d.getFileName() + ".previous");
        CheckpointFolder.deleteTree(tmp);
        Files.createDirectory(tmp);
        ByteArrayOutputStream net = new ByteArrayOutputStream();
        ModelSerializer.writeModel(labeller.net(), net, true);
        byte[] netBytes = net.toByteArray();
        AtomicFiles.write(tmp.resolve(NETWORK), out -> out.write(netBytes));
        byte[] json = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(describe(labeller, history,
                provenance));
        AtomicFiles.write(tmp.resolve(JSON), out -> out.write(json));
        if (Files.exists(d)) {
            CheckpointFolder.deleteTree(previous);
            AtomicFiles.move(d, previous);
        }
        AtomicFiles.move(tmp, d);
        CheckpointFolder.deleteTree(previous);
    }

    private static Map<String, Object> describe(Labeller l, List<LabellerTrainer.EpochResult> history,
                                                Map<String, Object> provenance) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("formatVersion", VERSION);
        root.put("task", l.task().name());
        root.put("network", l.network().cliName());
        root.put("classes", l.classes());
        FeatureSpec s = l.spec();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("kind", s.kind().name());
        f.put("windowMs", s.windowMs());
        f.put("hopMs", s.hopMs());
        f.put("lowHz", s.lowHz());
        f.put("highHz", s.highHz());
        f.put("bands", s.bands());
        f.put("coefficients", s.coefficients());
        f.put("normalisation", s.normalisation().name());
        root.put("features", f);
        root.put("normaliserMean", l.normaliser().mean());
        root.put("normaliserScale", l.normaliser().scale());
        root.put("windowFrames", l.windowFrames());
        root.put("sampleRateHz", l.sampleRateHz());
        root.put("history", history);
        root.putAll(provenance);
        return root;
    }

    /** Loads the model in folder {@code dir} (or the previous one, when a save was interrupted). */
    public static Loaded load(Path dir) throws IOException {
        Path d = dir.toAbsolutePath().normalize();
        if (!Files.isRegularFile(d.resolve(JSON))) {
            Path prev = d.resolveSibling("." + d.getFileName() + ".previous");
            if (!Files.isRegularFile(prev.resolve(JSON))) {
                throw new IOException(dir + ": not a labeller model folder (no " + JSON + ")");
            }
            d = prev;
        }
        Path json = d.resolve(JSON);
        JsonNode root;
        try {
            root = Json.mapper().readTree(json.toFile());
        } catch (IOException e) {
            throw new IOException(json + ": unreadable: " + e.getMessage(), e);
        }
        if (!FORMAT.equals(root.path("format").asText())) {
            throw new IOException(json + ": not an Echoic labeller (format '" + root.path("format").asText() + "')");
        }
        if (root.path("formatVersion").asInt(0) > VERSION) {
            throw new IOException(json + ": format version " + root.path("formatVersion").asInt()
                    + " is newer than this Echoic reads (" + VERSION + ")");
        }
        try {
            JsonNode f = root.get("features");
            FeatureSpec spec = new FeatureSpec(FeatureSpec.Kind.valueOf(f.get("kind").asText()),
                    f.get("windowMs").asDouble(), f.get("hopMs").asDouble(), f.get("lowHz").asDouble(),
                    f.get("highHz").asDouble(), f.get("bands").asInt(), f.get("coefficients").asInt(),
                    FeatureSpec.Normalisation.valueOf(f.get("normalisation").asText()));
            Normaliser norm = new Normaliser(spec.normalisation(), floats(root.get("normaliserMean")),
                    floats(root.get("normaliserScale")));
            List<String> classes = new ArrayList<>();
            root.get("classes").forEach(c -> classes.add(c.asText()));
            MultiLayerNetwork net;
            try (InputStream in = Files.newInputStream(d.resolve(NETWORK))) {
                net = ModelSerializer.restoreMultiLayerNetwork(in, true);
            }
            Labeller l = new Labeller(LabelNetwork.Task.valueOf(root.get("task").asText()),
                    LabelNetwork.parse(root.get("network").asText()), classes, spec, norm,
                    root.get("windowFrames").asInt(), root.get("sampleRateHz").asDouble(), net);
            List<LabellerTrainer.EpochResult> history = Json.mapper()
                    .readerForListOf(LabellerTrainer.EpochResult.class).readValue(root.get("history"));
            @SuppressWarnings("unchecked")
            Map<String, Object> info = Json.mapper().treeToValue(root, Map.class);
            return new Loaded(l, history, info);
        } catch (RuntimeException e) {
            throw new IOException(json + ": invalid labeller: " + e.getMessage(), e);
        }
    }

    private static float[] floats(JsonNode array) {
        float[] out = new float[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) array.get(i).asDouble();
        }
        return out;
    }
}
