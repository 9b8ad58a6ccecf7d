package org.echoic.embed;

/**
 * The listener network's size and schedule (seed 002's sequence-to-sequence LSTM autoencoder).
 *
 * @param frames         the frames it hears (default: 32 gammatone channels every 4 ms)
 * @param lags           spans of the dilated spectral buffer per step: the frame itself and the means over the
 *                       previous 1, 2, 4, … frames ({@code lags − 1} dilated spans, dilation 2)
 * @param hidden         encoder LSTM units: the embedding's size
 * @param decoderHidden  decoder LSTM units
 * @param epochs         passes over the segments
 * @param batch          segments per minibatch (segments of similar length are batched together)
 * @param learningRate   Adam's step size
 * @param seed           initial weights and batch order
 */
public record ListenerParams(FrameParams frames, int lags, int hidden, int decoderHidden, int epochs, int batch,
                             double learningRate, long seed) {
    /** 32 gammatone channels (500 Hz to Nyquist) every 4 ms, 4 spans, 32/64 units, 30 epochs of 32, Adam 3e-3. */
    public static final ListenerParams DEFAULTS = new ListenerParams(new FrameParams(8, 4, 32, 500, 0, 60, true), 4,
            32, 64, 30, 32, 3e-3, 1);

    public ListenerParams {
        if (lags < 1 || hidden < 1 || decoderHidden < 1 || epochs < 0 || batch < 1 || !(learningRate > 0)) {
            throw new IllegalArgumentException("bad listener network: lags " + lags + ", hidden " + hidden + "/"
                    + decoderHidden + ", epochs " + epochs + ", batch " + batch + ", learning rate " + learningRate);
        }
    }

    /** Values per step of the encoder's input. */
    public int inputsPerStep() {
        return lags * frames.bands();
    }

    public ListenerParams withEpochs(int v) {
        return new ListenerParams(frames, lags, hidden, decoderHidden, v, batch, learningRate, seed);
    }

    public ListenerParams withFrames(FrameParams v) {
        return new ListenerParams(v, lags, hidden, decoderHidden, epochs, batch, learningRate, seed);
    }

    public ListenerParams withHidden(int v) {
        return new ListenerParams(frames, lags, v, decoderHidden, epochs, batch, learningRate, seed);
    }
}
