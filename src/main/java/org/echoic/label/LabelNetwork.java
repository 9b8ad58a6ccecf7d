package org.echoic.label;

import java.util.Locale;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/**
 * The seeds' recurrent networks on frames, built with DL4J (the GRU is {@link GruLayer}): a simple RNN, a GRU, an
 * LSTM, a bidirectional LSTM, or a CNN front end (two 1-D convolutions over time, kernel 5, ReLU, 32 and 64
 * channels) before a bidirectional LSTM, as TweetyNet puts convolutions before its BiLSTM. Frame labelling ends in a
 * softmax per frame; segment classification averages the recurrent outputs over the (masked) frames first. Both use
 * class-weighted cross-entropy, Adam and element-wise gradient clipping at 1.
 */
public enum LabelNetwork {
    SIMPLE_RNN, GRU, LSTM, BILSTM, CNN_BILSTM;

    /** What the network predicts. */
    public enum Task {
        /** One class per frame (0 = background). */
        FRAMES,
        /** One class per segment. */
        SEGMENTS
    }

    /**
     * Sizes and training settings.
     *
     * @param hiddenUnits  recurrent units (per direction)
     * @param learningRate Adam's rate
     * @param seed         weight initialisation seed
     */
    public record Settings(int hiddenUnits, double learningRate, long seed) {
        public Settings {
            if (hiddenUnits < 1 || !(learningRate > 0)) {
                throw new IllegalArgumentException("hidden units ≥ 1 and learning rate > 0: " + hiddenUnits + ", "
                        + learningRate);
            }
        }
    }

    /** True for networks that read windows backwards too (or across time): they are never fed padded windows. */
    public boolean seesPadding() {
        return this == BILSTM || this == CNN_BILSTM;
    }

    /** The command-line name, e.g. {@code cnn-bilstm}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The network named {@code name} ({@link #cliName()}). */
    public static LabelNetwork parse(String name) {
        for (LabelNetwork n : values()) {
            if (n.cliName().equals(name.trim().toLowerCase(Locale.ROOT))) {
                return n;
            }
        }
        throw new IllegalArgumentException("unknown network '" + name + "' (simple-rnn, gru, lstm, bilstm, cnn-bilstm)");
    }

    /**
     * A new, initialised network for windows of {@code steps} frames of {@code width} values and
     * {@code classWeights.length} classes.
     *
     * @param classWeights the loss weight of each class (1 = unweighted)
     * @param dataType     FLOAT for training, DOUBLE for gradient checks
     */
    public MultiLayerNetwork build(Task task, int width, int steps, double[] classWeights, Settings s,
                                    DataType dataType) {
        return build(task, width, steps, classWeights, s, dataType, false);
    }

    /** As {@link #build}; {@code plainGradients} (for gradient checks) uses no updater and no clipping. */
    MultiLayerNetwork build(Task task, int width, int steps, double[] classWeights, Settings s, DataType dataType,
                            boolean plainGradients) {
        int h = s.hiddenUnits();
        NeuralNetConfiguration.Builder b = new NeuralNetConfiguration.Builder()
                .seed(s.seed())
                .dataType(dataType)
                .weightInit(WeightInit.XAVIER);
        if (plainGradients) {
            b.updater(new NoOp());
        } else {
            b.updater(new Adam(s.learningRate()))
                    .gradientNormalization(GradientNormalization.ClipElementWiseAbsoluteValue)
                    .gradientNormalizationThreshold(1.0);
        }
        NeuralNetConfiguration.ListBuilder list = b.list();
        int out = switch (this) {
            case SIMPLE_RNN -> {
                list.layer(new SimpleRnn.Builder().nIn(width).nOut(h).activation(Activation.TANH).build());
                yield h;
            }
            case GRU -> {
                list.layer(new GruLayer(width, h, steps));
                yield h;
            }
            case LSTM -> {
                list.layer(lstm(width, h));
                yield h;
            }
            case BILSTM -> {
                list.layer(new Bidirectional(Bidirectional.Mode.CONCAT, lstm(width, h)));
                yield 2 * h;
            }
            case CNN_BILSTM -> {
                list.layer(conv(width, 32));
                list.layer(conv(32, 64));
                list.layer(new Bidirectional(Bidirectional.Mode.CONCAT, lstm(64, h)));
                yield 2 * h;
            }
        };
        LossMCXENT loss = new LossMCXENT(Nd4j.createFromArray(classWeights).castTo(dataType).reshape(1,
                classWeights.length));
        if (task == Task.FRAMES) {
            list.layer(new RnnOutputLayer.Builder(loss).activation(Activation.SOFTMAX).nIn(out)
                    .nOut(classWeights.length).build());
        } else {
            list.layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).build());
            list.layer(new OutputLayer.Builder(loss).activation(Activation.SOFTMAX).nIn(out)
                    .nOut(classWeights.length).build());
        }
        list.setInputType(InputType.recurrent(width, steps));
        MultiLayerNetwork net = new MultiLayerNetwork(list.build());
        net.init();
        return net;
    }

    private static LSTM lstm(int in, int h) {
        return new LSTM.Builder().nIn(in).nOut(h).activation(Activation.TANH).build();
    }

    private static Convolution1DLayer conv(int in, int channels) {
        return new Convolution1DLayer.Builder().nIn(in).nOut(channels).kernelSize(5).stride(1)
                .convolutionMode(ConvolutionMode.Same).activation(Activation.RELU).build();
    }
}
