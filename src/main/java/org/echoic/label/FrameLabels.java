package org.echoic.label;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.echoic.segment.Annotation;

/**
 * Between segment tables and frame labels: a frame takes the class of the segment its centre lies in
 * ([onset, offset)), else background (class 0); runs of labelled frames become segments again, from the boundary
 * before their first frame to the boundary after their last. Stateless.
 */
public final class FrameLabels {
    /** The name of class 0 in tables and confusion matrices. */
    public static final String BACKGROUND = "(background)";
    /** What an empty label in a table is called. */
    public static final String UNLABELLED = "segment";

    private FrameLabels() {
    }

    /** A segment's label as a class name (an empty label is {@link #UNLABELLED}). */
    public static String className(Annotation a) {
        return a.label().isBlank() ? UNLABELLED : a.label().trim();
    }

    /** The classes of the tables: background first, then the labels in order of first appearance. */
    public static List<String> classes(List<List<Annotation>> tables) {
        Map<String, Boolean> names = new LinkedHashMap<>();
        names.put(BACKGROUND, true);
        for (List<Annotation> t : tables) {
            for (Annotation a : t) {
                names.put(className(a), true);
            }
        }
        return List.copyOf(names.keySet());
    }

    /**
     * Frame labels of {@code f} from {@code segments}: the index in {@code classes} of the segment holding each
     * frame's centre; later rows win where segments overlap.
     *
     * @throws IllegalArgumentException if a segment's label is not one of {@code classes}
     */
    public static int[] of(FrameFeatures f, List<Annotation> segments, List<String> classes) {
        int[] labels = new int[f.frames()];
        for (Annotation a : segments) {
            int c = classes.indexOf(className(a));
            if (c <= 0) {
                throw new IllegalArgumentException("label '" + className(a) + "' at " + String.format(Locale.ROOT,
                        "%.3f s", a.startSeconds()) + " is not one of the model's classes " + classes.subList(1,
                        classes.size()));
            }
            int from = f.frameAt(a.startSeconds());
            int to = f.frameAt(a.endSeconds());
            for (int t = from; t < to; t++) {
                labels[t] = c;
            }
        }
        return labels;
    }

    /**
     * The segments of frame labels: maximal runs of one non-background class, each with a {@code confidence}
     * attribute, the mean probability of its class over its frames.
     *
     * @param probabilities time-major {@code [t * classes + c]}
     */
    public static List<Annotation> segments(FrameFeatures f, int[] labels, float[] probabilities, List<String> classes) {
        List<Annotation> out = new ArrayList<>();
        int k = classes.size();
        int t = 0;
        while (t < labels.length) {
            int c = labels[t];
            if (c == 0) {
                t++;
                continue;
            }
            int end = t;
            double p = 0;
            while (end < labels.length && labels[end] == c) {
                p += probabilities[end * k + c];
                end++;
            }
            out.add(new Annotation(micro(f.boundarySeconds(t)), micro(f.boundarySeconds(end)), Double.NaN, Double.NaN,
                    classes.get(c), Map.of("confidence", String.format(Locale.ROOT, "%.4f", p / (end - t)))));
            t = end;
        }
        return out;
    }

    /** Seconds rounded to the microsecond (tables keep six decimals). */
    private static double micro(double seconds) {
        return Math.round(seconds * 1e6) / 1e6;
    }

    /** The most probable class of each frame. */
    public static int[] argmax(float[] probabilities, int classes) {
        int[] out = new int[probabilities.length / classes];
        for (int t = 0; t < out.length; t++) {
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (probabilities[t * classes + c] > probabilities[t * classes + best]) {
                    best = c;
                }
            }
            out[t] = best;
        }
        return out;
    }
}
