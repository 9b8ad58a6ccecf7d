package org.echoic.label;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Trains a {@link Labeller}: features normalised with statistics of the training part, a seeded validation split,
 * class-weighted cross-entropy with Adam on windows (frames: tiles of the recordings from a random offset each
 * epoch, shuffled; segments: each segment cropped or padded to the window), validation loss and accuracy after every
 * epoch, and early stopping that keeps the weights of the best validation loss. The same data, parameters and seed
 * give the same weights. Runs on the calling thread; stops between batches when the listener asks.
 */
public final class LabellerTrainer {
    /** What training reports (on the training thread). */
    public interface Listener {
        /** True to stop after the current batch. */
        boolean stopRequested();

        /** After every batch: its loss and frames, and the fraction of the schedule done. */
        void batch(int epoch, int batch, int batchesPerEpoch, double loss, long frames, double progress);

        /**
         * After every epoch; {@code improved} is the labeller with this epoch's (new best) weights, to be saved now,
         * or null when the epoch did not improve.
         */
        void epoch(EpochResult result, Labeller improved) throws IOException;
    }

    /**
     * One epoch.
     *
     * @param epoch              0-based
     * @param trainLoss          mean batch loss, weighted by frames
     * @param validationLoss     loss on the validation windows (the training loss without validation data)
     * @param validationAccuracy fraction of validation frames (or segments) classified right (NaN without)
     * @param improved           the best validation loss so far
     */
    public record EpochResult(int epoch, double trainLoss, double validationLoss, double validationAccuracy,
                              boolean improved) {
    }

    /**
     * The outcome.
     *
     * @param labeller  the network with the best weights
     * @param history   every epoch trained
     * @param bestEpoch the epoch whose weights were kept (−1 when stopped before the first epoch ended)
     * @param stopped   true when the listener stopped training
     * @param validation the clips held out for validation (before normalisation; empty without validation)
     */
    public record Result(Labeller labeller, List<EpochResult> history, int bestEpoch, boolean stopped,
                         List<LabelledClip> validation) {
        public Result {
            validation = List.copyOf(validation);
        }
    }

    private LabellerTrainer() {
    }

    /**
     * Trains on {@code clips}.
     *
     * @param task    frames (per-frame labels, 0 = background) or segments (one label each)
     * @param classes class names, indexed by the labels
     */
    public static Result train(LabelNetwork.Task task, List<LabelledClip> clips, List<String> classes, TrainingParams p,
                               Listener listener) throws IOException {
        if (clips.isEmpty()) {
            throw new IllegalArgumentException("no training material");
        }
        FrameFeatures first = clips.get(0).features();
        for (LabelledClip c : clips) {
            if (Math.abs(c.features().sampleRateHz() - first.sampleRateHz()) > 1e-6) {
                throw new IllegalArgumentException(c.name() + ": sample rate " + (long) c.features().sampleRateHz()
                        + " Hz differs from " + (long) first.sampleRateHz() + " Hz of " + clips.get(0).name());
            }
        }
        Random rnd = new Random(p.settings().seed());
        List<LabelledClip>[] split = split(task, clips, p.validationFraction(), rnd);
        List<LabelledClip> train = split[0];
        List<LabelledClip> val = split[1];
        Normaliser norm = Normaliser.fit(first.spec().normalisation(), train.stream().map(LabelledClip::features).toList());
        int k = classes.size();
        long[] counts = new long[k];
        for (LabelledClip c : train) {
            for (int label : c.labels()) {
                counts[label]++;
            }
        }
        int width = first.width();
        MultiLayerNetwork net = p.network().build(task, width, p.windowFrames(), p.classWeights(counts), p.settings(),
                DataType.FLOAT);
        Labeller labeller = new Labeller(task, p.network(), classes, first.spec(), norm, p.windowFrames(),
                first.sampleRateHz(), net);
        Map<LabelledClip, float[]> normalised = new LinkedHashMap<>();
        for (LabelledClip c : train) {
            normalised.put(c, norm.apply(c.features().values(), width));
        }
        for (LabelledClip c : val) {
            normalised.put(c, norm.apply(c.features().values(), width));
        }
        List<List<Windows.Window>> valBatches = batches(windows(task, val, normalised, p, 0, p.windowFrames()),
                p.batchSize());
        List<EpochResult> history = new ArrayList<>();
        double best = Double.POSITIVE_INFINITY;
        INDArray bestParams = null;
        int bestEpoch = -1;
        int since = 0;
        boolean stopped = false;
        for (int epoch = 0; epoch < p.maxEpochs() && !stopped; epoch++) {
            List<Windows.Window> ws = new ArrayList<>();
            for (LabelledClip c : train) {
                int offset = rnd.nextInt(p.windowFrames());
                ws.addAll(windows(task, List.of(c), normalised, p, offset, p.windowFrames()));
            }
            Collections.shuffle(ws, rnd);
            List<List<Windows.Window>> batches = batches(ws, p.batchSize());
            double lossSum = 0;
            long frameSum = 0;
            for (int b = 0; b < batches.size(); b++) {
                if (listener.stopRequested()) {
                    stopped = true;
                    break;
                }
                List<Windows.Window> batch = batches.get(b);
                net.fit(dataSet(task, batch, width, k));
                long frames = batch.stream().mapToLong(Windows.Window::length).sum();
                lossSum += net.score() * frames;
                frameSum += frames;
                listener.batch(epoch, b, batches.size(), net.score(), frames,
                        (epoch + (b + 1.0) / batches.size()) / p.maxEpochs());
            }
            if (stopped) {
                break;
            }
            double trainLoss = lossSum / Math.max(1, frameSum);
            double[] v = valBatches.isEmpty() ? new double[] {trainLoss, Double.NaN}
                    : evaluate(task, net, valBatches, width, k);
            boolean improved = v[0] < best - 1e-7;
            if (improved) {
                best = v[0];
                bestParams = net.params().dup();
                bestEpoch = epoch;
                since = 0;
            } else {
                since++;
            }
            EpochResult r = new EpochResult(epoch, trainLoss, v[0], v[1], improved);
            history.add(r);
            listener.epoch(r, improved ? labeller : null);
            if (since >= p.patience()) {
                break;
            }
        }
        if (bestParams != null) {
            net.setParams(bestParams);
        }
        return new Result(labeller, history, bestEpoch, stopped, val);
    }

    /** [training, validation] clips. */
    @SuppressWarnings("unchecked")
    private static List<LabelledClip>[] split(LabelNetwork.Task task, List<LabelledClip> clips, double fraction,
                                              Random rnd) {
        List<LabelledClip> train = new ArrayList<>();
        List<LabelledClip> val = new ArrayList<>();
        if (fraction <= 0) {
            train.addAll(clips);
        } else if (task == LabelNetwork.Task.SEGMENTS || clips.size() >= 3) {
            List<LabelledClip> order = new ArrayList<>(clips);
            Collections.shuffle(order, rnd);
            int n = Math.max(1, (int) Math.round(fraction * order.size()));
            val.addAll(order.subList(0, Math.min(n, order.size() - 1)));
            train.addAll(order.subList(val.size(), order.size()));
        } else {
            for (LabelledClip c : clips) {
                int cut = (int) Math.round(c.features().frames() * (1 - fraction));
                train.add(part(c, 0, cut, "train"));
                val.add(part(c, cut, c.features().frames(), "validation"));
            }
        }
        return new List[] {train, val};
    }

    private static LabelledClip part(LabelledClip c, int from, int to, String what) {
        FrameFeatures f = c.features();
        FrameFeatures sub = new FrameFeatures(f.spec(), f.sampleRateHz(),
                f.startSample() + (long) from * f.spec().hop(f.sampleRateHz()), to - from, f.width(),
                Arrays.copyOfRange(f.values(), from * f.width(), to * f.width()));
        return new LabelledClip(c.name() + " (" + what + ")", sub, Arrays.copyOfRange(c.labels(), from, to));
    }

    private static List<Windows.Window> windows(LabelNetwork.Task task, List<LabelledClip> clips,
                                                Map<LabelledClip, float[]> normalised, TrainingParams p, int offset,
                                                int stride) {
        List<Windows.Window> out = new ArrayList<>();
        for (LabelledClip c : clips) {
            float[] v = normalised.get(c);
            if (task == LabelNetwork.Task.SEGMENTS) {
                out.add(Windows.segment(v, c.labels(), c.features().frames(), p.windowFrames()));
            } else {
                out.addAll(Windows.tile(v, c.labels(), c.features().frames(), p.windowFrames(), stride, offset,
                        !p.network().seesPadding()));
            }
        }
        return out;
    }

    /** Consecutive windows of equal length, at most {@code size} per batch. */
    private static List<List<Windows.Window>> batches(List<Windows.Window> ws, int size) {
        Map<Integer, List<Windows.Window>> bySteps = new LinkedHashMap<>();
        for (Windows.Window w : ws) {
            bySteps.computeIfAbsent(w.steps(), s -> new ArrayList<>()).add(w);
        }
        List<List<Windows.Window>> out = new ArrayList<>();
        for (List<Windows.Window> same : bySteps.values()) {
            for (int i = 0; i < same.size(); i += size) {
                out.add(same.subList(i, Math.min(same.size(), i + size)));
            }
        }
        return out;
    }

    private static DataSet dataSet(LabelNetwork.Task task, List<Windows.Window> batch, int width, int classes) {
        return task == LabelNetwork.Task.FRAMES ? Windows.frameBatch(batch, width, classes)
                : Windows.segmentBatch(batch, width, classes);
    }

    /** [frame-weighted loss, accuracy] on the validation batches. */
    private static double[] evaluate(LabelNetwork.Task task, MultiLayerNetwork net, List<List<Windows.Window>> batches,
                                     int width, int classes) {
        double loss = 0;
        long weight = 0;
        long right = 0;
        long total = 0;
        for (List<Windows.Window> batch : batches) {
            DataSet ds = dataSet(task, batch, width, classes);
            long frames = task == LabelNetwork.Task.FRAMES ? batch.stream().mapToLong(Windows.Window::length).sum()
                    : batch.size();
            loss += net.score(ds) * frames;
            weight += frames;
            INDArray out = net.output(ds.getFeatures(), false, ds.getFeaturesMaskArray(), ds.getLabelsMaskArray());
            INDArray predicted = out.argMax(1);
            INDArray truth = ds.getLabels().argMax(1);
            if (task == LabelNetwork.Task.FRAMES) {
                INDArray mask = ds.getFeaturesMaskArray();
                INDArray same = predicted.eq(truth).castTo(DataType.FLOAT).muli(mask);
                right += same.sumNumber().longValue();
                total += mask.sumNumber().longValue();
            } else {
                right += predicted.eq(truth).castTo(DataType.FLOAT).sumNumber().longValue();
                total += batch.size();
            }
        }
        return new double[] {loss / Math.max(1, weight), right / (double) Math.max(1, total)};
    }
}
