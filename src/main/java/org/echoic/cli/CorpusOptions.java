package org.echoic.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.echoic.audio.Recording;
import org.echoic.corpus.Corpus;
import org.echoic.corpus.CorpusBuilder;
import org.echoic.dsp.FrameScaling;
import org.echoic.dsp.SpectralFrames;
import org.echoic.dsp.StftParams;
import org.echoic.io.AudioFiles;
import org.echoic.segment.SegmentationParams;
import org.echoic.service.CorpusService;
import org.echoic.service.RecordingService;
import org.echoic.service.SegmentTables;
import picocli.CommandLine.Option;

/** Options of {@code train --recordings}: segmentation of the files and the frames the model sees. */
final class CorpusOptions {
    @Option(names = "--nperseg", description = "STFT samples per segment of the frames (default ${DEFAULT-VALUE}: "
            + "song frames, 8 ms hops at 32 kHz).")
    int nperseg = CorpusBuilder.SONG_NPERSEG;
    @Option(names = "--noverlap", description = "STFT overlap (default: nperseg / 2).")
    Integer noverlap;
    @Option(names = "--band", paramLabel = "LOW:HIGH", description = "Keep LOW..HIGH Hz of every frame (default: all).")
    String band;
    @Option(names = "--scaling", description = "Frame scaling: corpus-db (dB above each bin's noise floor of the "
            + "corpus, one range for all; silence is 0), log-db or linear-max (per segment) (default "
            + "${DEFAULT-VALUE}).")
    String scaling = FrameScaling.CORPUS_DB.id();
    @Option(names = "--range-db", description = "dB range kept by log-db (default ${DEFAULT-VALUE}; corpus-db "
            + "chooses its range from the corpus).")
    double rangeDb = 80;
    @Option(names = "--channel", description = "0-based channel of the frames (default: the mean of all channels).")
    Integer channel;
    @Option(names = "--percentile", description = "Segmentation threshold percentile (default "
            + "${DEFAULT-VALUE}).")
    double percentile = SegmentationParams.ORIGINAL.thresholdPercentile();
    @Option(names = "--min-length-ms", description = "Keep segments longer than this (default ${DEFAULT-VALUE}).")
    double minLengthMs = SegmentationParams.ORIGINAL.minLengthMs();
    @Option(names = "--max-length-ms", description = "Keep segments shorter than this (default ${DEFAULT-VALUE}).")
    double maxLengthMs = SegmentationParams.ORIGINAL.maxLengthMs();
    @Option(names = "--segment-band", paramLabel = "LOW:HIGH", description = "Band-pass LOW..HIGH Hz before the "
            + "segmentation envelope (e.g. 20000:100000 for ultrasonic calls; default: none).")
    String segmentBand;
    @Option(names = "--window-ms", description = "Segmentation envelope window (default ${DEFAULT-VALUE}).")
    double windowMs = SegmentationParams.ORIGINAL.windowMs();
    @Option(names = {"--join-gap-ms", "--join-gap"}, paramLabel = "MS|auto", description = "Train on bouts: "
            + "segments at most this far apart form one sequence with the silences between them, so the model "
            + "learns how syllables follow each other; 0 = each segment on its own (default ${DEFAULT-VALUE}: "
            + "chosen from the gaps of the data, README 'Song models from recordings').")
    String joinGap = "auto";
    @Option(names = "--no-tables", description = "Segment every recording with the segmentation options, even when "
            + "an annotation table lies beside it (default: the table's rows are the segments).")
    boolean noTables;

    /** The join gap in ms, NaN for "auto". */
    double joinGapMs() {
        if (joinGap.trim().equalsIgnoreCase("auto")) {
            return Double.NaN;
        }
        double ms;
        try {
            ms = Double.parseDouble(joinGap.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--join-gap-ms must be a number of ms ≥ 0 or auto: " + joinGap);
        }
        if (!(ms >= 0) || Double.isInfinite(ms)) {
            throw new IllegalArgumentException("--join-gap-ms must be a number of ms ≥ 0 or auto: " + joinGap);
        }
        return ms;
    }

    SpectralFrames frames() {
        StftParams d = StftParams.DEFAULT;
        StftParams p = new StftParams(nperseg, noverlap == null ? nperseg / 2 : noverlap, nperseg, d.window(),
                d.detrend(), d.scaling(), StftParams.Mode.PSD);
        SpectralFrames f = SpectralFrames.DEFAULT.withStft(p).withScaling(FrameScaling.parse(scaling), rangeDb);
        if (band != null) {
            double[] lh = band("--band", band);
            f = f.withBand(lh[0], lh[1]);
        }
        return f;
    }

    /** Segments the files (folders are searched for audio) and builds the corpus; progress on {@code err}. */
    Corpus build(List<Path> inputs, PrintStream err) throws IOException, InterruptedException {
        SegmentationParams seg = SegmentationParams.ORIGINAL.withPercentile(percentile).withMinLengthMs(minLengthMs)
                .withMaxLengthMs(maxLengthMs).withWindowMs(windowMs);
        if (segmentBand != null) {
            double[] lh = band("--segment-band", segmentBand);
            seg = seg.withBand(lh[0], lh[1]);
        }
        return build(inputs, seg, channel, frames(), joinGapMs(), !noTables, err);
    }

    /** {@code LOW:HIGH} in Hz as {low, high}; a bad value names {@code option}. */
    static double[] band(String option, String text) {
        String[] lh = text.split(":");
        if (lh.length != 2) {
            throw new IllegalArgumentException(option + " must be LOW:HIGH in Hz: " + text);
        }
        return new double[] {Double.parseDouble(lh[0]), Double.parseDouble(lh[1])};
    }

    /** The audio files of {@code inputs}, folders searched recursively; none, or a missing path, is bad input. */
    static List<Path> audioFiles(List<Path> inputs) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path in : inputs) {
            if (!Files.exists(in)) {
                throw new IllegalArgumentException(in + ": does not exist");
            }
            files.addAll(RecordingService.expand(in));
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException(inputs + ": no audio files found");
        }
        return files;
    }

    /**
     * Segments the files (folders are searched for audio) with {@code seg} and frames them with {@code frames}.
     *
     * @param channel   0-based channel, or null for the mean of all channels
     * @param joinGapMs segments at most this far apart form one sequence (0: each on its own; NaN: from the data)
     * @param tables    take the segments of a recording from the annotation table beside it, when there is one
     */
    static Corpus build(List<Path> inputs, SegmentationParams seg, Integer channel, SpectralFrames frames,
                        double joinGapMs, boolean tables, PrintStream err) throws IOException, InterruptedException {
        List<Path> files = audioFiles(inputs);
        List<Recording> open = new ArrayList<>();
        try {
            List<CorpusService.Source> sources = new ArrayList<>();
            int fromTables = 0;
            for (Path f : files) {
                Recording r = AudioFiles.open(f);
                open.add(r);
                if (channel != null && (channel < 0 || channel >= r.channels())) {
                    throw new IllegalArgumentException(f + ": has no channel " + channel + " (it has " + r.channels()
                            + ", numbered from 0)");
                }
                Path table = tables ? SegmentTables.besides(f).orElse(null) : null;
                if (table != null) {
                    fromTables++;
                }
                sources.add(new CorpusService.Source(f.toString(), r, seg, table));
            }
            String origin = files.size() == 1 ? files.get(0).getFileName().toString() : files.size() + " recordings";
            Corpus c = CorpusService.buildNow(new CorpusService.Request(sources,
                    channel == null ? Recording.MEAN_CHANNEL : channel, frames, origin, joinGapMs), p -> { });
            err.printf(Locale.ROOT, "echoic: corpus of %d %s (%d skipped), %d frames of %d values, %.1f s; segments "
                    + "of %d of %d recordings from the tables beside them, the others segmented; %s%n",
                    c.dataset().size(), c.joinGapSeconds() > 0 ? "bouts" : "segments", c.skippedSegments(),
                    c.dataset().totalFrames(), c.dataset().nVisible(), c.durationSeconds(), fromTables, files.size(),
                    c.joinGapSeconds() > 0 ? String.format(Locale.ROOT, "join gap %.0f ms%s", 1000
                            * c.joinGapSeconds(), Double.isNaN(joinGapMs) ? " (chosen from the data)" : "")
                            : "no bouts joined");
            return c;
        } finally {
            for (Recording r : open) {
                r.close();
            }
        }
    }
}
