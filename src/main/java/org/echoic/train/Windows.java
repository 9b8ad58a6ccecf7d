package org.echoic.train;

import java.util.List;

import org.echoic.rnnrbm.SequenceBatch;

/**
 * Cuts the sequences of a batch into windows of at most L frames (or one window of the longest), carrying
 * the recurrent states from window to window. Stateless; thread-safe.
 */
final class Windows {
    /** Runs one window and returns the final recurrent states to carry (null to stop this batch). */
    @FunctionalInterface
    interface WindowStep {
        float[][] run(SequenceBatch window, int windowIndex) throws InterruptedException;
    }

    private Windows() {
    }

    /** Calls {@code step} for each window of sequences {@code order[from..to)}; returns false when stopped. */
    static boolean forEach(List<float[][]> sequences, int[] order, int from, int to, int windowFrames,
                           int nVisible, WindowStep step) throws InterruptedException {
        int longest = 0;
        for (int i = from; i < to; i++) {
            longest = Math.max(longest, sequences.get(order[i]).length);
        }
        int length = windowFrames > 0 ? Math.min(windowFrames, longest) : longest;
        float[][] carry = null;
        int w = 0;
        for (int start = 0; start < longest; start += length, w++) {
            int len = Math.min(length, longest - start);
            SequenceBatch b = SequenceBatch.window(sequences, order, from, to, to - from, start, len, nVisible,
                    carry);
            carry = step.run(b, w);
            if (carry == null) {
                return false;
            }
        }
        return true;
    }
}
