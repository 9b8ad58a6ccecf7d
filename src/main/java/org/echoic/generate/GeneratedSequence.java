package org.echoic.generate;

/**
 * One generated sequence: the priming frames (copied from a real segment, possibly none) followed by the
 * generated frames, time-major {@code [T][F]} in [0, 1]. Immutable by convention (the arrays are not copied).
 *
 * @param index        position in its batch (0-based)
 * @param seed         the seed this sequence was drawn with (the batch seed + index)
 * @param frames       priming frames, then generated frames
 * @param primedFrames how many leading frames are the primer's (0 = generated from zero state)
 */
public record GeneratedSequence(int index, long seed, float[][] frames, int primedFrames) {

    public GeneratedSequence {
        if (primedFrames < 0 || primedFrames > frames.length) {
            throw new IllegalArgumentException("primed frames " + primedFrames + " outside 0.." + frames.length);
        }
    }

    /** Number of generated (not primed) frames. */
    public int generatedFrames() {
        return frames.length - primedFrames;
    }

    /** Frame width F. */
    public int nVisible() {
        return frames.length == 0 ? 0 : frames[0].length;
    }

    /** The frames as one C-order array {@code [T·F]}. */
    public float[] flat() {
        int f = nVisible();
        float[] out = new float[frames.length * f];
        for (int t = 0; t < frames.length; t++) {
            System.arraycopy(frames[t], 0, out, t * f, f);
        }
        return out;
    }
}
