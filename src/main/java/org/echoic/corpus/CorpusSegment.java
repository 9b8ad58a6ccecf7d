package org.echoic.corpus;

/**
 * Where one training sequence of a {@link Corpus} came from: a segment of a recording.
 *
 * @param recording    an identifier of the recording (its path as the user gave it)
 * @param index        the segment's index in the recording's segment list
 * @param startFrame   first sample frame of the segment
 * @param endFrame     one past the last sample frame
 * @param sampleRateHz the recording's sample rate
 * @param label        the segment's label ("" if none)
 */
public record CorpusSegment(String recording, int index, long startFrame, long endFrame, double sampleRateHz,
                            String label) {

    public double durationSeconds() {
        return (endFrame - startFrame) / sampleRateHz;
    }
}
