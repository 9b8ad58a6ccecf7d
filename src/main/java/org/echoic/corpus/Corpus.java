package org.echoic.corpus;

import java.util.List;

import org.echoic.dsp.SpectralFrames;
import org.echoic.train.SequenceDataset;

/**
 * A training corpus built from audio segments: the scaled frames of every segment (sequence i of
 * {@link #dataset()} comes from {@code segments().get(i)}), the frame settings with the corpus reference
 * level filled in, and what was left out. Immutable once built.
 *
 * @param dataset         one sequence per kept segment, frames in [0, 1]
 * @param segments        provenance of each sequence
 * @param frames          the frame settings ({@link SpectralFrames#referenceDb()} set from the corpus)
 * @param skippedSegments segments shorter than one STFT segment, left out
 * @param joinGapSeconds  segments at most this far apart were joined into one sequence (a bout); 0 = none
 */
public record Corpus(SequenceDataset dataset, List<CorpusSegment> segments, SpectralFrames frames,
                     int skippedSegments, double joinGapSeconds) {

    /** A corpus of single segments. */
    public Corpus(SequenceDataset dataset, List<CorpusSegment> segments, SpectralFrames frames, int skippedSegments) {
        this(dataset, segments, frames, skippedSegments, 0);
    }

    public Corpus {
        segments = List.copyOf(segments);
        if (segments.size() != dataset.size()) {
            throw new IllegalArgumentException("one provenance entry per sequence expected");
        }
    }

    /** Total duration of the kept segments in seconds. */
    public double durationSeconds() {
        return segments.stream().mapToDouble(CorpusSegment::durationSeconds).sum();
    }
}
