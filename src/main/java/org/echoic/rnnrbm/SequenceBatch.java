package org.echoic.rnnrbm;

import java.util.List;

/**
 * B sequences (or windows of them) laid out for one pass: frames time-major (row t·B + b), padded to the
 * longest with zeros and a mask of 1 for real frames, 0 for padding; optionally the recurrent states carried
 * in from the previous window. Plain Java arrays (no ND4J), immutable after construction.
 */
public final class SequenceBatch {
    private final float[] frames;
    private final float[] mask;
    private final int batchSize;
    private final int steps;
    private final int nVisible;
    private final long realFrames;
    private final float[][] initialStates;

    /**
     * @param frames        T·B·F values, row t·B + b
     * @param mask          T·B values, 1 for a real frame and 0 for padding
     * @param initialStates per layer a B·R state, or null for zero states
     */
    public SequenceBatch(float[] frames, float[] mask, int batchSize, int steps, int nVisible,
                         float[][] initialStates) {
        if (batchSize < 1 || steps < 1 || nVisible < 1
                || frames.length != (long) batchSize * steps * nVisible || mask.length != batchSize * steps) {
            throw new IllegalArgumentException("inconsistent batch: " + batchSize + " sequences × " + steps
                    + " steps × " + nVisible + " values, " + frames.length + " frame values, " + mask.length
                    + " mask values");
        }
        long real = 0;
        for (float m : mask) {
            real += m > 0 ? 1 : 0;
        }
        this.frames = frames;
        this.mask = mask;
        this.batchSize = batchSize;
        this.steps = steps;
        this.nVisible = nVisible;
        this.realFrames = real;
        this.initialStates = initialStates;
    }

    /**
     * A batch of sequences {@code order[from..to)} of {@code sequences}, window [{@code start}, start+{@code length})
     * of each (shorter sequences are padded and masked), padded to {@code batchSize} rows.
     */
    public static SequenceBatch window(List<float[][]> sequences, int[] order, int from, int to, int batchSize,
                                       int start, int length, int nVisible, float[][] initialStates) {
        int count = to - from;
        if (count < 1 || count > batchSize) {
            throw new IllegalArgumentException("batch of " + count + " sequences does not fit " + batchSize);
        }
        float[] frames = new float[batchSize * length * nVisible];
        float[] mask = new float[batchSize * length];
        for (int b = 0; b < count; b++) {
            float[][] seq = sequences.get(order[from + b]);
            for (int t = 0; t < length && start + t < seq.length; t++) {
                int row = t * batchSize + b;
                System.arraycopy(seq[start + t], 0, frames, row * nVisible, nVisible);
                mask[row] = 1f;
            }
        }
        return new SequenceBatch(frames, mask, batchSize, length, nVisible, initialStates);
    }

    /** All sequences of {@code sequences} in one batch, whole (no windows). */
    public static SequenceBatch of(List<float[][]> sequences, int nVisible) {
        int[] order = new int[sequences.size()];
        int longest = 0;
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
            longest = Math.max(longest, sequences.get(i).length);
        }
        return window(sequences, order, 0, order.length, order.length, 0, longest, nVisible, null);
    }

    /** Frame values, time-major (shared array: do not modify). */
    public float[] frames() {
        return frames;
    }

    /** Mask values, time-major (shared array: do not modify). */
    public float[] mask() {
        return mask;
    }

    public int batchSize() {
        return batchSize;
    }

    public int steps() {
        return steps;
    }

    public int nVisible() {
        return nVisible;
    }

    /** Number of real (unmasked) frames. */
    public long realFrames() {
        return realFrames;
    }

    /** Carried state of layer {@code layer} (B·R values), or null for zeros. */
    public float[] initialState(int layer) {
        return initialStates == null ? null : initialStates[layer];
    }
}
