package org.echoic.cli;

import java.io.PrintWriter;

import org.echoic.io.ReadLimits;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The headless front end: {@code echoic <command> …}. Exit codes: 0 success, 2 bad input (one line per
 * bad file on stderr), 1 any other failure. Stack traces only with {@code --verbose}.
 */
@Command(name = "echoic", mixinStandardHelpOptions = true, versionProvider = EchoicCli.Version.class,
        description = "Echoic: a workbench for learning the structure of animal vocalizations.",
        subcommands = {
                CommandLine.HelpCommand.class,
                BenchCommand.class,
                InfoCommand.class,
                SpectrogramCommand.class,
                RenderCommand.class,
                FeaturesCommand.class,
                SegmentCommand.class,
                SynthCommand.class,
                ProjectCommand.class,
                TrainCommand.class,
                EvaluateCommand.class,
                GenerateCommand.class,
                InspectCommand.class,
                EmbedCommand.class,
                ClusterCommand.class,
                AnnotateCommand.class,
                ClassifyCommand.class,
                TeachCommand.class,
                MeasureCommand.class,
        })
public final class EchoicCli implements Runnable {

    /** Exit code for bad input (unreadable or invalid files, bad options). */
    public static final int EXIT_BAD_INPUT = 2;

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces of errors.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--max-read-memory", scope = CommandLine.ScopeType.INHERIT, paramLabel = "SIZE",
            description = "Most memory one file read may use, e.g. 512m or 2g (default: half the Java heap); larger "
                    + "files are refused with a message.")
    void maxReadMemory(String size) {
        ReadLimits.setMaxBytes(ReadLimits.parseSize(size));
    }

    @Option(names = "--recordings-folder", scope = CommandLine.ScopeType.INHERIT, paramLabel = "DIR",
            description = "A folder from which project files may open recordings, besides each project's own folder "
                    + "and those listed in recording-folders.txt of the settings folder (repeatable).")
    void recordingsFolder(java.nio.file.Path folder) {
        ProjectInput.allow(folder);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** True when {@code args} name a CLI command or option rather than files to open in the GUI. */
    public static boolean isCliInvocation(String[] args) {
        if (args.length == 0) {
            return false;
        }
        String first = args[0];
        return first.startsWith("-") || newCommandLine().getSubcommands().containsKey(first);
    }

    /** Builds the command line with the project's error handling. */
    public static CommandLine newCommandLine() {
        ReadLimits.setMaxBytes(null);
        ProjectInput.reset();
        CommandLine cl = new CommandLine(new EchoicCli());
        cl.setExecutionStrategy(parseResult -> {
            try {
                return new CommandLine.RunLast().execute(parseResult);
            } finally {
                ReadLimits.setMaxBytes(null);
                ProjectInput.reset();
            }
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            boolean verbose = parseResult.hasMatchedOption("--verbose");
            PrintWriter err = commandLine.getErr();
            if (verbose) {
                ex.printStackTrace(err);
            }
            err.println("echoic: " + describe(ex));
            err.flush();
            return isBadInput(ex) ? EXIT_BAD_INPUT : 1;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("echoic: " + ex.getMessage());
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            err.flush();
            return EXIT_BAD_INPUT;
        });
        return cl;
    }

    /** Runs the CLI and returns its exit code. */
    public static int run(String... args) {
        return newCommandLine().execute(args);
    }

    static boolean isBadInput(Throwable ex) {
        return ex instanceof java.io.IOException || ex instanceof IllegalArgumentException;
    }

    static String describe(Throwable ex) {
        String msg = ex.getMessage();
        return msg == null || msg.isBlank() ? ex.getClass().getSimpleName() : msg;
    }

    /** Reports the application version from the jar manifest (or "development"). */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Echoic " + appVersion()};
        }
    }

    /** The application version from the jar manifest, or {@code "development"} when run from classes. */
    public static String appVersion() {
        String v = EchoicCli.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }
}
