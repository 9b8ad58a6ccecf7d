package org.echoic.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.echoic.io.Json;
import org.echoic.service.CallTypeEmbedder;
import org.echoic.service.DiscoveryOutputs;
import org.echoic.service.SegmentEmbeddings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code echoic embed --recordings DIR… --method spectrogram|listener|rbm --out DIR}: one embedding per segment
 * ({@code embeddings.npy}) and the segments ({@code segments.csv}); a JSON summary on stdout.
 */
@Command(name = "embed", mixinStandardHelpOptions = true,
        description = "Embed the segments of recordings (the tables beside them, else their segmentation).")
public final class EmbedCommand implements Callable<Integer> {
    @Option(names = "--recordings", arity = "1..*", paramLabel = "PATH", description = "Recordings or folders.")
    List<Path> recordings = new ArrayList<>();
    @Parameters(arity = "0..*", paramLabel = "RECORDING", description = "More recordings or folders.")
    List<Path> more = new ArrayList<>();
    @Option(names = "--out", required = true, description = "Output folder.")
    Path out;
    @Mixin
    EmbedOptions embed;
    @Mixin
    DiscoveryInputs inputs;
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<Path> all = new ArrayList<>(recordings);
        all.addAll(more);
        if (all.isEmpty()) {
            throw new IllegalArgumentException("no recordings given (--recordings DIR…)");
        }
        try (DiscoveryInputs in = inputs) {
            CallTypeEmbedder.Request request = embed.request();
            List<SegmentEmbeddings.Item> items = SegmentEmbeddings.items(in.sources(all), null);
            long t0 = System.nanoTime();
            float[][] vectors = CallTypeEmbedder.embed(items, in.channel(), request, embed.curves(System.err), null);
            double seconds = (System.nanoTime() - t0) / 1e9;
            List<Path> written = DiscoveryOutputs.writeEmbeddings(out, items, vectors);
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("method", request.method().id());
            summary.put("segments", items.size());
            summary.put("dimensions", vectors.length == 0 ? 0 : vectors[0].length);
            summary.put("seconds", seconds);
            summary.put("files", written.stream().map(Path::toString).toList());
            spec.commandLine().getOut().println(Json.line(summary));
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
