package org.echoic.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.echoic.TinyAudioModel;
import org.echoic.io.CheckpointFolder;
import org.echoic.rnnrbm.RnnRbm;
import org.echoic.rnnrbm.SequenceBatch;
import org.echoic.rnnrbm.SequenceStepper;
import org.echoic.rnnrbm.TrainingPass;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/** Batch generation, priming, resynthesis and the free energy on a tiny audio model trained here. */
class GenerationCoreTest {
    @TempDir
    static Path dir;
    static TinyAudioModel.Made made;
    static CheckpointFolder.Loaded loaded;
    static ModelSound sound;

    @BeforeAll
    static void train() throws Exception {
        made = TinyAudioModel.make(dir, false);
        loaded = CheckpointFolder.load(made.modelDir());
        sound = ModelSound.of(loaded.stft(), loaded.scaling(), loaded.model().config().nVisible(), Double.NaN);
    }

    @AfterAll
    static void free() {
        loaded.model().close();
        loaded.optimizer().close();
    }

    @Test
    void sameSeedGivesIdenticalFramesAndAudioAnotherSeedDoesNot() throws Exception {
        GenerationParams p = new GenerationParams(40, 5, 1.0, false, false, 11);
        List<GeneratedSequence> a = Generator.generateBatch(loaded.model(), p, 3, null, null);
        List<GeneratedSequence> b = Generator.generateBatch(loaded.model(), p, 3, null, null);
        for (int i = 0; i < 3; i++) {
            assertEquals(11 + i, a.get(i).seed());
            assertArrayEquals(a.get(i).flat(), b.get(i).flat());
        }
        assertFalse(Arrays.equals(a.get(0).flat(), a.get(1).flat()), "sequences of a batch must differ");
        float[][] alone = Generator.generate(loaded.model(), new GenerationParams(40, 5, 1.0, false, false, 12), null,
                null);
        assertArrayEquals(a.get(1).flat(), new GeneratedSequence(0, 12, alone, 0).flat(),
                "sequence i of a batch is the sequence generated alone with seed + i");
        Resynthesis.Audio x = Resynthesis.toAudio(a.get(0).frames(), sound, 16, 3, null);
        Resynthesis.Audio y = Resynthesis.toAudio(b.get(0).frames(), sound, 16, 3, null);
        assertArrayEquals(x.samples(), y.samples());
    }

    @Test
    void primingReproducesTheRecurrentStateOfThePrimedFrames() throws Exception {
        RnnRbm m = loaded.model();
        float[][] real = made.corpus().dataset().sequences().get(0);
        float[][] primer = Arrays.copyOf(real, Math.min(6, real.length));
        try (Random rng = Nd4j.getRandomFactory().getNewRandomInstance(1);
             SequenceStepper stepper = new SequenceStepper(m, rng)) {
            stepper.prime(primer);
            SequenceBatch batch = SequenceBatch.of(List.<float[][]>of(primer), m.config().nVisible());
            TrainingPass pass = m.pass(1, batch.steps());
            pass.load(batch);
            pass.forward();
            for (int l = 0; l < 3; l++) {
                float[] expected = pass.finalState(l);
                float[] got = stepper.state(l);
                assertEquals(expected.length, got.length);
                for (int i = 0; i < got.length; i++) {
                    assertEquals(expected[i], got[i], 1e-5, "layer " + l + " unit " + i);
                }
                assertTrue(Arrays.stream(box(got)).anyMatch(v -> v != 0), "priming must move the state");
            }
        }
        GenerationParams p = new GenerationParams(10, 5, 1.0, false, false, 4);
        GeneratedSequence s = Generator.generateBatch(m, p, 1, primer, null).get(0);
        assertEquals(primer.length, s.primedFrames());
        assertEquals(primer.length + 10, s.frames().length);
        for (int t = 0; t < primer.length; t++) {
            assertArrayEquals(primer[t], s.frames()[t], "the primer is kept as the first frames");
        }
        float[][] continued = Generator.generate(m, p, primer, null);
        float[][] fromZero = Generator.generate(m, p, null, null);
        assertArrayEquals(continued[0], s.frames()[primer.length]);
        assertFalse(Arrays.equals(continued[0], fromZero[0]), "a primed state must change what follows");
    }

    private static double[] box(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    @Test
    void griffinLimAudioHasTheIntendedDurationRateAndPeakWithoutNaNOrClipping() throws Exception {
        GenerationParams p = new GenerationParams(sound.framesFor(0.5), 5, 1.0, false, false, 2);
        float[][] frames = Generator.generate(loaded.model(), p, null, null);
        Resynthesis.Audio a = Resynthesis.toAudio(frames, sound, 32, 1, null);
        int hop = TinyAudioModel.FRAMES.stft().hop();
        assertEquals(TinyAudioModel.RATE_HZ, a.sampleRateHz());
        assertEquals(128 + (frames.length - 1) * hop, a.samples().length);
        assertEquals(0.5, a.durationSeconds(), 2.0 * hop / TinyAudioModel.RATE_HZ);
        double peak = 0;
        for (float v : a.samples()) {
            assertTrue(Float.isFinite(v));
            peak = Math.max(peak, Math.abs(v));
        }
        assertEquals(Math.pow(10, -1 / 20.0), peak, 1e-4, "peak at -1 dBFS");
        double edgePeak = 0;
        double rms = 0;
        for (int i = 0; i < 64; i++) {
            edgePeak = Math.max(edgePeak, Math.max(Math.abs(a.samples()[i]),
                    Math.abs(a.samples()[a.samples().length - 1 - i])));
        }
        for (float v : a.samples()) {
            rms += v * v;
        }
        rms = Math.sqrt(rms / a.samples().length);
        assertTrue(edgePeak < 4 * rms, "no click at the edges: edge peak " + edgePeak + ", RMS " + rms);
        assertTrue(rms > 0.05, "the peak is not a lone spike: RMS " + rms);
        assertTrue(a.spectralConvergence() < 1, "Griffin-Lim converged somewhat: " + a.spectralConvergence());
    }

    @Test
    void modelSoundReadsTheRateOrTakesTheDefaultAndSaysWhenThereIsNoAudio() {
        int nv = loaded.model().config().nVisible();
        assertEquals(ModelSound.DEFAULT_SAMPLE_RATE_HZ, sound.sampleRateHz());
        assertTrue(sound.hasAudio());
        Map<String, Object> stft = new HashMap<>(loaded.stft());
        stft.put("sampleRateHz", 44_100.0);
        assertEquals(44_100, ModelSound.of(stft, loaded.scaling(), nv, 8000).sampleRateHz(),
                "a rate stored in model.json wins over the caller's");
        assertThrows(IllegalArgumentException.class, () -> ModelSound.of(loaded.stft(), loaded.scaling(), nv, 8000),
                "a rate that gives another frame width is refused");
        ModelSound none = ModelSound.of(null, null, 5, Double.NaN);
        assertFalse(none.hasAudio());
        assertTrue(none.unavailable().contains("no audio"), none.unavailable());
        Map<String, Object> noRef = new HashMap<>(loaded.scaling());
        noRef.put("referenceDb", null);
        ModelSound unref = ModelSound.of(loaded.stft(), noRef, nv, Double.NaN);
        assertTrue(unref.unavailable().contains("reference level"));
        assertThrows(IllegalStateException.class, () -> Resynthesis.toAudio(new float[][] {new float[nv]}, unref, 4, 1,
                null));
    }

    @Test
    void freeEnergyOfTheFirstFrameMatchesTheRbmFormula() throws Exception {
        RnnRbm m = loaded.model();
        float[][] seq = made.corpus().dataset().sequences().get(1);
        double[] f = FreeEnergies.of(m, List.of(seq, made.corpus().dataset().sequences().get(2)));
        assertEquals(seq.length + made.corpus().dataset().sequences().get(2).length, f.length);
        float[] w = m.params().group("W").dup('c').data().asFloat();
        float[] bv = m.params().group("bv").toFloatVector();
        float[] bh = m.params().group("bh").toFloatVector();
        int nv = bv.length;
        int nh = bh.length;
        double expected = 0;
        for (int i = 0; i < nv; i++) {
            expected -= seq[0][i] * bv[i];
        }
        for (int j = 0; j < nh; j++) {
            double a = bh[j];
            for (int i = 0; i < nv; i++) {
                a += seq[0][i] * w[i * nh + j];
            }
            expected -= Math.log1p(Math.exp(a));
        }
        assertEquals(expected, f[0], 1e-3 * Math.max(1, Math.abs(expected)));
        assertNotNull(made.corpus());
    }

    @Test
    void kolmogorovSmirnovMatchesScipy() {
        assertEquals(1.0, KolmogorovSmirnov.statistic(new double[] {1, 2, 3}, new double[] {4, 5, 6}));
        assertEquals(0.0, KolmogorovSmirnov.statistic(new double[] {3, 1, 2}, new double[] {1, 2, 3}));
        assertEquals(0.5, KolmogorovSmirnov.statistic(new double[] {1, 2, 3, 4}, new double[] {3, 4, 5, 6}), 1e-12);
        // scipy.stats.ks_2samp([0.1, 0.4, 0.7], [0.2, 0.3, 0.5, 0.6, 0.9]).statistic == 1/3 (at 0.1)
        assertEquals(1.0 / 3, KolmogorovSmirnov.statistic(new double[] {0.1, 0.4, 0.7},
                new double[] {0.2, 0.3, 0.5, 0.6, 0.9}), 1e-12);
        assertEquals(1.0, KolmogorovSmirnov.pValue(0, 10, 10));
        assertTrue(KolmogorovSmirnov.pValue(1.0, 50, 50) < 1e-10);
        assertTrue(Double.isNaN(KolmogorovSmirnov.statistic(new double[0], new double[] {1})));
    }

    @Test
    void realismOfTheCorpusAgainstItselfIsPerfect() {
        List<float[][]> real = made.corpus().dataset().sequences();
        double[] d = {0.1, 0.2, 0.3};
        Realism r = Realism.of(real, real, sound.binHz(), d, d, new double[] {1, 2}, new double[] {1, 2});
        assertEquals(0, r.meanSpectrumRms(), 1e-12);
        assertEquals(0, r.energy().ks());
        assertEquals(0, r.centroidHz().ks());
        assertTrue(r.centroidHz().realMean() > 1000 && r.centroidHz().realMean() < 9000);
        float[][] silent = new float[20][real.get(0)[0].length];
        Realism s = Realism.of(List.<float[][]>of(silent), real, sound.binHz(), new double[0], d, new double[0], new double[0]);
        assertTrue(s.meanSpectrumRms() > 0.05);
        assertEquals(1.0, s.energy().ks(), 1e-12, "silence is far from every real frame");
        assertTrue(Double.isNaN(s.durationSeconds().ks()), "no segments found: no statistic");
    }
}
