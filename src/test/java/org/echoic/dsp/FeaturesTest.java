package org.echoic.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.echoic.audio.ArrayRecording;
import org.echoic.io.NpyReader;
import org.junit.jupiter.api.Test;

/** Mel, MFCC (librosa conventions, references generated once), gammatone and dilated buffer. */
class FeaturesTest {

    @Test
    void slaneyMelFilterbankEqualsLibrosa() {
        float[] w = MelFilterbank.matrix(8000, 512, 40, 0, 4000, MelFilterbank.Scale.SLANEY, MelFilterbank.Norm.SLANEY);
        NpyReader.NpyArray ref = ScipyReference.load("mel_slaney_n512_40.npy");
        assertArrayEquals(new int[] {40, 257}, ref.shape());
        ScipyReference.assertClose(ref.data(), w, 1e-5, "slaney mel");
    }

    @Test
    void htkMelFilterbankWithoutNormEqualsLibrosa() {
        float[] w = MelFilterbank.matrix(8000, 256, 24, 100, 3000, MelFilterbank.Scale.HTK, MelFilterbank.Norm.NONE);
        NpyReader.NpyArray ref = ScipyReference.load("mel_htk_none_n256_24_100_3000.npy");
        ScipyReference.assertClose(ref.data(), w, 1e-5, "htk mel");
        assertEquals(1000, MelFilterbank.melToHz(MelFilterbank.hzToMel(1000, MelFilterbank.Scale.HTK),
                MelFilterbank.Scale.HTK), 1e-9);
        assertEquals(15, MelFilterbank.hzToMel(1000, MelFilterbank.Scale.SLANEY), 1e-12);
    }

    @Test
    void mfccEqualsLibrosaOnScipyPowerSpectrogram() throws InterruptedException {
        ArrayRecording rec = ScipyReference.signal();
        StftParams p = new StftParams(200, 120, 256, WindowFunction.HANN, StftParams.Detrend.NONE,
                StftParams.Scaling.SPECTRUM, StftParams.Mode.PSD);
        Spectrogram s = Stft.spectrogram(rec, 0, 0, rec.frames(), p, null, 1, null);
        float[] mel = MelFilterbank.apply(MelFilterbank.matrix(8000, 256, 40, 0, 4000, MelFilterbank.Scale.SLANEY,
                MelFilterbank.Norm.SLANEY), 40, s);
        float[] mfcc = Mfcc.compute(mel, 40, s.frames(), 20, 80);
        NpyReader.NpyArray ref = ScipyReference.load("mfcc_hann_200_120_n256_mel40_c20.npy");
        assertArrayEquals(new int[] {20, s.frames()}, ref.shape());
        double max = 0;
        for (double v : ref.data()) {
            max = Math.max(max, Math.abs(v));
        }
        for (int i = 0; i < mfcc.length; i++) {
            assertEquals(ref.data()[i], mfcc[i], 1e-4 * max, "mfcc value " + i);
        }
    }

    @Test
    void gammatoneChannelOfASinePeaksAtItsCentre() throws InterruptedException {
        double[] fc = GammatoneFilterbank.centresHz(32, 100, 3900);
        assertEquals(100, fc[0], 1e-9);
        assertEquals(3900, fc[31], 1e-9);
        for (int i = 1; i < fc.length; i++) {
            double step = GammatoneFilterbank.erbRate(fc[i]) - GammatoneFilterbank.erbRate(fc[i - 1]);
            assertEquals(GammatoneFilterbank.erbRate(fc[1]) - GammatoneFilterbank.erbRate(fc[0]), step, 1e-9);
        }
        ArrayRecording rec = StftAnalyticTest.sine(fc[20], 0.5, 8000);
        StftParams p = new StftParams(512, 256, 1024, WindowFunction.HANN, StftParams.Detrend.NONE,
                StftParams.Scaling.SPECTRUM, StftParams.Mode.PSD);
        Spectrogram s = Stft.spectrogram(rec, 0, 0, rec.frames(), p, null, 1, null);
        float[] g = MelFilterbank.apply(GammatoneFilterbank.matrix(8000, 1024, 32, 100, 3900), 32, s);
        int best = 0;
        for (int c = 0; c < 32; c++) {
            if (g[c * s.frames() + 3] > g[best * s.frames() + 3]) {
                best = c;
            }
        }
        assertEquals(20, best);
    }

    @Test
    void dilatedBufferTakesLaggedFramesAndSpanMeans() {
        int frames = 20;
        float[] v = new float[frames];
        for (int t = 0; t < frames; t++) {
            v[t] = t + 1;
        }
        float[] lags = DilatedSpectralBuffer.stack(v, 1, frames, 2, 4, false);
        assertEquals(10, lags[10], 0, "lag 1");
        assertEquals(9, lags[frames + 10], 0, "lag 2");
        assertEquals(7, lags[2 * frames + 10], 0, "lag 4");
        assertEquals(3, lags[3 * frames + 10], 0, "lag 8");
        assertEquals(0, lags[3 * frames + 7], 0, "zeros before the start");
        float[] means = DilatedSpectralBuffer.stack(v, 1, frames, 2, 4, true);
        assertEquals(10, means[10], 0);
        assertEquals(9, means[frames + 10], 0);
        assertEquals((8 + 7) / 2.0, means[2 * frames + 10], 1e-6);
        assertEquals((6 + 5 + 4 + 3) / 4.0, means[3 * frames + 10], 1e-6);
        assertEquals((2 + 1) / 4.0, means[3 * frames + 6], 1e-6, "span partly before the start counts zeros");
        assertTrue(means[3 * frames] == 0);
    }
}
