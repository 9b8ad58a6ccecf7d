package org.echoic.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleConsumer;

import org.echoic.dsp.SpectralFrames;
import org.echoic.embed.ListenerNetwork;
import org.echoic.embed.ListenerParams;
import org.echoic.embed.RbmEmbedding;
import org.echoic.embed.SegmentFrames;
import org.echoic.io.CheckpointFolder;
import org.echoic.io.CheckpointSummaries;
import org.echoic.rnnrbm.ComputeBackend;

/**
 * Embeds segments by one of the discovery methods: the AVGN-style time-normalised spectrogram, the listener
 * network (seed 002's sequence-to-sequence LSTM autoencoder, trained on the segments themselves) or an RNN-RBM
 * checkpoint's hidden means. Runs on the calling thread, which for the network methods must be the one that owns
 * ND4J (the model thread in the workbench, the main thread in the CLI); honours interruption.
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
     * @param listener    settings of the listener network
     * @param rbmModel    the RNN-RBM checkpoint folder (or run folder) of the rbm method, else null
     */
    public record Request(Method method, SegmentEmbeddings.SpectrogramParams spectrogram, ListenerParams listener,
                          Path rbmModel) {
    }

    private CallTypeEmbedder() {
    }

    /**
     * The embeddings of {@code items} (one row each).
     *
     * @param curves receives the listener network's training losses (may be null)
     * @throws IOException if the RNN-RBM checkpoint cannot be read
     */
    public static float[][] embed(List<SegmentEmbeddings.Item> items, int channel, Request request,
                                  ListenerNetwork.Listener curves, DoubleConsumer progress)
            throws IOException, InterruptedException {
        return switch (request.method()) {
            case SPECTROGRAM -> SegmentEmbeddings.spectrogram(items, channel, request.spectrogram(), progress);
            case LISTENER -> listener(items, channel, request.listener(), curves, progress);
            case RBM -> rbm(items, channel, request.rbmModel(), progress);
        };
    }

    /** Trains a listener network on the items' frames and returns their embeddings. */
    static float[][] listener(List<SegmentEmbeddings.Item> items, int channel, ListenerParams params,
                              ListenerNetwork.Listener curves, DoubleConsumer progress) throws InterruptedException {
        List<SegmentFrames.Frames> frames = SegmentEmbeddings.frames(items, channel, params.frames(), null);
        ComputeBackend.configureForTraining();
        ListenerNetwork net = ListenerNetwork.create(params);
        net.train(frames, curves);
        float[][] out = net.embed(frames);
        if (progress != null) {
            progress.accept(1);
        }
        return out;
    }

    private static float[][] rbm(List<SegmentEmbeddings.Item> items, int channel, Path model, DoubleConsumer progress)
            throws IOException, InterruptedException {
        if (model == null) {
            throw new IllegalArgumentException("the rbm method needs a model checkpoint (--model DIR)");
        }
        ComputeBackend.configureForTraining();
        CheckpointFolder.Loaded l = CheckpointFolder.load(CheckpointSummaries.checkpointIn(model));
        if (l.stft() == null) {
            throw new IllegalArgumentException(l.dir() + ": the model was not trained on audio frames (no stft "
                    + "section), so segments cannot be framed as it saw its data");
        }
        RbmEmbedding rbm = new RbmEmbedding(l.model(), SpectralFrames.fromMaps(l.stft(), l.scaling()));
        float[][] out = new float[items.size()][];
        for (int i = 0; i < out.length; i++) {
            SegmentEmbeddings.Item it = items.get(i);
            out[i] = rbm.of(it.source().recording(), channel, it.segment());
            if (progress != null && i % 32 == 0) {
                progress.accept((double) i / out.length);
            }
        }
        l.optimizer().close();
        return out;
    }
}
