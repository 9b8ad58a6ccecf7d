package org.echoic.embed;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.graph.rnn.DuplicateToTimeSeriesVertex;
import org.deeplearning4j.nn.conf.graph.rnn.LastTimeStepVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.echoic.dsp.DilatedSpectralBuffer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Seed 002's listener network on DL4J: a sequence-to-sequence LSTM autoencoder. At each step the encoder hears the
 * dilated spectral buffer of the segment's frames (the frame and the means over the previous 1, 2, 4, … frames);
 * its last real step's state ({@link LastTimeStepVertex}, masked) is the embedding, which
 * {@link DuplicateToTimeSeriesVertex} repeats over the segment's length for the decoder LSTM, whose sigmoid output
 * reconstructs the frames (mean squared error, masked beyond each segment's end). Segments of similar length are
 * batched together (padding to the longest of the batch). Seeded: the same frames, parameters and seed give the
 * same weights on the CPU backend. ND4J arrays: use from one thread (the model thread).
 */
public final class ListenerNetwork {
    /** The embedding vertex. */
    public static final String EMBEDDING = "embedding";

    /** Receives one value per batch and per epoch while training; may ask to stop (between batches). */
    public interface Listener {
        void batch(int epoch, int batch, int batches, double loss);

        void epoch(int epoch, double meanLoss);

        boolean stopRequested();
    }

    private final ComputationGraph graph;
    private final ListenerParams params;

    private ListenerNetwork(ComputationGraph graph, ListenerParams params) {
        this.graph = graph;
        this.params = params;
    }

    /** A new network with seeded weights. */
    public static ListenerNetwork create(ListenerParams params) {
        int in = params.inputsPerStep();
        int bands = params.frames().bands();
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(params.seed())
                .dataType(DataType.FLOAT)
                .updater(new Adam(params.learningRate()))
                .weightInit(WeightInit.XAVIER)
                .graphBuilder()
                .addInputs("in")
                .addLayer("encoder", new LSTM.Builder().nIn(in).nOut(params.hidden()).activation(Activation.TANH)
                        .build(), "in")
                .addVertex(EMBEDDING, new LastTimeStepVertex("in"), "encoder")
                .addVertex("repeat", new DuplicateToTimeSeriesVertex("in"), EMBEDDING)
                .addLayer("decoder", new LSTM.Builder().nIn(params.hidden()).nOut(params.decoderHidden())
                        .activation(Activation.TANH).build(), "repeat")
                .addLayer("out", new RnnOutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(params.decoderHidden())
                        .nOut(bands).activation(Activation.SIGMOID).build(), "decoder")
                .setOutputs("out")
                .setInputTypes(InputType.recurrent(in, RNNFormat.NCW))
                .build();
        ComputationGraph g = new ComputationGraph(conf);
        g.init();
        return new ListenerNetwork(g, params);
    }

    /** A network around a loaded graph (see {@code io.ListenerFiles}). */
    public static ListenerNetwork of(ComputationGraph graph, ListenerParams params) {
        return new ListenerNetwork(graph, params);
    }

    public ComputationGraph graph() {
        return graph;
    }

    public ListenerParams params() {
        return params;
    }

    /**
     * Trains for {@code params.epochs()} epochs on the segments' frames.
     *
     * @return the mean reconstruction loss of each epoch run
     */
    public double[] train(List<SegmentFrames.Frames> segments, Listener listener) throws InterruptedException {
        List<int[]> batches = batches(segments);
        Random order = new Random(params.seed());
        double[] losses = new double[params.epochs()];
        int done = 0;
        for (int epoch = 0; epoch < params.epochs(); epoch++) {
            List<int[]> shuffled = new ArrayList<>(batches);
            java.util.Collections.shuffle(shuffled, order);
            double sum = 0;
            for (int b = 0; b < shuffled.size(); b++) {
                if (Thread.interrupted()) {
                    throw new InterruptedException("listener training cancelled");
                }
                MultiDataSet data = dataSet(segments, shuffled.get(b));
                graph.fit(data);
                double loss = graph.score();
                sum += loss;
                if (listener != null) {
                    listener.batch(epoch, b, shuffled.size(), loss);
                }
                if (listener != null && listener.stopRequested()) {
                    return Arrays.copyOf(losses, done);
                }
            }
            losses[epoch] = sum / Math.max(1, shuffled.size());
            done = epoch + 1;
            if (listener != null) {
                listener.epoch(epoch, losses[epoch]);
            }
        }
        return losses;
    }

    /** The mean reconstruction loss over the segments (no training). */
    public double loss(List<SegmentFrames.Frames> segments) {
        double sum = 0;
        int n = 0;
        for (int[] batch : batches(segments)) {
            sum += graph.score(dataSet(segments, batch)) * batch.length;
            n += batch.length;
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** The embedding (the encoder's state at each segment's last frame) of every segment. */
    public float[][] embed(List<SegmentFrames.Frames> segments) throws InterruptedException {
        float[][] out = new float[segments.size()][];
        for (int[] batch : batches(segments)) {
            if (Thread.interrupted()) {
                throw new InterruptedException("embedding cancelled");
            }
            MultiDataSet data = dataSet(segments, batch);
            graph.setLayerMaskArrays(data.getFeaturesMaskArrays(), null);
            Map<String, INDArray> acts = graph.feedForward(data.getFeatures(), false, false);
            graph.clearLayerMaskArrays();
            float[][] z = acts.get(EMBEDDING).toFloatMatrix();
            for (int i = 0; i < batch.length; i++) {
                out[batch[i]] = z[i];
            }
        }
        return out;
    }

    /** Segments sorted by length (ties by index) and cut into batches. */
    private List<int[]> batches(List<SegmentFrames.Frames> segments) {
        Integer[] idx = new Integer[segments.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> segments.get(a).frames() != segments.get(b).frames()
                ? Integer.compare(segments.get(a).frames(), segments.get(b).frames()) : Integer.compare(a, b));
        List<int[]> out = new ArrayList<>();
        for (int s = 0; s < idx.length; s += params.batch()) {
            int[] b = new int[Math.min(params.batch(), idx.length - s)];
            for (int i = 0; i < b.length; i++) {
                b[i] = idx[s + i];
            }
            out.add(b);
        }
        return out;
    }

    /** Inputs (dilated buffer), targets (frames) and masks of one batch, padded to its longest segment. */
    private MultiDataSet dataSet(List<SegmentFrames.Frames> segments, int[] batch) {
        int bands = params.frames().bands();
        int in = params.inputsPerStep();
        int t = 1;
        for (int i : batch) {
            t = Math.max(t, segments.get(i).frames());
        }
        float[] x = new float[batch.length * in * t];
        float[] y = new float[batch.length * bands * t];
        float[] mask = new float[batch.length * t];
        for (int b = 0; b < batch.length; b++) {
            SegmentFrames.Frames f = segments.get(batch[b]);
            int len = f.frames();
            float[] stack = params.lags() > 1
                    ? DilatedSpectralBuffer.stack(f.values(), bands, len, 2, params.lags() - 1, true) : new float[0];
            for (int k = 0; k < bands; k++) {
                System.arraycopy(f.values(), k * len, x, (b * in + k) * t, len);
                System.arraycopy(f.values(), k * len, y, (b * bands + k) * t, len);
            }
            for (int r = 0; r < (params.lags() - 1) * bands; r++) {
                System.arraycopy(stack, r * len, x, (b * in + bands + r) * t, len);
            }
            Arrays.fill(mask, b * t, b * t + len, 1f);
        }
        INDArray features = Nd4j.create(x, new long[] {batch.length, in, t}, 'c');
        INDArray labels = Nd4j.create(y, new long[] {batch.length, bands, t}, 'c');
        INDArray m = Nd4j.create(mask, new long[] {batch.length, t}, 'c');
        return new MultiDataSet(new INDArray[] {features}, new INDArray[] {labels}, new INDArray[] {m},
                new INDArray[] {m});
    }
}
