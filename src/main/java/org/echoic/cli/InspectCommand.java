package org.echoic.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.echoic.audio.Recording;
import org.echoic.dsp.ColorMap;
import org.echoic.io.AudioFiles;
import org.echoic.io.CheckpointSummaries;
import org.echoic.io.Json;
import org.echoic.io.SequenceDatasetReader;
import org.echoic.segment.Segment;
import org.echoic.service.AppExecutors;
import org.echoic.service.InspectedSegment;
import org.echoic.service.InspectionExporter;
import org.echoic.service.InspectionService;
import org.echoic.service.SegmentTables;
import org.echoic.train.SequenceDataset;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code echoic inspect}: looks inside a trained model: p(h | v) of one segment (or data-set sequence), the
 * recurrent states, every hidden unit's template and unit statistics over all segments of the recording (or
 * all sequences), written as .npy, CSV and PNG by the same code as the workbench's Model tab.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Look inside a trained RNN-RBM: writes activations.npy (T x hidden), recurrent-1..3.npy, "
                + "templates.npy (hidden x F), unit-stats.csv, activations.png and templates.png; prints one JSON line.")
final class InspectCommand implements Callable<Integer> {
    private static final long TIMEOUT_MINUTES = 60;

    @Option(names = "--model", required = true, paramLabel = "DIR",
            description = "Checkpoint folder, or a run folder (its newest checkpoint is used).")
    Path model;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @ArgGroup(exclusive = false)
        AudioSource audio;
        @ArgGroup(exclusive = false)
        DataSource data;
    }

    static final class AudioSource {
        @Option(names = "--recording", required = true, paramLabel = "FILE", description = "Recording to inspect.")
        Path recording;
        @Option(names = "--segment", required = true, paramLabel = "I",
                description = "Segment index (0-based) in the recording's segment table.")
        int segment;
        @Option(names = "--segments", paramLabel = "TABLE", description = "Segment table (Raven, Audacity or CSV); "
                + "default: the recording's name with .csv, .segments.csv, .labels.txt, .Table.1.selections.txt "
                + "or .txt.")
        Path table;
        @Option(names = "--channel", description = "Channel (0-based; -1 = mean; default ${DEFAULT-VALUE}).")
        int channel = 0;
    }

    static final class DataSource {
        @Option(names = "--data", required = true, paramLabel = "FILE.json", description = "Sequence data set (JSON).")
        Path data;
        @Option(names = "--sequence", required = true, paramLabel = "I", description = "Sequence index (0-based).")
        int sequence;
    }

    @Option(names = "--top", description = "Frames and segments listed per unit (default ${DEFAULT-VALUE}).")
    int top = 5;
    @Option(names = "--colormap", description = "viridis, magma, inferno, grey; on white: gray_r, Greys, Blues; cividis (default ${DEFAULT-VALUE}).")
    String colormap = "viridis";
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write into.")
    Path out;

    @Override
    public Integer call() throws Exception {
        ColorMap map = ColorMap.parse(colormap);
        Path checkpoint = CheckpointSummaries.checkpointIn(model);
        try (AppExecutors executors = new AppExecutors(1)) {
            InspectionService service = new InspectionService(executors);
            InspectionService.InspectedModel m = await(service.load(checkpoint));
            List<InspectedSegment> all = new ArrayList<>();
            int index;
            if (source.audio != null) {
                AudioSource a = source.audio;
                if (m.frames() == null) {
                    throw new IllegalArgumentException(checkpoint.resolve("model.json") + ": the model has no STFT "
                            + "settings (it was trained on a sequence data set): use --data and --sequence");
                }
                Recording rec = AudioFiles.open(a.recording);
                List<Segment> segments = SegmentTables.read(tableFor(a), rec.sampleRateHz());
                if (a.segment < 0 || a.segment >= segments.size()) {
                    throw new IllegalArgumentException(tableFor(a) + ": no segment " + a.segment + " (it has "
                            + segments.size() + ")");
                }
                InspectedSegment chosen = InspectedSegment.fromRecording(rec, a.channel, segments.get(a.segment),
                        m.frames(), m.config().nVisible(), rec.path().getFileName() + " #" + a.segment);
                all.addAll(InspectedSegment.fromRecording(rec, a.channel, segments, m.frames(), m.config().nVisible()));
                index = indexOf(all, chosen);
                if (index < 0) {
                    all.add(chosen);
                    index = all.size() - 1;
                }
            } else {
                SequenceDataset d = SequenceDatasetReader.read(source.data.data);
                for (int i = 0; i < d.size(); i++) {
                    all.add(InspectedSegment.fromDataset(d, i));
                }
                if (source.data.sequence < 0 || source.data.sequence >= d.size()) {
                    throw new IllegalArgumentException(source.data.data + ": no sequence " + source.data.sequence
                            + " (it has " + d.size() + ")");
                }
                index = source.data.sequence;
            }
            InspectionService.SegmentInspection insp = await(service.inspect(all.get(index)));
            InspectionService.UnitReport report = await(service.statistics(all, top));
            List<Path> files = InspectionExporter.exportAll(out, m, insp, report, map);
            service.close();
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("model", m.dir().toString());
            line.put("epochs", m.epochs());
            line.put("segment", insp.segment().name());
            line.put("frames", insp.activations().frames());
            line.put("hidden", m.config().nHidden());
            line.put("segmentsInStatistics", all.size());
            line.put("files", files.stream().map(Path::toString).toList());
            System.out.println(Json.line(line));
            return 0;
        }
    }

    private static int indexOf(List<InspectedSegment> all, InspectedSegment s) {
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).startFrame() == s.startFrame() && all.get(i).endFrame() == s.endFrame()) {
                return i;
            }
        }
        return -1;
    }

    private static Path tableFor(AudioSource a) throws IOException {
        if (a.table != null) {
            return a.table;
        }
        return SegmentTables.besides(a.recording).orElseThrow(() -> new IOException(a.recording
                + ": no segment table beside it (same name with " + SegmentTables.LOOKED_FOR + "): "
                + "name one with --segments"));
    }

    private static <T> T await(java.util.concurrent.CompletableFuture<T> f) throws Exception {
        try {
            return f.get(TIMEOUT_MINUTES, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception c ? c : e;
        } catch (TimeoutException e) {
            throw new IOException("inspection took longer than " + TIMEOUT_MINUTES + " minutes", e);
        }
    }
}
