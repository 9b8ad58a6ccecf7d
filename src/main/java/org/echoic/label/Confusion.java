package org.echoic.label;

import java.util.List;

/**
 * A labeller's confusion matrix on some clips: counts {@code [true][predicted]} of frames (frame labellers, background
 * included) or of segments (classifiers), with per-class precision and recall. Immutable (arrays not copied: treat
 * them as read-only).
 *
 * @param classes   class names, indexing rows and columns
 * @param counts    {@code counts[true][predicted]}
 * @param precision per class: right / predicted as it (NaN when never predicted)
 * @param recall    per class: right / truly it (NaN when absent)
 * @param unit      what is counted: "frames" or "segments"
 */
public record Confusion(List<String> classes, long[][] counts, double[] precision, double[] recall, String unit) {
    public Confusion {
        classes = List.copyOf(classes);
    }

    /** The confusion of {@code labeller} on {@code clips} (unnormalised features, as training material). */
    public static Confusion of(Labeller labeller, List<LabelledClip> clips) {
        int k = labeller.classes().size();
        long[][] counts = new long[k][k];
        if (labeller.task() == LabelNetwork.Task.FRAMES) {
            for (LabelledClip c : clips) {
                int[] predicted = FrameLabels.argmax(labeller.frameProbabilities(c.features()), k);
                LabelMetrics.addConfusion(counts, c.labels(), predicted);
            }
        } else if (!clips.isEmpty()) {
            float[][] p = labeller.segmentProbabilities(clips.stream().map(LabelledClip::features).toList());
            for (int i = 0; i < clips.size(); i++) {
                counts[clips.get(i).labels()[0]][FrameLabels.argmax(p[i], k)[0]]++;
            }
        }
        return new Confusion(labeller.classes(), counts, LabelMetrics.precision(counts), LabelMetrics.recall(counts),
                labeller.task() == LabelNetwork.Task.FRAMES ? "frames" : "segments");
    }

    /** Everything counted. */
    public long total() {
        long n = 0;
        for (long[] row : counts) {
            for (long v : row) {
                n += v;
            }
        }
        return n;
    }

    /** Fraction counted on the diagonal (NaN when nothing was counted). */
    public double accuracy() {
        long right = 0;
        for (int c = 0; c < counts.length; c++) {
            right += counts[c][c];
        }
        long n = total();
        return n == 0 ? Double.NaN : right / (double) n;
    }
}
