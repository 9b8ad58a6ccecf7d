package org.echoic.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.echoic.audio.Recording;
import org.echoic.dsp.StftParams;
import org.echoic.segment.Annotation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** F0 contours with TarsosDSP's YIN and MPM on tones, chirps and noise. */
class PitchTrackerTest {
    private static final double FS = 44100;

    @ParameterizedTest
    @EnumSource(PitchAlgorithm.class)
    void chirpFromTwoToFourKilohertzIsFollowedWithinTwoPercent(PitchAlgorithm algorithm) throws InterruptedException {
        float[] x = MeasureSignals.chirp(FS, 1.0, 0.2, 0.8, 2000, 4000);
        PitchParams params = new PitchParams(algorithm, 1024, 256, 0, Double.POSITIVE_INFINITY, 0.5);
        PitchContour c = PitchTracker.track(MeasureSignals.recording(FS, x), Recording.MEAN_CHANNEL,
                new Annotation(0.2, 0.8, ""), params);
        assertTrue(c.size() > 90, "frames every 256 samples over 0.6 s: " + c.size());
        assertTrue(c.voicedFraction() > 0.95, "voiced " + c.voicedFraction());
        for (int i = 0; i < c.size(); i++) {
            if (c.voiced(i)) {
                double expected = 2000 + 2000 * (c.timeSeconds(i) - 0.2) / 0.6;
                assertEquals(expected, c.f0Hz(i), 0.02 * expected, "at " + c.timeSeconds(i) + " s");
            }
        }
        assertEquals(3000, c.meanHz(), 60);
        assertTrue(c.minHz() < 2100 && c.maxHz() > 3900, c.minHz() + "–" + c.maxHz());
    }

    @ParameterizedTest
    @EnumSource(PitchAlgorithm.class)
    void toneIsFoundToAFractionOfAPercent(PitchAlgorithm algorithm) throws InterruptedException {
        float[] x = MeasureSignals.tone(FS, 1, 0.1, 0.9, 440, 0.3);
        PitchContour c = PitchTracker.track(MeasureSignals.recording(FS, x), Recording.MEAN_CHANNEL,
                new Annotation(0.2, 0.8, ""), new PitchParams(algorithm, 2048, 512, 0, Double.POSITIVE_INFINITY, 0.5));
        assertEquals(1.0, c.voicedFraction());
        assertEquals(440, c.meanHz(), 2);
        assertEquals(0.2, c.timeSeconds(0), 512 / FS);
    }

    @Test
    void silenceAndNoiseAreMostlyUnvoiced() throws InterruptedException {
        Recording silent = MeasureSignals.recording(FS, new float[(int) FS]);
        PitchContour s = PitchTracker.track(silent, Recording.MEAN_CHANNEL, new Annotation(0.1, 0.9, ""),
                PitchParams.DEFAULT);
        assertEquals(0, s.voicedFraction());
        assertTrue(Double.isNaN(s.meanHz()));
        Recording noise = MeasureSignals.recording(FS, MeasureSignals.noise(FS, 1, 0.2, 11));
        PitchContour n = PitchTracker.track(noise, Recording.MEAN_CHANNEL, new Annotation(0.1, 0.9, ""),
                PitchParams.DEFAULT);
        assertTrue(n.voicedFraction() < 0.3, "white noise voiced " + n.voicedFraction());
    }

    @Test
    void rangeLimitsMarkOutOfRangePitchUnvoiced() throws InterruptedException {
        float[] x = MeasureSignals.tone(FS, 1, 0, 1, 440, 0.3);
        PitchContour c = PitchTracker.track(MeasureSignals.recording(FS, x), Recording.MEAN_CHANNEL,
                new Annotation(0.2, 0.8, ""), new PitchParams(PitchAlgorithm.YIN, 2048, 512, 500, 1000, 0.5));
        assertEquals(0, c.voicedFraction());
    }

    @Test
    void aBoxKeepsTheTrackerOnTheSoundInsideIt() throws InterruptedException {
        float[] low = MeasureSignals.tone(FS, 1, 0, 1, 1000, 0.2);
        float[] high = MeasureSignals.tone(FS, 1, 0, 1, 3000, 0.6);
        float[] mix = new float[low.length];
        for (int i = 0; i < mix.length; i++) {
            mix[i] = low[i] + high[i];
        }
        Recording rec = MeasureSignals.recording(FS, mix);
        PitchContour boxed = PitchTracker.track(rec, Recording.MEAN_CHANNEL,
                new Annotation(0.2, 0.8, 700, 1500, "", Map.of()), PitchParams.DEFAULT);
        assertTrue(boxed.voicedFraction() > 0.9, "voiced " + boxed.voicedFraction());
        assertEquals(1000, boxed.meanHz(), 5, "the quieter 1 kHz tone in the box, not the 3 kHz one");
        PitchContour upper = PitchTracker.track(rec, Recording.MEAN_CHANNEL,
                new Annotation(0.2, 0.8, 2500, 3500, "", Map.of()), PitchParams.DEFAULT);
        assertEquals(3000, upper.meanHz(), 15);
    }

    @Test
    void measurerAddsContoursOnlyWhenAskedAndSummarisesThem() throws InterruptedException {
        float[] x = MeasureSignals.tone(FS, 1, 0.1, 0.9, 1000, 0.3);
        List<Annotation> sels = List.of(new Annotation(0.2, 0.4, 500, 2000, "a", Map.of()));
        Recording rec = MeasureSignals.recording(FS, x);
        List<MeasuredSelection> plain = Measurer.measureAll(rec, Recording.MEAN_CHANNEL, sels, StftParams.DEFAULT,
                null, null);
        assertNull(plain.get(0).pitch());
        assertTrue(Double.isNaN(Measurement.MEAN_F0.valueOf(plain.get(0))));
        assertEquals("", Measurement.MEAN_F0.format(plain.get(0)));
        List<MeasuredSelection> withPitch = Measurer.measureAll(rec, Recording.MEAN_CHANNEL, sels,
                StftParams.DEFAULT, PitchParams.DEFAULT, null);
        assertEquals(1000, Measurement.MEAN_F0.valueOf(withPitch.get(0)), 5);
        Annotation a = withPitch.get(0).toAnnotation(Measurement.defaults(true));
        assertEquals("a", a.label());
        assertTrue(a.attributes().containsKey("Peak Freq (Hz)") && a.attributes().containsKey("Mean F0 (Hz)"));
        assertTrue(!a.attributes().containsKey("Begin Time (s)"), "bounds stay in the table's own columns");
        assertEquals(Math.round(1000 / (FS / 256)) * FS / 256, Double.parseDouble(a.attributes().get("Peak Freq (Hz)")),
                0.01);
    }

    @Test
    void measurementNamesParseAsRavenWritesThem() {
        assertEquals(java.util.EnumSet.of(Measurement.PEAK_FREQ, Measurement.BW_90, Measurement.AVG_ENTROPY),
                Measurement.parseList("Peak Freq (Hz), bw 90%,AVG_ENTROPY"));
    }
}
