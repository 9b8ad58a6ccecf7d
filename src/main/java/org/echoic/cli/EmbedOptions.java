package org.echoic.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

import org.echoic.embed.FrameParams;
import org.echoic.embed.ListenerNetwork;
import org.echoic.embed.ListenerParams;
import org.echoic.service.CallTypeEmbedder;
import org.echoic.service.SegmentEmbeddings;
import picocli.CommandLine.Option;

/** The embedding options of {@code embed}, {@code cluster} and {@code bench cluster}. */
final class EmbedOptions {
    @Option(names = "--method", description = "spectrogram (AVGN-style, default), listener (LSTM autoencoder) or "
            + "rbm (an RNN-RBM checkpoint's hidden means).")
    String method = "spectrogram";
    @Option(names = "--band", paramLabel = "LOW:HIGH", description = "Frequency band of the frames in Hz (default "
            + "500 Hz to Nyquist).")
    String band;
    @Option(names = "--bands", description = "Mel bands or gammatone channels (default ${DEFAULT-VALUE}).")
    int bands = FrameParams.DEFAULTS.bands();
    @Option(names = "--window-ms", description = "STFT window in ms (default ${DEFAULT-VALUE}).")
    double windowMs = FrameParams.DEFAULTS.windowMs();
    @Option(names = "--hop-ms", description = "STFT hop in ms (default ${DEFAULT-VALUE}).")
    double hopMs = FrameParams.DEFAULTS.hopMs();
    @Option(names = "--range-db", description = "dB range of the frames below each segment's maximum (default "
            + "${DEFAULT-VALUE}).")
    double rangeDb = FrameParams.DEFAULTS.rangeDb();
    @Option(names = "--gammatone", description = "Gammatone channels instead of mel bands.")
    boolean gammatone;
    @Option(names = "--time-bins", description = "Columns of the time-normalised spectrogram (default "
            + "${DEFAULT-VALUE}).")
    int timeBins = SegmentEmbeddings.SpectrogramParams.DEFAULTS.timeBins();
    @Option(names = "--duration-weight", description = "Weight of log2(duration) in the spectrogram embedding "
            + "(default ${DEFAULT-VALUE}; 0: none).")
    double durationWeight = SegmentEmbeddings.SpectrogramParams.DEFAULTS.durationWeight();

    FrameParams frames() {
        FrameParams f = new FrameParams(windowMs, hopMs, bands, FrameParams.DEFAULTS.fminHz(),
                FrameParams.DEFAULTS.fmaxHz(), rangeDb, gammatone);
        if (band != null) {
            double[] lh = CorpusOptions.band("--band", band);
            f = f.withBand(lh[0], lh[1]);
        }
        return f;
    }

    @Option(names = "--epochs", description = "listener: training epochs (default ${DEFAULT-VALUE}).")
    int epochs = ListenerParams.DEFAULTS.epochs();
    @Option(names = "--hidden", description = "listener: encoder LSTM units, the embedding's size (default "
            + "${DEFAULT-VALUE}).")
    int hidden = ListenerParams.DEFAULTS.hidden();
    @Option(names = "--listener-frames", description = "listener: gammatone (default) or mel frames, every 4 ms.")
    String listenerFrames = "gammatone";
    @Option(names = "--model", description = "rbm: the RNN-RBM checkpoint or run folder.")
    Path model;

    /** Prints the listener network's loss after every epoch on {@code err}. */
    ListenerNetwork.Listener curves(PrintStream err) {
        return new ListenerNetwork.Listener() {
            @Override
            public void batch(int epoch, int batch, int batches, double loss) {
            }

            @Override
            public void epoch(int epoch, double meanLoss) {
                err.printf(Locale.ROOT, "echoic: listener epoch %d: reconstruction loss %.5f%n", epoch + 1, meanLoss);
            }

            @Override
            public boolean stopRequested() {
                return false;
            }
        };
    }

    ListenerParams listener() {
        String kind = StftOptions.choice("--listener-frames", listenerFrames, "gammatone", "mel");
        FrameParams f = ListenerParams.DEFAULTS.frames();
        f = new FrameParams(f.windowMs(), f.hopMs(), bands, f.fminHz(), f.fmaxHz(), rangeDb, kind.equals("GAMMATONE"));
        FrameParams chosen = frames();
        if (band != null) {
            f = f.withBand(chosen.fminHz(), chosen.fmaxHz());
        }
        return ListenerParams.DEFAULTS.withFrames(f).withEpochs(epochs).withHidden(hidden);
    }

    CallTypeEmbedder.Request request() {
        return new CallTypeEmbedder.Request(CallTypeEmbedder.Method.parse(method),
                new SegmentEmbeddings.SpectrogramParams(frames(), timeBins, durationWeight), listener(), model);
    }
}
