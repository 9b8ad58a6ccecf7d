package org.echoic.label;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Windows of normalised frames and the arrays a network takes: features {@code [batch, width, steps]}, one-hot
 * labels {@code [batch, classes, steps]} (frames) or {@code [batch, classes]} (segments), and a mask
 * {@code [batch, steps]} that is 1 on real frames and 0 on the padding after them. Stateless.
 */
final class Windows {
    /**
     * A window: frames {@code [start, start + length)} of a clip, padded to {@code steps}.
     *
     * @param values normalised time-major frames of the whole clip
     * @param labels the clip's labels (per frame, or one for a segment)
     */
    record Window(float[] values, int[] labels, int start, int length, int steps) {
    }

    private Windows() {
    }

    /**
     * Windows of {@code steps} frames over a clip of {@code frames} frames: from {@code offset} every {@code stride}
     * frames, the last one ending at the clip's end (so every frame from {@code offset} on is covered). A clip shorter
     * than {@code steps} gives one window of its own length, padded ({@code padShort}) or not.
     */
    static List<Window> tile(float[] values, int[] labels, int frames, int steps, int stride, int offset,
                             boolean padShort) {
        List<Window> out = new ArrayList<>();
        if (frames <= steps) {
            out.add(new Window(values, labels, 0, frames, padShort ? steps : frames));
            return out;
        }
        int start = Math.min(offset, frames - steps);
        while (true) {
            out.add(new Window(values, labels, start, steps, steps));
            if (start + steps >= frames) {
                break;
            }
            start = Math.min(start + stride, frames - steps);
        }
        return out;
    }

    /** Features and mask of windows that all have the same {@code steps}. */
    static INDArray[] features(List<Window> ws, int width) {
        int b = ws.size();
        int steps = ws.get(0).steps();
        float[] x = new float[b * width * steps];
        float[] m = new float[b * steps];
        for (int i = 0; i < b; i++) {
            Window w = ws.get(i);
            for (int t = 0; t < w.length(); t++) {
                int src = (w.start() + t) * width;
                for (int f = 0; f < width; f++) {
                    x[(i * width + f) * steps + t] = w.values()[src + f];
                }
                m[i * steps + t] = 1;
            }
        }
        return new INDArray[] {Nd4j.create(x, new long[] {b, width, steps}, 'c'),
            Nd4j.create(m, new long[] {b, steps}, 'c')};
    }

    /** A training batch of frame windows with one-hot frame labels. */
    static DataSet frameBatch(List<Window> ws, int width, int classes) {
        INDArray[] fm = features(ws, width);
        int b = ws.size();
        int steps = ws.get(0).steps();
        float[] y = new float[b * classes * steps];
        for (int i = 0; i < b; i++) {
            Window w = ws.get(i);
            for (int t = 0; t < w.length(); t++) {
                y[(i * classes + w.labels()[w.start() + t]) * steps + t] = 1;
            }
        }
        return new DataSet(fm[0], Nd4j.create(y, new long[] {b, classes, steps}, 'c'), fm[1], fm[1]);
    }

    /** A training batch of segment windows with one-hot segment labels. */
    static DataSet segmentBatch(List<Window> ws, int width, int classes) {
        INDArray[] fm = features(ws, width);
        float[] y = new float[ws.size() * classes];
        for (int i = 0; i < ws.size(); i++) {
            y[i * classes + ws.get(i).labels()[0]] = 1;
        }
        return new DataSet(fm[0], Nd4j.create(y, new long[] {ws.size(), classes}, 'c'), fm[1], null);
    }

    /** A segment of {@code frames} frames as one window of {@code steps}: its middle part when longer, padded when shorter. */
    static Window segment(float[] values, int[] labels, int frames, int steps) {
        if (frames >= steps) {
            return new Window(values, labels, (frames - steps) / 2, steps, steps);
        }
        return new Window(values, labels, 0, frames, steps);
    }
}
