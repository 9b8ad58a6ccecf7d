package org.echoic.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code echoic bench <what>}: performance benchmarks that print one JSON object. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run a benchmark and print its numbers as JSON.",
        subcommands = {
                SpectrogramBenchCommand.class,
                SegmentBenchCommand.class,
                BenchWaveformCommand.class,
                BenchTrainCommand.class,
                BenchInspectCommand.class,
                BenchTrainServiceCommand.class,
                BenchGenerateCommand.class,
                BenchClusterCommand.class,
                BenchAnnotateCommand.class,
                BenchMeasureCommand.class,
        })
public final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
