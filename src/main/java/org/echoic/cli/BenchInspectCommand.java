package org.echoic.cli;

import java.util.concurrent.Callable;

import org.echoic.io.Json;
import org.echoic.train.InspectBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code echoic bench inspect}: time of the Model tab's computations on a default-sized model, as one JSON object. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Time p(h|v) of one segment, the templates and unit statistics over a corpus (random frames).")
final class BenchInspectCommand implements Callable<Integer> {
    @Option(names = "--F", description = "Visible units per frame (default ${DEFAULT-VALUE}).")
    int nVisible = 129;
    @Option(names = "--T", description = "Frames of the inspected segment (default ${DEFAULT-VALUE}).")
    int frames = 400;
    @Option(names = "--segments", description = "Corpus segments for the statistics (default ${DEFAULT-VALUE}).")
    int segments = 200;
    @Option(names = "--segment-frames", description = "Frames per corpus segment (default ${DEFAULT-VALUE}).")
    int segmentFrames = 60;
    @Option(names = "--repeats", description = "Timed repeats of the segment (default ${DEFAULT-VALUE}).")
    int repeats = 10;

    @Override
    public Integer call() throws InterruptedException {
        if (nVisible < 1 || frames < 1 || segments < 1 || segmentFrames < 1 || repeats < 1) {
            throw new IllegalArgumentException("all sizes must be positive");
        }
        System.out.println(Json.line(InspectBenchmark.run(nVisible, frames, segments, segmentFrames, repeats, 1)));
        return 0;
    }
}
