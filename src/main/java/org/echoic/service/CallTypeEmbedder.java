package org.echoic.service;

import java.util.List;
import java.util.Locale;
import java.util.function.DoubleConsumer;

/**
 * Embeds segments by one of the discovery methods: the AVGN-style time-normalised spectrogram, the listener
 * network (a sequence-to-sequence LSTM autoencoder trained on the segments) or an RNN-RBM checkpoint's hidden
 * means. Runs on the calling thread (which, for the network methods, must be the one that owns ND4J: the model
 * thread in the workbench, the main thread in the CLI); honours interruption.
 */
public final class CallTypeEmbedder {
    /** The embedding methods. */
    public enum Method {
        SPECTROGRAM, LISTENER, RBM;

        /** Parses {@code spectrogram}, {@code listener} or {@code rbm}. */
        public static Method parse(String text) {
            for (Method m : values()) {
                if (m.id().equals(text.toLowerCase(Locale.ROOT))) {
                    return m;
                }
            }
            throw new IllegalArgumentException("unknown embedding method '" + text
                    + "' (expected spectrogram, listener or rbm)");
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * What to embed with.
     *
     * @param method      the method
     * @param spectrogram settings of the spectrogram method
     */
    public record Request(Method method, SegmentEmbeddings.SpectrogramParams spectrogram) {
    }

    private CallTypeEmbedder() {
    }

    /**
     * The embeddings of {@code items} (one row each).
     *
     * @param listener receives the listener network's training curves (may be null)
     */
    public static float[][] embed(List<SegmentEmbeddings.Item> items, int channel, Request request,
                                  Object listener, DoubleConsumer progress) throws InterruptedException {
        return switch (request.method()) {
            case SPECTROGRAM -> SegmentEmbeddings.spectrogram(items, channel, request.spectrogram(), progress);
            case LISTENER, RBM -> throw new IllegalArgumentException("method " + request.method().id()
                    + " is not available yet");
        };
    }
}
