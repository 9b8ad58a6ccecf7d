package org.echoic.corpus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.echoic.audio.Recording;
import org.echoic.dsp.CorpusLevels;
import org.echoic.dsp.SpectralFrames;
import org.echoic.dsp.Spectrogram;
import org.echoic.dsp.Stft;
import org.echoic.segment.Segment;
import org.echoic.train.SequenceDataset;

/**
 * Builds a {@link Corpus} from the segments of one or more recordings, with the project's one STFT engine:
 * each segment's PSD spectrogram of one channel (or the mean) is cropped to the band and scaled to [0, 1]
 * per segment, or, for {@code corpus-db} settings without levels, with levels estimated from all segments when the
 * corpus is built ({@link CorpusLevels}). All recordings must have the same sample rate (otherwise a frame's bins would stand for
 * different frequencies in different recordings, even when the widths agree). Runs on the calling thread; honours
 * interruption between segments. Not thread-safe (one builder per job).
 */
public final class CorpusBuilder {
    /**
     * STFT samples per frame of a song corpus built from recordings (with half overlap: 8 ms hops at 32 kHz, 11.6 ms
     * at 22.05 kHz). With 256 (4 ms hops) a syllable is 20 frames and a gap 10, the model's one-step prediction is
     * "repeat the previous frame", and generation has no syllables; with 512 it generates syllables separated by
     * silences (README "Song models from recordings").
     */
    public static final int SONG_NPERSEG = 512;

    private final SpectralFrames settings;
    private final int channel;
    private final List<float[][]> sequences = new ArrayList<>();
    private final List<CorpusSegment> provenance = new ArrayList<>();
    private final List<Double> maxDbs = new ArrayList<>();
    private int nVisible = -1;
    private double rateHz = Double.NaN;
    private int skipped;
    private double joinGapSeconds;

    /**
     * @param settings STFT, band and scaling of the frames
     * @param channel  the channel to analyse, or {@link Recording#MEAN_CHANNEL}
     */
    public CorpusBuilder(SpectralFrames settings, int channel) {
        this.settings = settings;
        this.channel = channel;
    }

    /**
     * Joins consecutive segments of a recording that are at most {@code gapSeconds} apart into one sequence
     * (a bout: the calls with the silences between them), so that the model sees how calls follow each other,
     * not only single calls. 0 (the default) keeps every segment on its own.
     */
    public CorpusBuilder joiningGaps(double gapSeconds) {
        if (!(gapSeconds >= 0) || Double.isInfinite(gapSeconds)) {
            throw new IllegalArgumentException("the join gap must be a finite number of seconds ≥ 0: " + gapSeconds);
        }
        joinGapSeconds = gapSeconds;
        return this;
    }

    /**
     * The segments sorted by start, with those at most {@code maxGapFrames} apart (or overlapping) merged into one
     * segment from the first start to the last end; labels of a merged segment are its distinct labels joined
     * by '+'.
     */
    public static List<Segment> joinBouts(List<Segment> segments, long maxGapFrames) {
        List<Segment> sorted = new ArrayList<>(segments);
        sorted.sort(java.util.Comparator.comparingLong(Segment::startFrame));
        List<Segment> out = new ArrayList<>();
        Segment cur = null;
        for (Segment s : sorted) {
            if (cur != null && s.startFrame() - cur.endFrame() <= maxGapFrames) {
                String label = cur.label();
                String next = s.label() == null ? "" : s.label();
                if (!next.isEmpty() && !java.util.Arrays.asList(label.split("\\+")).contains(next)) {
                    label = label.isEmpty() ? next : label + "+" + next;
                }
                cur = new Segment(cur.startFrame(), Math.max(cur.endFrame(), s.endFrame()), label);
            } else {
                if (cur != null) {
                    out.add(cur);
                }
                cur = new Segment(s.startFrame(), s.endFrame(), s.label() == null ? "" : s.label());
            }
        }
        if (cur != null) {
            out.add(cur);
        }
        return out;
    }

    /**
     * Adds the segments of one recording (segments shorter than one STFT segment are skipped and counted); with
     * {@link #joiningGaps} the provenance indices refer to the joined bouts.
     *
     * @param recordingId how the corpus names the recording
     * @throws IllegalArgumentException if this recording has another sample rate (or frame width) than the
     *                                  earlier ones
     * @throws InterruptedException     if the thread is interrupted
     */
    public void add(String recordingId, Recording rec, List<Segment> given) throws InterruptedException {
        List<Segment> segments = joinGapSeconds > 0
                ? joinBouts(given, Math.round(joinGapSeconds * rec.sampleRateHz())) : given;
        int f = settings.nVisible(rec.sampleRateHz());
        if (!Double.isNaN(rateHz) && rec.sampleRateHz() != rateHz) {
            throw new IllegalArgumentException(recordingId + ": recorded at " + rec.sampleRateHz()
                    + " Hz, but the corpus's other recordings are at " + rateHz + " Hz; a frame's bins would"
                    + " stand for different frequencies: use recordings of one rate (resample them first)");
        }
        if (nVisible >= 0 && f != nVisible) {
            throw new IllegalArgumentException(recordingId + ": frames of " + f + " values at "
                    + rec.sampleRateHz() + " Hz, but the corpus has " + nVisible
                    + "; use recordings of one rate or a fixed band");
        }
        for (int i = 0; i < segments.size(); i++) {
            if (Thread.interrupted()) {
                throw new InterruptedException("corpus building interrupted");
            }
            Segment s = segments.get(i);
            long end = Math.min(s.endFrame(), rec.frames());
            if (settings.stft().frameCount(end - s.startFrame()) < 1) {
                skipped++;
                continue;
            }
            Spectrogram psd = Stft.spectrogram(rec, channel, s.startFrame(), end, settings.stft(), null, 1, null);
            sequences.add(settings.needsLevels() ? settings.bandDb(psd) : settings.scale(psd));
            maxDbs.add(settings.maxDb(psd));
            provenance.add(new CorpusSegment(recordingId, i, s.startFrame(), end, rec.sampleRateHz(),
                    s.label() == null ? "" : s.label()));
            nVisible = f;
            rateHz = rec.sampleRateHz();
        }
    }

    /** Segments kept so far. */
    public int size() {
        return sequences.size();
    }

    /**
     * The corpus; its frame settings carry the median of the segments' maximum levels as reference (or, for
     * {@code corpus-db}, the corpus levels).
     *
     * @throws IllegalStateException if no segment was kept
     */
    public Corpus build(String origin) {
        if (sequences.isEmpty()) {
            throw new IllegalStateException("no segment long enough for one STFT frame (" + skipped
                    + " skipped): nothing to train on");
        }
        double[] levels = maxDbs.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(levels);
        int n = levels.length;
        double median = n % 2 == 1 ? levels[n / 2] : (levels[n / 2 - 1] + levels[n / 2]) / 2;
        if (settings.needsLevels()) {
            SpectralFrames levelled = CorpusLevels.estimate(settings, sequences);
            List<float[][]> scaled = sequences.stream().map(levelled::scaleDb).toList();
            return new Corpus(new SequenceDataset(nVisible, scaled, origin), provenance, levelled, skipped,
                    joinGapSeconds);
        }
        SpectralFrames frames = settings.scaling() == org.echoic.dsp.FrameScaling.CORPUS_DB ? settings
                : settings.withReferenceDb(median);
        return new Corpus(new SequenceDataset(nVisible, sequences, origin), provenance, frames, skipped,
                joinGapSeconds);
    }
}
