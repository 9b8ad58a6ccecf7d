package org.echoic.service;

import org.echoic.generate.GenerationParams;

/**
 * One batch to generate: the parameters, how many sequences, the primer (or none) and the Griffin-Lim
 * iterations of the resynthesis. Immutable.
 *
 * @param params               frames, Gibbs steps, temperature, mean-field or sampled, seed of the batch
 * @param count                sequences in the batch (≥ 1)
 * @param primer               real frames to continue, or null for zero state
 * @param griffinLimIterations iterations of the phase reconstruction (≥ 1)
 */
public record GenerationRequest(GenerationParams params, int count, Primer primer, int griffinLimIterations) {

    /**
     * The first frames of a real segment that generation continues.
     *
     * @param source  the recording (or data file) the segment comes from
     * @param segment the segment's index there
     * @param frames     the priming frames, {@code [N][F]}
     * @param startFrame first sample frame of the segment in the recording, −1 for a data-set sequence
     * @param endFrame   one past its last sample frame, −1 for a data-set sequence
     * @param channel    the channel its frames come from (−1: the mean of all)
     */
    public record Primer(String source, int segment, float[][] frames, long startFrame, long endFrame, int channel) {
        public Primer {
            if (frames == null || frames.length == 0) {
                throw new IllegalArgumentException("a primer needs at least one frame");
            }
        }

        /** A primer from a data set's sequence (no sample range). */
        public Primer(String source, int segment, float[][] frames) {
            this(source, segment, frames, -1, -1, -1);
        }
    }

    public GenerationRequest {
        if (count < 1 || griffinLimIterations < 1) {
            throw new IllegalArgumentException("need at least one sequence and one Griffin-Lim iteration; got "
                    + count + ", " + griffinLimIterations);
        }
    }
}
