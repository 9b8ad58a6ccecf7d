package org.echoic.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.deeplearning4j.util.ModelSerializer;
import org.echoic.embed.ListenerNetwork;
import org.echoic.embed.ListenerParams;

/**
 * The listener network's checkpoint folder: {@code listener.zip} (DL4J's model file: configuration, weights and
 * Adam state) and {@code listener.json} (format, epochs trained, frame settings, sizes, seed and the last loss),
 * each written atomically. Stateless.
 */
public final class ListenerFiles {
    public static final String FORMAT = "echoic-listener-checkpoint";
    public static final String MODEL = "listener.zip";
    public static final String SUMMARY = "listener.json";

    private ListenerFiles() {
    }

    /** Writes the network after {@code epochs} epochs with {@code lastLoss} into {@code dir}. */
    public static void save(Path dir, ListenerNetwork net, int epochs, double lastLoss) throws IOException {
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".listener", ".zip");
        try {
            ModelSerializer.writeModel(net.graph(), tmp.toFile(), true);
            AtomicFiles.move(tmp, dir.resolve(MODEL));
        } finally {
            Files.deleteIfExists(tmp);
        }
        ListenerParams p = net.params();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("format", FORMAT);
        json.put("epochs", epochs);
        json.put("lastLoss", Double.isFinite(lastLoss) ? lastLoss : null);
        json.put("frames", p.frames());
        json.put("lags", p.lags());
        json.put("hidden", p.hidden());
        json.put("decoderHidden", p.decoderHidden());
        json.put("batch", p.batch());
        json.put("learningRate", p.learningRate());
        json.put("seed", p.seed());
        byte[] bytes = Json.line(json).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        AtomicFiles.write(dir.resolve(SUMMARY), o -> o.write(bytes));
    }
}
