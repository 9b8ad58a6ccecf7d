package org.echoic.label;

import java.util.Map;

import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLayer;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A gated recurrent unit layer (Cho et al. 2014; PyTorch's form), which DL4J lacks, as a SameDiff layer unrolled
 * over a fixed number of steps (the labeller's window): with {@code g = x·Wx + b} and {@code u = h·Wh + bh},
 * {@code r = σ(g_r + u_r)}, {@code z = σ(g_z + u_z)}, {@code n = tanh(g_n + r ⊙ u_n)}, {@code h' = n + z ⊙ (h − n)},
 * from a zero state. Input {@code [batch, nIn, steps]}, output {@code [batch, nOut, steps]}; masked (padded) steps
 * give zero output, and since padding sits at the end of a window, the real steps never see it. Built from SameDiff's
 * primitive ops, whose gradients are exact (ND4J's fused {@code gru} op's gradient did not pass a gradient check in
 * 1.0.0-M2.1). Per gate: {@code Wx [nIn, nOut]}, {@code Wh [nOut, nOut]} (Xavier normal), biases zero. A
 * configuration object, serialised with the network; not thread-safe.
 */
public final class GruLayer extends SameDiffLayer {
    /** Input weights, recurrent weights and input biases of the reset, update and candidate gates. */
    private static final String[] WX = {"Wxr", "Wxz", "Wxn"};
    private static final String[] WH = {"Whr", "Whz", "Whn"};
    private static final String[] B = {"br", "bz", "bn"};
    /** The candidate's recurrent bias (inside the reset gate's product). */
    private static final String BHN = "bhn";

    private long nIn;
    private long nOut;
    private int steps;

    /** For deserialisation. */
    public GruLayer() {
    }

    /** A layer of {@code nOut} units on windows of {@code steps} frames of {@code nIn} values. */
    public GruLayer(long nIn, long nOut, int steps) {
        this.nIn = nIn;
        this.nOut = nOut;
        this.steps = steps;
    }

    public long getNIn() {
        return nIn;
    }

    public void setNIn(long n) {
        nIn = n;
    }

    public long getNOut() {
        return nOut;
    }

    public void setNOut(long n) {
        nOut = n;
    }

    public int getSteps() {
        return steps;
    }

    public void setSteps(int n) {
        steps = n;
    }

    @Override
    public void validateInput(INDArray input) {
        if (input.rank() != 3 || input.size(2) != steps) {
            throw new IllegalArgumentException("the GRU is unrolled over windows of " + steps + " frames; got shape "
                    + java.util.Arrays.toString(input.shape()));
        }
    }

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable layerInput, Map<String, SDVariable> params,
                                  SDVariable mask) {
        SDVariable x = sd.permute(layerInput, 2, 0, 1).reshape(-1, nIn);
        SDVariable[][] g = new SDVariable[3][];
        for (int k = 0; k < 3; k++) {
            SDVariable all = sd.mmul(x, params.get(WX[k])).add(params.get(B[k])).reshape(steps, -1, nOut);
            g[k] = sd.unstack(all, 0, steps);
        }
        SDVariable state = null;
        SDVariable[] outs = new SDVariable[steps];
        for (int t = 0; t < steps; t++) {
            SDVariable r;
            SDVariable z;
            SDVariable n;
            if (state == null) {
                r = sd.nn().sigmoid(g[0][t]);
                z = sd.nn().sigmoid(g[1][t]);
                n = sd.math().tanh(g[2][t].add(r.mul(params.get(BHN))));
                state = n.sub(z.mul(n));
            } else {
                r = sd.nn().sigmoid(g[0][t].add(sd.mmul(state, params.get(WH[0]))));
                z = sd.nn().sigmoid(g[1][t].add(sd.mmul(state, params.get(WH[1]))));
                n = sd.math().tanh(g[2][t].add(r.mul(sd.mmul(state, params.get(WH[2])).add(params.get(BHN)))));
                state = n.add(z.mul(state.sub(n)));
            }
            outs[t] = sd.expandDims(state, 2);
        }
        SDVariable out = sd.concat(2, outs);
        if (mask != null) {
            out = out.mul(sd.expandDims(mask.castTo(out.dataType()), 1));
        }
        return out;
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        params.clear();
        for (int k = 0; k < 3; k++) {
            params.addWeightParam(WX[k], nIn, nOut);
            params.addWeightParam(WH[k], nOut, nOut);
            params.addBiasParam(B[k], 1, nOut);
        }
        params.addBiasParam(BHN, 1, nOut);
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        for (int k = 0; k < 3; k++) {
            initWeights(params.get(WX[k]), nIn, nOut);
            initWeights(params.get(WH[k]), nOut, nOut);
            params.get(B[k]).assign(0);
        }
        params.get(BHN).assign(0);
    }

    private static void initWeights(INDArray w, long fanIn, long fanOut) {
        w.assign(Nd4j.randn(w.dataType(), w.shape()).muli(Math.sqrt(2.0 / (fanIn + fanOut))));
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        long length = inputType instanceof InputType.InputTypeRecurrent r ? r.getTimeSeriesLength() : -1;
        return InputType.recurrent(nOut, length);
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        if (override || nIn <= 0) {
            nIn = ((InputType.InputTypeRecurrent) inputType).getSize();
        }
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        return null;
    }

    @Override
    public char paramReshapeOrder(String param) {
        return 'c';
    }
}
