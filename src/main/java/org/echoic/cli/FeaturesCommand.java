package org.echoic.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.echoic.audio.Recording;
import org.echoic.dsp.DilatedSpectralBuffer;
import org.echoic.dsp.GammatoneFilterbank;
import org.echoic.dsp.MelFilterbank;
import org.echoic.dsp.Mfcc;
import org.echoic.dsp.Spectrogram;
import org.echoic.dsp.Stft;
import org.echoic.dsp.StftParams;
import org.echoic.dsp.WindowFunction;
import org.echoic.io.AudioFiles;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code echoic features FILE --kind mel|mfcc|gammatone --out X.npy|X.csv}: (feature, time) arrays from a
 * Hann STFT power spectrum (spectrum scaling) with librosa's mel conventions.
 */
@Command(name = "features", mixinStandardHelpOptions = true,
        description = "Compute mel, MFCC or gammatone features, shape (feature, time), as .npy or .csv.")
public final class FeaturesCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The audio file.")
    Path file;

    @Option(names = "--kind", required = true, description = "mel, mfcc or gammatone.")
    String kind;

    @Option(names = "--window-ms", description = "Window length in ms (default ${DEFAULT-VALUE}).")
    double windowMs = 25;

    @Option(names = "--hop-ms", description = "Hop in ms (default ${DEFAULT-VALUE}).")
    double hopMs = 10;

    @Option(names = "--bands", description = "Mel bands or gammatone channels (default ${DEFAULT-VALUE}).")
    int bands = 128;

    @Option(names = "--coefficients", description = "MFCCs kept (default ${DEFAULT-VALUE}).")
    int coefficients = 64;

    @Option(names = "--fmin", description = "Lowest frequency in Hz (default 0; gammatone 50).")
    Double fminHz;

    @Option(names = "--fmax", description = "Highest frequency in Hz (default: half the sample rate).")
    Double fmaxHz;

    @Option(names = "--htk", description = "HTK mel scale instead of librosa's default Slaney scale.")
    boolean htk;

    @Option(names = "--norm", description = "Mel filter normalisation: slaney (equal area) or none (default ${DEFAULT-VALUE}).")
    String norm = "slaney";

    @Option(names = "--dilated", paramLabel = "D:N", description = "Append the dilated buffer: frames t - D^j, j < N.")
    String dilated;

    @Option(names = "--channel", description = "0-based channel (default: the mean of all channels).")
    Integer channel;

    @Option(names = "--out", required = true, description = "Output .npy or .csv.")
    Path out;

    @Override
    public Integer call() throws Exception {
        String k = StftOptions.choice("--kind", kind, "mel", "mfcc", "gammatone");
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try (Recording rec = AudioFiles.open(file)) {
            double fs = rec.sampleRateHz();
            int nperseg = (int) Math.round(windowMs * fs / 1000);
            int hop = (int) Math.round(hopMs * fs / 1000);
            if (nperseg < 2 || hop < 1 || hop > nperseg) {
                throw new IllegalArgumentException("--window-ms/--hop-ms give a window of " + nperseg
                        + " and a hop of " + hop + " samples");
            }
            int nfft = Integer.highestOneBit(nperseg - 1) << 1;
            StftParams p = new StftParams(nperseg, nperseg - hop, nfft, WindowFunction.HANN, StftParams.Detrend.NONE,
                    StftParams.Scaling.SPECTRUM, StftParams.Mode.PSD);
            int ch = channel == null ? Recording.MEAN_CHANNEL : channel;
            if (ch != Recording.MEAN_CHANNEL && (ch < 0 || ch >= rec.channels())) {
                throw new IllegalArgumentException(file + ": has no channel " + ch);
            }
            Spectrogram s = Stft.spectrogram(rec, ch, 0, rec.frames(), p, pool,
                    Runtime.getRuntime().availableProcessors(), null);
            double fmax = fmaxHz == null ? fs / 2 : fmaxHz;
            float[] data;
            int rows;
            if (k.equals("GAMMATONE")) {
                rows = bands;
                data = MelFilterbank.apply(GammatoneFilterbank.matrix(fs, nfft, bands,
                        fminHz == null ? 50 : fminHz, fmax), bands, s);
            } else {
                float[] mel = MelFilterbank.apply(MelFilterbank.matrix(fs, nfft, bands, fminHz == null ? 0 : fminHz,
                        fmax, htk ? MelFilterbank.Scale.HTK : MelFilterbank.Scale.SLANEY,
                        MelFilterbank.Norm.valueOf(StftOptions.choice("--norm", norm, "slaney", "none"))), bands, s);
                rows = k.equals("MEL") ? bands : coefficients;
                data = k.equals("MEL") ? mel : Mfcc.compute(mel, bands, s.frames(), coefficients, 80);
            }
            if (dilated != null) {
                String[] dn = dilated.split(":");
                if (dn.length != 2) {
                    throw new IllegalArgumentException("--dilated must be D:N, e.g. 2:4");
                }
                int n = Integer.parseInt(dn[1]);
                data = DilatedSpectralBuffer.stack(data, rows, s.frames(), Integer.parseInt(dn[0]), n, false);
                rows *= n;
            }
            ArrayExport.write(out, data, rows, s.frames());
            System.out.println("wrote " + out + " (" + rows + " x " + s.frames() + ")");
        } finally {
            pool.shutdownNow();
        }
        return 0;
    }
}
