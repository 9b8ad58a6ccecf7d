package org.echoic.label;

import java.util.Random;

import org.echoic.dsp.WindowFunction;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Seed 004 as a lesson: one linear layer without bias, {@code y = x·W}, trained by gradient descent (Adam, mean
 * squared error) to map raw frames of {@code n} samples to their Hann-windowed DFT (real parts of bins 0..n/2, then
 * imaginary parts), so that its columns turn into the windowed cosines and sines of the true basis
 * {@code w[t]·cos(2πkt/n)} and {@code −w[t]·sin(2πkt/n)}. Frames are white noise (every frequency equally
 * represented); deterministic for a seed. Not thread-safe; runs on the calling thread.
 */
public final class StftLesson {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPS = 1e-8;

    private final int n;
    private final int bins;
    private final INDArray basis;
    private final INDArray weights;
    private final INDArray m;
    private final INDArray v;
    private final Random rnd;
    private int step;

    /** A lesson on frames of {@code n} samples (even, 8–1024), weights from a small random start. */
    public StftLesson(int n, long seed) {
        if (n < 8 || n > 1024 || n % 2 != 0) {
            throw new IllegalArgumentException("frame length must be even and in 8..1024: " + n);
        }
        this.n = n;
        this.bins = n / 2 + 1;
        this.rnd = new Random(seed);
        basis = trueBasis(n);
        float[] w0 = new float[n * 2 * bins];
        for (int i = 0; i < w0.length; i++) {
            w0[i] = (float) (0.01 * rnd.nextGaussian());
        }
        weights = Nd4j.create(w0, new long[] {n, 2L * bins}, 'c');
        m = Nd4j.zeros(DataType.FLOAT, n, 2L * bins);
        v = Nd4j.zeros(DataType.FLOAT, n, 2L * bins);
    }

    /** The true basis {@code [n, 2·bins]}: column k = w·cos(2πk·t/n), column bins + k = −w·sin(2πk·t/n). */
    public static INDArray trueBasis(int n) {
        int bins = n / 2 + 1;
        double[] w = WindowFunction.HANN.values(n);
        float[] b = new float[n * 2 * bins];
        for (int t = 0; t < n; t++) {
            for (int k = 0; k < bins; k++) {
                double a = 2 * Math.PI * k * t / n;
                b[t * 2 * bins + k] = (float) (w[t] * Math.cos(a));
                b[t * 2 * bins + bins + k] = (float) (-w[t] * Math.sin(a));
            }
        }
        return Nd4j.create(b, new long[] {n, 2L * bins}, 'c');
    }

    /**
     * Trains {@code steps} batches of {@code batch} noise frames at {@code learningRate}; returns the mean squared
     * error of the last batch.
     */
    public double train(int steps, int batch, double learningRate) {
        double loss = Double.NaN;
        for (int s = 0; s < steps; s++) {
            float[] x = new float[batch * n];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) rnd.nextGaussian();
            }
            INDArray xs = Nd4j.create(x, new long[] {batch, n}, 'c');
            INDArray err = xs.mmul(weights).subi(xs.mmul(basis));
            loss = err.norm2Number().doubleValue();
            loss = loss * loss / err.length();
            INDArray grad = xs.transpose().mmul(err).muli(2.0 / err.length());
            step++;
            m.muli(BETA1).addi(grad.mul(1 - BETA1));
            v.muli(BETA2).addi(grad.mul(grad).muli(1 - BETA2));
            double lr = learningRate * Math.sqrt(1 - Math.pow(BETA2, step)) / (1 - Math.pow(BETA1, step));
            weights.subi(m.div(org.nd4j.linalg.ops.transforms.Transforms.sqrt(v, true).addi(EPS)).muli(lr));
        }
        return loss;
    }

    /** The learned weights {@code [n][2·bins]} (a copy). */
    public float[][] weights() {
        return weights.toFloatMatrix();
    }

    /** The true basis {@code [n][2·bins]} (a copy). */
    public float[][] basis() {
        return basis.toFloatMatrix();
    }

    /** ‖W − B‖ / ‖B‖: 1 at the start, towards 0 as the layer learns the STFT. */
    public double relativeError() {
        return weights.sub(basis).norm2Number().doubleValue() / basis.norm2Number().doubleValue();
    }

    /** Batches trained so far. */
    public int steps() {
        return step;
    }
}
