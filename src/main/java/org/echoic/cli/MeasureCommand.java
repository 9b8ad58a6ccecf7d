package org.echoic.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.echoic.io.AnnotationFormat;
import org.echoic.io.CsvAnnotations;
import org.echoic.io.RavenTables;
import org.echoic.measure.MeasuredSelection;
import org.echoic.service.MeasurementTables;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code echoic measure REC… [--table T] [--pitch] --format raven|csv --out FILE|DIR|-}: Raven Pro's measurements of
 * each selection of a table, with F0 summaries and contours on request. Folders are searched for recordings, each
 * measured with the table beside it.
 */
@Command(name = "measure", mixinStandardHelpOptions = true,
        description = "Measure the selections of tables (Raven, Audacity or CSV): Raven Pro's robust measurements "
                + "(Peak Freq, Center Freq, Freq 5%…95%, BW 90%, Dur 90%, Avg/Agg Entropy, Energy, …) and F0.")
public final class MeasureCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "REC", description = "Recordings or folders of recordings.")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--table", paramLabel = "T",
            description = "Selection table of the one recording (default: the table beside each recording).")
    Path table;

    @Option(names = "--format", defaultValue = "raven", description = "raven or csv (default ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", defaultValue = "-", paramLabel = "FILE|DIR|-",
            description = "The table file (one recording), a folder for <name>.measurements.txt|csv and "
                    + "<name>.pitch.csv, or '-' for standard output (default).")
    String out;

    @Mixin
    MeasureOptions options = new MeasureOptions();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        AnnotationFormat fmt = AnnotationFormat.valueOf(StftOptions.choice("--format", format, "raven", "csv"));
        List<Path> recordings = collect();
        if (table != null && recordings.size() != 1) {
            throw new IllegalArgumentException("--table needs exactly one recording (got " + recordings.size() + ")");
        }
        boolean toDir = !out.equals("-") && (recordings.size() > 1 || Files.isDirectory(Path.of(out))
                || out.endsWith("/"));
        if (out.equals("-") && recordings.size() > 1) {
            throw new IllegalArgumentException("--out must name a folder when measuring " + recordings.size()
                    + " recordings");
        }
        int bad = 0;
        for (Path rec : recordings) {
            Optional<Path> t = table != null ? Optional.of(table) : MeasurementTables.tableBeside(rec);
            if (t.isEmpty()) {
                err.println("echoic: " + rec + ": no selection table beside it (looked for "
                        + org.echoic.service.SegmentTables.LOOKED_FOR + "); skipped");
                bad++;
                continue;
            }
            try {
                measureOne(rec, t.get(), fmt, toDir);
            } catch (IOException | IllegalArgumentException e) {
                if (recordings.size() == 1) {
                    throw e;
                }
                err.println("echoic: " + e.getMessage() + "; skipped");
                bad++;
            }
        }
        err.flush();
        return bad == 0 ? 0 : EchoicCli.EXIT_BAD_INPUT;
    }

    private void measureOne(Path rec, Path tableFile, AnnotationFormat fmt, boolean toDir)
            throws IOException, InterruptedException {
        List<MeasuredSelection> measured = MeasurementTables.measure(rec, tableFile, options.channel(),
                options.stft(), options.pitch(), null);
        if (out.equals("-")) {
            Writer w = spec.commandLine().getOut();
            var rows = MeasurementTables.annotations(measured, options.columns());
            if (fmt == AnnotationFormat.CSV) {
                CsvAnnotations.write(w, rows);
            } else {
                RavenTables.write(w, rows, 0);
            }
            w.flush();
            if (options.pitch) {
                Path pitchFile = Path.of(MeasurementTables.pitchName(rec));
                MeasurementTables.writePitch(pitchFile, measured);
                spec.commandLine().getErr().println("echoic: F0 contours in " + pitchFile);
            }
            return;
        }
        Path target = toDir ? Path.of(out).resolve(MeasurementTables.tableName(rec, fmt)) : Path.of(out);
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        MeasurementTables.write(target, fmt, measured, options.columns());
        if (options.pitch) {
            MeasurementTables.writePitch(dir.resolve(MeasurementTables.pitchName(rec)), measured);
        }
    }

    private List<Path> collect() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path in : inputs) {
            if (Files.isDirectory(in)) {
                try (Stream<Path> s = Files.walk(in)) {
                    s.filter(Files::isRegularFile)
                            .filter(p -> SegmentCommand.AUDIO_EXTENSIONS.contains(SegmentCommand.extension(p)))
                            .sorted().forEach(files::add);
                }
            } else if (Files.isRegularFile(in)) {
                files.add(in);
            } else {
                throw new IllegalArgumentException(in + ": does not exist");
            }
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException(inputs + ": no recordings found");
        }
        return files;
    }
}
