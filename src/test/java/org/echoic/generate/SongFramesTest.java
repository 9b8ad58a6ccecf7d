package org.echoic.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.echoic.audio.ArrayRecording;
import org.echoic.audio.Recording;
import org.echoic.corpus.Corpus;
import org.echoic.corpus.CorpusBuilder;
import org.echoic.dsp.FrameScaling;
import org.echoic.dsp.SpectralFrames;
import org.echoic.dsp.StftParams;
import org.echoic.dsp.WindowFunction;
import org.echoic.segment.Segment;
import org.junit.jupiter.api.Test;

/**
 * Corpus-db frames of song bouts: the silences between syllables are 0, syllables keep their levels, and the frames
 * resynthesise to sound with silent gaps; the structure measured on the frames is the song's.
 */
class SongFramesTest {
    static final double RATE = 16_000;
    static final SpectralFrames FRAMES = new SpectralFrames(new StftParams(256, 128, 256, WindowFunction.HANN,
            StftParams.Detrend.NONE, StftParams.Scaling.DENSITY, StftParams.Mode.PSD), 500, 7000,
            FrameScaling.CORPUS_DB, 80, Double.NaN);
    /** Syllables (s) of the song: 80 ms at 3 kHz, gaps of 40 ms, in two bouts 1 s apart. */
    static final double[][] SYLLABLES = {{0.2, 0.28}, {0.32, 0.40}, {0.44, 0.52}, {1.52, 1.60}, {1.64, 1.72}};

    /** Coloured noise (louder below 1 kHz, like wind) with tonal syllables at 3 kHz, 30 dB above the noise. */
    static float[] song() {
        Random rng = new Random(3);
        float[] x = new float[(int) (2 * RATE)];
        double low = 0;
        for (int i = 0; i < x.length; i++) {
            double t = i / RATE;
            low = 0.95 * low + 0.05 * rng.nextGaussian();
            x[i] = (float) (0.003 * rng.nextGaussian() + 0.05 * low);
            for (double[] s : SYLLABLES) {
                if (t >= s[0] && t < s[1]) {
                    x[i] += (float) (0.3 * Math.sin(2 * Math.PI * 3000 * t));
                }
            }
        }
        return x;
    }

    static Corpus corpus(float[] x) throws InterruptedException {
        Recording rec = new ArrayRecording(Path.of("song.wav"), RATE, x);
        List<Segment> segs = new ArrayList<>();
        for (double[] s : SYLLABLES) {
            segs.add(new Segment(Math.round(s[0] * RATE), Math.round(s[1] * RATE), "s"));
        }
        CorpusBuilder b = new CorpusBuilder(FRAMES, Recording.MEAN_CHANNEL).joiningGaps(0.1);
        b.add("song.wav", rec, segs);
        return b.build("song");
    }

    @Test
    void silencesBetweenSyllablesAreZeroAndTheLevelsAreStored() throws Exception {
        Corpus c = corpus(song());
        assertEquals(2, c.dataset().size(), "two bouts");
        assertEquals(0.1, c.joinGapSeconds(), 0);
        SpectralFrames f = c.frames();
        assertNotNull(f.floorDb());
        assertEquals(f.nVisible(RATE), f.floorDb().length);
        assertTrue(f.rangeDb() >= 20, "range " + f.rangeDb());
        float[][] bout = c.dataset().sequences().get(0);
        double hop = 128 / RATE;
        int gapFrame = (int) Math.round((0.30 - 0.2) / hop);
        int sylFrame = (int) Math.round((0.24 - 0.2) / hop);
        int bin3k = (int) Math.round(3000 / (RATE / 256)) - f.firstBin(RATE);
        assertTrue(SongStructure.peak(bout[gapFrame]) < 0.25, "gap frame peak " + SongStructure.peak(bout[gapFrame]));
        assertTrue(bout[sylFrame][bin3k] > 0.5, "the syllable's bin: " + bout[sylFrame][bin3k]);
        SongStructure st = SongStructure.of(c.dataset().sequences(), hop, SongStructure.threshold(
                c.dataset().sequences()));
        assertEquals(SYLLABLES.length, st.syllableSeconds().length);
        for (double d : st.syllableSeconds()) {
            assertEquals(0.08, d, 2.5 * hop, "syllable duration");
        }
        for (double g : st.gapSeconds()) {
            assertEquals(0.04, g, 2.5 * hop, "gap");
        }
        SpectralFrames back = SpectralFrames.fromMaps(f.stftMap(), f.scalingMap());
        assertEquals(f, back, "the levels survive model.json");
        assertArrayEquals(f.floorDb(), back.floorDb(), 0);
        assertNull(f.withoutLevels().floorDb());
        assertThrows(IllegalStateException.class, () -> FRAMES.scaleDb(new float[1][f.floorDb().length]));
    }

    @Test
    void resynthesisedBoutsAreSilentBetweenSyllables() throws Exception {
        Corpus c = corpus(song());
        ModelSound sound = ModelSound.of(c.frames().stftMap(RATE), c.frames().scalingMap(),
                c.dataset().nVisible(), Double.NaN);
        assertTrue(sound.hasAudio());
        Resynthesis.Audio a = Resynthesis.toAudio(c.dataset().sequences().get(0), sound, 32, 1, null);
        double syl = rms(a.samples(), 0.03, 0.07);
        double gap = rms(a.samples(), 0.095, 0.11);
        assertTrue(20 * Math.log10(syl / Math.max(gap, 1e-12)) > 30,
                "gap 30 dB below the syllable: " + syl + " vs " + gap);
    }

    private static double rms(float[] x, double fromS, double toS) {
        double s = 0;
        int n = 0;
        for (int i = (int) (fromS * RATE); i < (int) (toS * RATE); i++) {
            s += x[i] * (double) x[i];
            n++;
        }
        return Math.sqrt(s / n);
    }
}
