package org.echoic.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.DoubleConsumer;

import org.echoic.audio.Recording;
import org.echoic.corpus.BoutGaps;
import org.echoic.corpus.Corpus;
import org.echoic.corpus.CorpusBuilder;
import org.echoic.dsp.SpectralFrames;
import org.echoic.io.AnnotationFormat;
import org.echoic.segment.Annotation;
import org.echoic.segment.Segment;
import org.echoic.segment.SegmentEdits;
import org.echoic.segment.SegmentationModel;
import org.echoic.segment.SegmentationParams;

/**
 * Builds training corpora from recordings: segments each recording (automatically with its segmentation
 * parameters, or from a reference annotation table), then turns the segments into model frames with
 * {@link CorpusBuilder}. {@link #build} runs on the compute pool with progress and cancellation;
 * {@link #buildNow} runs on the caller's thread (CLI). Thread-safe.
 */
public final class CorpusService {
    /**
     * One recording of a corpus.
     *
     * @param id          how the corpus names it (its path)
     * @param recording   the open recording (not closed here)
     * @param params      segmentation parameters for automatic segments (used when {@code annotations} is null)
     * @param annotations a Raven/Audacity/CSV table whose rows are the segments, or null
     * @param edits       manual edits applied to the automatic segments (empty: the automatic result)
     */
    public record Source(String id, Recording recording, SegmentationParams params, Path annotations,
                         List<SegmentEdits.Edit> edits) {
        public Source {
            edits = edits == null ? List.of() : List.copyOf(edits);
        }

        /** A source without manual edits. */
        public Source(String id, Recording recording, SegmentationParams params, Path annotations) {
            this(id, recording, params, annotations, List.of());
        }
    }

    /**
     * What to build.
     *
     * @param sources the recordings
     * @param channel the channel analysed, or {@link Recording#MEAN_CHANNEL}
     * @param frames  STFT, band and scaling
     * @param origin  the corpus' name in checkpoints
     * @param joinGapMs segments at most this far apart become one sequence (a bout); 0 = each on its own; NaN =
     *                  chosen from the gaps of the data ({@link BoutGaps})
     */
    public record Request(List<Source> sources, int channel, SpectralFrames frames, String origin, double joinGapMs) {
        public Request {
            sources = List.copyOf(sources);
            if (sources.isEmpty()) {
                throw new IllegalArgumentException("choose at least one recording for the corpus");
            }
        }

        /** A request that keeps every segment on its own. */
        public Request(List<Source> sources, int channel, SpectralFrames frames, String origin) {
            this(sources, channel, frames, origin, 0);
        }
    }

    /** A running build: its result, its progress (0..1) and cancellation. */
    public static final class Job {
        private final CompletableFuture<Corpus> result = new CompletableFuture<>();
        private volatile double progress;
        private volatile Future<?> task;

        public CompletableFuture<Corpus> result() {
            return result;
        }

        public double progress() {
            return progress;
        }

        /** Interrupts the build; the result completes with a cancellation. */
        public void cancel() {
            Future<?> t = task;
            if (t != null) {
                t.cancel(true);
            }
            result.cancel(false);
        }
    }

    private final ExecutorService compute;

    public CorpusService(ExecutorService compute) {
        this.compute = compute;
    }

    /** Builds on the compute pool. */
    public Job build(Request request) {
        Job job = new Job();
        job.task = compute.submit(() -> {
            try {
                job.result.complete(buildNow(request, p -> job.progress = p));
            } catch (InterruptedException e) {
                job.result.cancel(false);
            } catch (IOException | RuntimeException e) {
                job.result.completeExceptionally(e);
            }
        });
        return job;
    }

    /**
     * Builds on the calling thread.
     *
     * @throws IOException              if an annotation table cannot be read (the message names the file)
     * @throws IllegalArgumentException if a channel is missing or recordings give different frame widths
     * @throws IllegalStateException    if no segment is long enough for one frame
     */
    public static Corpus buildNow(Request request, DoubleConsumer progress) throws IOException, InterruptedException {
        int n = request.sources().size();
        List<List<Segment>> all = new java.util.ArrayList<>();
        double[] rates = new double[n];
        for (int i = 0; i < n; i++) {
            Source s = request.sources().get(i);
            Recording rec = s.recording();
            if (request.channel() >= rec.channels()) {
                throw new IllegalArgumentException(s.id() + ": has no channel " + (request.channel() + 1)
                        + " (it has " + rec.channels() + ")");
            }
            double base = i / (double) n / 2;
            all.add(segments(s, p -> progress.accept(base + p / n / 2)));
            rates[i] = rec.sampleRateHz();
            progress.accept((i + 1) / (double) n / 2);
        }
        double joinGapSeconds = Double.isNaN(request.joinGapMs()) ? BoutGaps.choose(BoutGaps.gaps(all, rates))
                : request.joinGapMs() / 1000;
        CorpusBuilder builder = new CorpusBuilder(request.frames(), request.channel()).joiningGaps(joinGapSeconds);
        for (int i = 0; i < n; i++) {
            Source s = request.sources().get(i);
            builder.add(s.id(), s.recording(), all.get(i));
            progress.accept(0.5 + (i + 1) / (double) n / 2);
        }
        return builder.build(request.origin());
    }

    /**
     * The segments of one source: read from its annotation table (in table order), or segmented with its
     * parameters and its manual edits replayed.
     */
    public static List<Segment> segments(Source s, DoubleConsumer progress) throws IOException, InterruptedException {
        if (s.annotations() != null) {
            List<Annotation> rows = AnnotationFormat.readAny(s.annotations());
            double rate = s.recording().sampleRateHz();
            return rows.stream().map(a -> a.toSegment(rate))
                    .filter(g -> g.startFrame() < s.recording().frames()).toList();
        }
        List<Segment> automatic;
        try (SegmentationModel model = new SegmentationModel(s.recording())) {
            automatic = model.segments(s.params(), null, progress).segments();
        }
        if (s.edits().isEmpty()) {
            return automatic;
        }
        return SegmentEdits.replay(automatic, s.edits()).items().stream().map(SegmentEdits.Item::segment).toList();
    }
}
