package org.echoic.label;

import java.util.List;

import org.echoic.segment.Annotation;

/**
 * How well labels match the truth: frame error, TweetyNet's syllable error rate (the Levenshtein distance between
 * the predicted and the true label sequences over the true sequence's length), and confusion matrices with
 * per-class precision and recall. Stateless.
 */
public final class LabelMetrics {
    private LabelMetrics() {
    }

    /** Fraction of frames whose predicted class differs from the true one (background included). */
    public static double frameError(int[] truth, int[] predicted) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException("frame counts differ: " + truth.length + " vs " + predicted.length);
        }
        long wrong = 0;
        for (int i = 0; i < truth.length; i++) {
            wrong += truth[i] == predicted[i] ? 0 : 1;
        }
        return truth.length == 0 ? 0 : wrong / (double) truth.length;
    }

    /** Edit distance (insertions, deletions, substitutions) between two label sequences. */
    public static int levenshtein(List<String> a, List<String> b) {
        int[] prev = new int[b.size() + 1];
        int[] cur = new int[b.size() + 1];
        for (int j = 0; j <= b.size(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.size(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.size(); j++) {
                int sub = prev[j - 1] + (a.get(i - 1).equals(b.get(j - 1)) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.size()];
    }

    /** The syllable error rate of {@code predicted} against {@code truth} (segments in time order). */
    public static double syllableErrorRate(List<Annotation> truth, List<Annotation> predicted) {
        List<String> t = truth.stream().map(FrameLabels::className).toList();
        List<String> p = predicted.stream().map(FrameLabels::className).toList();
        return t.isEmpty() ? (p.isEmpty() ? 0 : 1) : levenshtein(t, p) / (double) t.size();
    }

    /** Adds {@code truth}/{@code predicted} pairs to confusion counts {@code [true][predicted]}. */
    public static void addConfusion(long[][] counts, int[] truth, int[] predicted) {
        for (int i = 0; i < truth.length; i++) {
            counts[truth[i]][predicted[i]]++;
        }
    }

    /** Precision of each class: right / all predicted as it (NaN when never predicted). */
    public static double[] precision(long[][] counts) {
        double[] out = new double[counts.length];
        for (int c = 0; c < counts.length; c++) {
            long predicted = 0;
            for (long[] row : counts) {
                predicted += row[c];
            }
            out[c] = predicted == 0 ? Double.NaN : counts[c][c] / (double) predicted;
        }
        return out;
    }

    /** Recall of each class: right / all truly it (NaN when absent). */
    public static double[] recall(long[][] counts) {
        double[] out = new double[counts.length];
        for (int c = 0; c < counts.length; c++) {
            long truly = 0;
            for (long v : counts[c]) {
                truly += v;
            }
            out[c] = truly == 0 ? Double.NaN : counts[c][c] / (double) truly;
        }
        return out;
    }
}
