package org.echoic.label;

import java.util.ArrayList;
import java.util.List;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trained labeller: the network with everything needed to turn a recording into its input exactly as in training
 * (features, normalisation, window, rate) and its output into classes. Frame labellers give class probabilities per
 * frame: overlapping windows (half a window apart) are combined with Hann weights, so each frame is judged mostly
 * from the middle of a window. Segment classifiers give one distribution per segment. Not thread-safe (the network
 * is used on one thread, the model thread in the workbench).
 *
 * @param task         frames or segments
 * @param network      which network
 * @param classes      class names (for frames, index 0 is {@link FrameLabels#BACKGROUND})
 * @param spec         the features
 * @param normaliser   the normalisation fitted to the training frames
 * @param windowFrames frames per window
 * @param sampleRateHz the training recordings' rate; other rates are refused
 * @param net          the DL4J network
 */
public record Labeller(LabelNetwork.Task task, LabelNetwork network, List<String> classes, FeatureSpec spec,
                       Normaliser normaliser, int windowFrames, double sampleRateHz, MultiLayerNetwork net) {
    private static final int BATCH = 16;

    public Labeller {
        classes = List.copyOf(classes);
    }

    /** Class probabilities of every frame, time-major {@code [t * classes + c]}. */
    public float[] frameProbabilities(FrameFeatures f) {
        int k = classes.size();
        int w = f.width();
        float[] v = normaliser.apply(f.values(), w);
        List<Windows.Window> ws = Windows.tile(v, null, f.frames(), windowFrames, Math.max(1, windowFrames / 2), 0,
                !network.seesPadding());
        double[] acc = new double[f.frames() * k];
        double[] weight = new double[f.frames()];
        for (int i = 0; i < ws.size(); i += BATCH) {
            List<Windows.Window> batch = ws.subList(i, Math.min(ws.size(), i + BATCH));
            INDArray[] fm = Windows.features(batch, w);
            INDArray out = net.output(fm[0], false, fm[1], fm[1]);
            float[] p = out.dup('c').data().asFloat();
            int steps = batch.get(0).steps();
            for (int b = 0; b < batch.size(); b++) {
                Windows.Window win = batch.get(b);
                for (int t = 0; t < win.length(); t++) {
                    double h = win.length() < windowFrames ? 1
                            : 0.5 - 0.5 * Math.cos(2 * Math.PI * (t + 0.5) / win.length());
                    int frame = win.start() + t;
                    weight[frame] += h;
                    for (int c = 0; c < k; c++) {
                        acc[frame * k + c] += h * p[(b * k + c) * steps + t];
                    }
                }
            }
        }
        float[] probs = new float[acc.length];
        for (int t = 0; t < f.frames(); t++) {
            for (int c = 0; c < k; c++) {
                probs[t * k + c] = (float) (acc[t * k + c] / weight[t]);
            }
        }
        return probs;
    }

    /** Class probabilities of each segment (its frames), {@code [segment][class]}. */
    public float[][] segmentProbabilities(List<FrameFeatures> segments) {
        List<Windows.Window> ws = new ArrayList<>();
        for (FrameFeatures s : segments) {
            ws.add(Windows.segment(normaliser.apply(s.values(), s.width()), null, s.frames(), windowFrames));
        }
        float[][] out = new float[segments.size()][];
        for (int i = 0; i < ws.size(); i += BATCH) {
            List<Windows.Window> batch = ws.subList(i, Math.min(ws.size(), i + BATCH));
            INDArray[] fm = Windows.features(batch, segments.get(0).width());
            INDArray p = net.output(fm[0], false, fm[1], null);
            for (int b = 0; b < batch.size(); b++) {
                out[i + b] = p.getRow(b).dup().toFloatVector();
            }
        }
        return out;
    }
}
