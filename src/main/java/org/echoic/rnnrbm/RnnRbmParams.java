package org.echoic.rnnrbm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * All parameters of an RNN-RBM in ONE flat vector, with matrix views into it, so that the optimiser, the
 * regulariser and checkpoints treat the model as a single array. The same layout holds gradients.
 * Layout: the recurrent matrices of layers 1–3 (Wzr = [Wz|Wr], Wh, Uzr = [Uz|Ur], Uh), then Wuv and Wuh
 * (the "recurrent" range, {@link #recurrentEnd()}), then W (ending the weight range, {@link #weightsEnd()}),
 * then the biases (bzr, bh of each layer, bv, bh of the RBM). Not thread-safe.
 */
public final class RnnRbmParams {
    /** Number of stacked recurrent layers. */
    public static final int LAYERS = 3;

    /** A named parameter group: its offset in the flat vector and its matrix shape. */
    public record Group(String name, long offset, int rows, int cols) {
        /** Number of elements. */
        public long length() {
            return (long) rows * cols;
        }
    }

    private final RnnRbmConfig config;
    private final INDArray flat;
    private final List<Group> groups;
    private final long recurrentEnd;
    private final long weightsEnd;
    final INDArray[] wzr = new INDArray[LAYERS];
    final INDArray[] wh = new INDArray[LAYERS];
    final INDArray[] uzr = new INDArray[LAYERS];
    final INDArray[] uh = new INDArray[LAYERS];
    final INDArray[] bzr = new INDArray[LAYERS];
    final INDArray[] bh = new INDArray[LAYERS];
    final INDArray wuv;
    final INDArray wuh;
    final INDArray w;
    final INDArray bv;
    final INDArray bhid;

    /** Zero parameters of {@code config} in {@code dataType}. */
    public RnnRbmParams(RnnRbmConfig config, DataType dataType) {
        this(config, Nd4j.zeros(dataType, size(config)));
    }

    /** Views over an existing flat vector of {@link #size(RnnRbmConfig)} elements (shared, not copied). */
    public RnnRbmParams(RnnRbmConfig config, INDArray flat) {
        if (flat.rank() != 1 || flat.length() != size(config)) {
            throw new IllegalArgumentException("flat parameter vector must have " + size(config)
                    + " elements, got shape " + java.util.Arrays.toString(flat.shape()));
        }
        this.config = config;
        this.flat = flat;
        List<Group> gs = layout(config);
        this.groups = Collections.unmodifiableList(gs);
        int i = 0;
        for (int l = 0; l < LAYERS; l++) {
            wzr[l] = view(gs.get(i++));
            wh[l] = view(gs.get(i++));
            uzr[l] = view(gs.get(i++));
            uh[l] = view(gs.get(i++));
        }
        wuv = view(gs.get(i++));
        wuh = view(gs.get(i++));
        recurrentEnd = gs.get(i).offset();
        w = view(gs.get(i++));
        weightsEnd = gs.get(i).offset();
        for (int l = 0; l < LAYERS; l++) {
            bzr[l] = view(gs.get(i++));
            bh[l] = view(gs.get(i++));
        }
        bv = view(gs.get(i++));
        bhid = view(gs.get(i));
    }

    /** Number of parameters of a model with {@code config}. */
    public static long size(RnnRbmConfig config) {
        Group last = layout(config).get(layout(config).size() - 1);
        return last.offset() + last.length();
    }

    private static List<Group> layout(RnnRbmConfig c) {
        int f = c.nVisible();
        int h = c.nHidden();
        int r = c.nRecurrent();
        List<Group> gs = new ArrayList<>();
        long[] off = {0};
        java.util.function.BiConsumer<String, int[]> add = (name, shape) -> {
            gs.add(new Group(name, off[0], shape[0], shape[1]));
            off[0] += (long) shape[0] * shape[1];
        };
        for (int l = 0; l < LAYERS; l++) {
            int in = l == 0 ? f : r;
            add.accept("layer" + (l + 1) + ".Wzr", new int[] {in, 2 * r});
            add.accept("layer" + (l + 1) + ".Wh", new int[] {in, r});
            add.accept("layer" + (l + 1) + ".Uzr", new int[] {r, 2 * r});
            add.accept("layer" + (l + 1) + ".Uh", new int[] {r, r});
        }
        add.accept("Wuv", new int[] {r, f});
        add.accept("Wuh", new int[] {r, h});
        add.accept("W", new int[] {f, h});
        for (int l = 0; l < LAYERS; l++) {
            add.accept("layer" + (l + 1) + ".bzr", new int[] {1, 2 * r});
            add.accept("layer" + (l + 1) + ".bh", new int[] {1, r});
        }
        add.accept("bv", new int[] {1, f});
        add.accept("bh", new int[] {1, h});
        return gs;
    }

    private INDArray view(Group g) {
        return flat.get(NDArrayIndex.interval(g.offset(), g.offset() + g.length())).reshape('c', g.rows(), g.cols());
    }

    /**
     * Initialises as the spec says: W ~ N(0, 0.01²); every recurrent matrix, Wuv and Wuh ~ N(0, 1e-4²);
     * biases 0 (the standard deviations are configuration options; with a layer gain g &gt; 0 each recurrent-layer
     * matrix of fan-in n is drawn from N(0, g²/n) instead). All draws come from {@code rng}, in a fixed order.
     */
    public void initialise(Random rng) {
        flat.assign(0);
        for (Group g : groups) {
            if (g.offset() >= weightsEnd) {
                break;
            }
            double std = g.name().equals("W") ? config.weightInitStd() : config.recurrentInitStd();
            if (config.layerInitGain() > 0 && g.name().startsWith("layer")) {
                std = config.layerInitGain() / Math.sqrt(g.rows());
            }
            INDArray v = view(g);
            INDArray draw = Nd4j.create(v.dataType(), g.rows(), g.cols());
            Nd4j.getExecutioner().exec(
                    new org.nd4j.linalg.api.ops.random.impl.GaussianDistribution(draw, 0.0, std), rng);
            v.assign(draw);
            draw.close();
        }
    }

    /** The configuration these parameters belong to. */
    public RnnRbmConfig config() {
        return config;
    }

    /** The flat vector (live: writes change the model). */
    public INDArray flat() {
        return flat;
    }

    /** The groups in layout order. */
    public List<Group> groups() {
        return groups;
    }

    /** The live matrix view of group {@code name}. */
    public INDArray group(String name) {
        for (Group g : groups) {
            if (g.name().equals(name)) {
                return view(g);
            }
        }
        throw new IllegalArgumentException("no parameter group " + name);
    }

    /** End (exclusive) of the recurrent range: recurrent-layer matrices, Wuv and Wuh (L1 applies here). */
    public long recurrentEnd() {
        return recurrentEnd;
    }

    /** End (exclusive) of all weight matrices (recurrent range and W; L2 applies here). */
    public long weightsEnd() {
        return weightsEnd;
    }

    /** The RBM weight matrix W (F × H), a live view. */
    public INDArray rbmWeights() {
        return w;
    }
}
