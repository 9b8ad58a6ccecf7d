package org.echoic.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.echoic.audio.Recording;
import org.echoic.io.AudioFiles;
import org.echoic.segment.SegmentationParams;
import org.echoic.service.CorpusService;
import org.echoic.service.SegmentTables;
import picocli.CommandLine.Option;

/**
 * The recordings of {@code embed} and {@code cluster} and where their segments come from: the table beside each
 * recording ({@link SegmentTables}), else its segmentation with the default parameters. Closes what it opened.
 */
final class DiscoveryInputs implements AutoCloseable {
    @Option(names = "--channel", description = "0-based channel (default: the mean of all channels).")
    Integer channel;
    @Option(names = "--segments", description = "tables (the table beside each recording, else its segmentation; "
            + "default) or auto (always the segmentation with the default parameters).")
    String segments = "tables";

    private final List<Recording> open = new ArrayList<>();

    int channel() {
        return channel == null ? Recording.MEAN_CHANNEL : channel;
    }

    /** Opens the recordings (folders are searched for audio) as sources. */
    List<CorpusService.Source> sources(List<Path> inputs) throws IOException {
        String mode = StftOptions.choice("--segments", segments, "tables", "auto");
        List<Path> files = CorpusOptions.audioFiles(inputs);
        List<CorpusService.Source> out = new ArrayList<>();
        for (Path f : files) {
            Recording r = AudioFiles.open(f);
            open.add(r);
            if (channel != null && (channel < 0 || channel >= r.channels())) {
                throw new IllegalArgumentException(f + ": has no channel " + channel + " (it has " + r.channels()
                        + ", numbered from 0)");
            }
            Path table = mode.equals("TABLES") ? SegmentTables.besides(f).orElse(null) : null;
            out.add(new CorpusService.Source(f.toString(), r, SegmentationParams.DEFAULTS, table));
        }
        return out;
    }

    @Override
    public void close() {
        for (Recording r : open) {
            r.close();
        }
        open.clear();
    }
}
