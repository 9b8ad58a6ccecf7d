package org.echoic.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.echoic.audio.Recording;
import org.echoic.corpus.Corpus;
import org.echoic.corpus.CorpusBuilder;
import org.echoic.generate.Realism;
import org.echoic.render.DistributionFigure;
import org.echoic.segment.Segment;
import org.echoic.segment.SegmentationParams;

/**
 * The real side of a realism comparison over several recordings, and its figures as PNGs: each recording's
 * segments come from the annotation table beside it ({@link SegmentTables}) or the segmenter, are joined into
 * bouts as the model's corpus was, and framed with the model's settings; the song-structure comparisons of a
 * {@link Realism} are drawn as distribution figures with axes. Stateless; any thread.
 */
public final class RealismFigures {
    /** Figure size in pixels. */
    public static final int WIDTH = 640;
    public static final int HEIGHT = 360;
    /** Figures written by {@link #write}, by file name. */
    public static final List<String> FILES = List.of("realism-syllable-duration.png", "realism-gap.png",
            "realism-rate.png", "realism-frame-energy.png", "realism-centroid.png");

    private RealismFigures() {
    }

    /**
     * The real corpus of several recordings with the model's frames and join gap.
     *
     * @param ids        how each recording is named (its path)
     * @param recordings the open recordings (not closed here)
     * @param seg        segmentation of recordings without a table
     * @param tables     use the table beside a recording when there is one
     * @throws IllegalArgumentException if a recording's frames would not fit the model or no segment is usable
     */
    public static Corpus realCorpus(List<Path> ids, List<Recording> recordings, GenerationPipeline.ModelInfo info,
                                    SegmentationParams seg, boolean tables) throws IOException, InterruptedException {
        CorpusBuilder b = new CorpusBuilder(info.sound().frames(), seg.channel()).joiningGaps(info.joinGapSeconds());
        int found = 0;
        for (int i = 0; i < ids.size(); i++) {
            Recording rec = recordings.get(i);
            if (info.sound().frames().nVisible(rec.sampleRateHz()) != info.nVisible()) {
                throw new IllegalArgumentException(ids.get(i) + ": at " + rec.sampleRateHz() + " Hz its frames would "
                        + "have " + info.sound().frames().nVisible(rec.sampleRateHz()) + " values, the model has "
                        + info.nVisible());
            }
            Path table = tables ? SegmentTables.besides(ids.get(i)).orElse(null) : null;
            List<Segment> segments = CorpusService.segments(new CorpusService.Source(ids.get(i).toString(), rec, seg,
                    table), p -> { });
            found += segments.size();
            b.add(ids.get(i).toString(), rec, segments);
        }
        if (b.size() == 0) {
            throw new IllegalArgumentException(ids + ": " + found + " segments, none at least one STFT frame long");
        }
        return b.build(ids.size() == 1 ? ids.get(0).toString() : ids.size() + " recordings");
    }

    /** Writes the figures of {@link #FILES} into {@code folder}; returns their paths. */
    public static List<Path> write(Path folder, Realism r) throws IOException {
        List<Path> out = new ArrayList<>();
        Object[][] figs = {
            {r.syllableSeconds(), "Syllable duration", "Duration (s)"},
            {r.gapSeconds(), "Gap between syllables", "Gap (s)"},
            {r.ratePerSecond(), "Syllable rate (1 / onset interval)", "Rate (syllables/s)"},
            {r.energy(), "Frame energy", "Mean frame value"},
            {r.centroidHz(), "Spectral centroid", "Frequency (Hz)"},
        };
        for (int i = 0; i < figs.length; i++) {
            Realism.Comparison c = (Realism.Comparison) figs[i][0];
            String title = String.format(Locale.ROOT, "%s — KS D %s", figs[i][1],
                    Double.isFinite(c.ks()) ? String.format(Locale.ROOT, "%.3f", c.ks()) : "– (a sample is empty)");
            String axis = String.format(Locale.ROOT, "%s; orange: generated (n=%d), blue: real (n=%d)", figs[i][2],
                    c.generated().length, c.real().length);
            Path p = folder.resolve(FILES.get(i));
            FigureExporter.writePng(p, DistributionFigure.draw(title, axis, c.generated(), c.real(), WIDTH, HEIGHT),
                    96);
            out.add(p);
        }
        return out;
    }
}
