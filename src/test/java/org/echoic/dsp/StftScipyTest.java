package org.echoic.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.echoic.audio.Recording;
import org.echoic.io.NpyReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The STFT equals scipy.signal.spectrogram for several parameter sets (arrays generated once by scipy). */
class StftScipyTest {
    private static ExecutorService pool;

    @BeforeAll
    static void startPool() {
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stopPool() {
        pool.shutdownNow();
    }

    @ParameterizedTest
    @CsvSource({
            "hann_256_128_density_psd, hann, 256, 128, 256, NONE, DENSITY, PSD",
            "hamming_200_150_n512_constant_spectrum_psd, hamming, 200, 150, 512, CONSTANT, SPECTRUM, PSD",
            "blackman_128_64_spectrum_magnitude, blackman, 128, 64, 128, NONE, SPECTRUM, MAGNITUDE",
            "tukey0.25_256_32_n300_constant_density_psd, tukey:0.25, 256, 32, 300, CONSTANT, DENSITY, PSD",
            "tukey0.5_64_0_spectrum_psd, tukey:0.5, 64, 0, 64, NONE, SPECTRUM, PSD"})
    void matchesScipy(String name, String window, int nperseg, int noverlap, int nfft, StftParams.Detrend detrend,
                      StftParams.Scaling scaling, StftParams.Mode mode) throws InterruptedException {
        StftParams p = new StftParams(nperseg, noverlap, nfft, WindowFunction.parse(window), detrend, scaling, mode);
        Recording rec = ScipyReference.signal();
        Spectrogram s = Stft.spectrogram(rec, 0, 0, rec.frames(), p, pool, 2, null);
        NpyReader.NpyArray ref = ScipyReference.load("spec_" + name + ".npy");
        ScipyReference.assertShape(ref, s.bins(), s.frames());
        ScipyReference.assertClose(ref.data(), s.values(), 1e-4, name);
    }

    @Test
    void complexModeWithOddNfftMatchesScipy() throws InterruptedException {
        StftParams p = new StftParams(100, 60, 101, WindowFunction.HANN, StftParams.Detrend.NONE,
                StftParams.Scaling.DENSITY, StftParams.Mode.COMPLEX);
        Recording rec = ScipyReference.signal();
        Spectrogram s = Stft.spectrogram(rec, 0, 0, rec.frames(), p, null, 1, null);
        NpyReader.NpyArray re = ScipyReference.load("spec_hann_100_60_n101_density_complex_real.npy");
        NpyReader.NpyArray im = ScipyReference.load("spec_hann_100_60_n101_density_complex_imag.npy");
        ScipyReference.assertShape(re, s.bins(), s.frames());
        double[] refMag = new double[re.data().length];
        for (int i = 0; i < refMag.length; i++) {
            refMag[i] = Math.hypot(re.data()[i], im.data()[i]);
        }
        double max = java.util.Arrays.stream(refMag).max().orElseThrow();
        double worst = 0;
        for (int i = 0; i < refMag.length; i++) {
            double d = Math.hypot(s.values()[i] - re.data()[i], s.imag()[i] - im.data()[i]);
            if (refMag[i] > 1e-10 * max) {
                worst = Math.max(worst, d / refMag[i]);
            }
        }
        assertEquals(0, worst, 1e-4, "worst relative complex error");
    }

    @Test
    void axesMatchScipy() throws InterruptedException {
        Recording rec = ScipyReference.signal();
        Spectrogram s = Stft.spectrogram(rec, 0, 0, rec.frames(), StftParams.DEFAULT, null, 1, null);
        double[] f = ScipyReference.load("spec_hann_256_128_density_psd_f.npy").data();
        double[] t = ScipyReference.load("spec_hann_256_128_density_psd_t.npy").data();
        assertEquals(f.length, s.bins());
        assertEquals(t.length, s.frames());
        for (int i = 0; i < f.length; i++) {
            assertEquals(f[i], s.frequencyHz(i), 1e-9);
        }
        for (int i = 0; i < t.length; i++) {
            assertEquals(t[i], s.timeSeconds(i), 1e-12);
        }
    }

    @ParameterizedTest
    @CsvSource({"hann, hann", "hamming, hamming", "blackman, blackman", "tukey:0.25, tukey0.25", "tukey:0.7, tukey0.7"})
    void windowsEqualScipyGetWindow(String spec, String file) {
        double[] ref = ScipyReference.load("window_" + file + "_101.npy").data();
        double[] w = WindowFunction.parse(spec).values(101);
        for (int i = 0; i < ref.length; i++) {
            assertEquals(ref[i], w[i], 1e-12, spec + " at " + i);
        }
    }
}
