package org.echoic.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.echoic.audio.Recording;
import org.echoic.dsp.Spectrogram;
import org.echoic.dsp.Stft;
import org.echoic.dsp.StftParams;
import org.echoic.io.AudioFiles;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code echoic spectrogram FILE --out X.npy|X.csv}: scipy.signal.spectrogram's numbers, with its defaults, shape
 * (frequency, time).
 */
@Command(name = "spectrogram", mixinStandardHelpOptions = true,
        description = "Compute a spectrogram (the numbers of scipy.signal.spectrogram, with its defaults: Tukey window "
                + "alpha 0.25, noverlap nperseg/8, each segment detrended by its mean) and save it as .npy or .csv "
                + "with shape (frequency, time).")
public final class SpectrogramCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The audio file.")
    Path file;

    @Mixin
    StftOptions stft = StftOptions.scipySpectrogram();

    @Option(names = "--mode", description = "psd or magnitude (default ${DEFAULT-VALUE}).")
    String mode = "psd";

    @Option(names = "--out", required = true, description = "Output .npy or .csv.")
    Path out;

    @Override
    public Integer call() throws Exception {
        StftParams params = stft.params(StftOptions.choice("--mode", mode, "psd", "magnitude"));
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try (Recording rec = AudioFiles.open(file)) {
            Spectrogram s = Stft.spectrogram(rec, stft.channel(rec), stft.startSample(rec), stft.endSample(rec),
                    params, pool, Runtime.getRuntime().availableProcessors(), null);
            ArrayExport.write(out, s.values(), s.bins(), s.frames());
            System.out.println("wrote " + out + " (" + s.bins() + " frequencies x " + s.frames() + " frames)");
        } finally {
            pool.shutdownNow();
        }
        return 0;
    }
}
