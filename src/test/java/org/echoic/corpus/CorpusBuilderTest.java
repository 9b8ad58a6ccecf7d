package org.echoic.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.echoic.audio.ArrayRecording;
import org.echoic.audio.Recording;
import org.echoic.dsp.SpectralFrames;
import org.echoic.dsp.Spectrogram;
import org.echoic.dsp.Stft;
import org.echoic.segment.Segment;
import org.junit.jupiter.api.Test;

class CorpusBuilderTest {

    private static Recording tones(double rate, int frames) {
        float[] x = new float[frames];
        for (int i = 0; i < frames; i++) {
            double amp = i < frames / 2 ? 0.5 : 0.05;
            x[i] = (float) (amp * Math.sin(2 * Math.PI * 2000 * i / rate));
        }
        return new ArrayRecording(Path.of("tones.wav"), rate, x);
    }

    @Test
    void eachSegmentBecomesOneScaledSequenceWithItsProvenance() throws InterruptedException {
        Recording r = tones(16000, 16000);
        SpectralFrames f = SpectralFrames.DEFAULT.withBand(1000, 4000);
        CorpusBuilder b = new CorpusBuilder(f, 0);
        List<Segment> segs = List.of(new Segment(0, 4000, "loud"), new Segment(5000, 5100), new Segment(9000, 12000));
        b.add("tones.wav", r, segs);
        Corpus c = b.build("test");
        assertEquals(2, c.dataset().size());
        assertEquals(1, c.skippedSegments(), "the 100-sample segment is shorter than one STFT frame");
        assertEquals(f.nVisible(16000), c.dataset().nVisible());
        assertEquals(2, c.segments().get(1).index());
        assertEquals("loud", c.segments().get(0).label());
        assertEquals((4000 + 3000) / 16000.0, c.durationSeconds(), 1e-12);
        Spectrogram psd = Stft.spectrogram(r, 0, 9000, 12000, f.stft(), null, 1, null);
        float[][] want = f.scale(psd);
        float[][] got = c.dataset().sequences().get(1);
        assertEquals(want.length, got.length);
        assertEquals(want[3][5], got[3][5]);
        double loud = f.maxDb(Stft.spectrogram(r, 0, 0, 4000, f.stft(), null, 1, null));
        double quiet = f.maxDb(psd);
        assertEquals((loud + quiet) / 2, c.frames().referenceDb(), 1e-9, "median of two levels");
        assertTrue(loud > quiet + 15);
    }

    @Test
    void recordingsThatGiveAnotherFrameWidthAreRefusedByName() throws InterruptedException {
        CorpusBuilder b = new CorpusBuilder(SpectralFrames.DEFAULT.withBand(0, 4000), 0);
        b.add("a.wav", tones(16000, 8000), List.of(new Segment(0, 4000)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> b.add("b.wav", tones(44100, 8000), List.of(new Segment(0, 4000))));
        assertTrue(e.getMessage().startsWith("b.wav"), e.getMessage());
    }

    @Test
    void recordingsOfAnotherRateAreRefusedEvenWhenTheFrameWidthAgrees() throws InterruptedException {
        // Without a band, 256-sample frames have 129 values at any rate, but bin k is k·rate/256 Hz.
        CorpusBuilder b = new CorpusBuilder(SpectralFrames.DEFAULT, 0);
        b.add("a.wav", tones(22050, 8000), List.of(new Segment(0, 4000)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> b.add("b.wav", tones(44100, 8000), List.of(new Segment(0, 4000))));
        assertTrue(e.getMessage().startsWith("b.wav: recorded at 44100.0 Hz"), e.getMessage());
        b.add("c.wav", tones(22050, 8000), List.of(new Segment(0, 4000)));
        assertEquals(2, b.size());
    }

    @Test
    void anEmptyCorpusSaysWhy() {
        CorpusBuilder b = new CorpusBuilder(SpectralFrames.DEFAULT, 0);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> b.build("x"));
        assertTrue(e.getMessage().contains("nothing to train on"));
    }

    @Test
    void boutsJoinSegmentsAtMostTheGapApartInStartOrder() {
        List<Segment> segs = List.of(new Segment(500, 600, "B"), new Segment(0, 100, "A"), new Segment(150, 200, "A"),
                new Segment(251, 300, "C"), new Segment(590, 700, "D"));
        List<Segment> joined = CorpusBuilder.joinBouts(segs, 50);
        assertEquals(List.of(new Segment(0, 200, "A"), new Segment(251, 300, "C"), new Segment(500, 700, "B+D")),
                joined, "a gap of exactly 50 joins, 51 does not; overlaps join; labels listed once");
        assertEquals(List.of(new Segment(0, 300, "A+C"), new Segment(500, 700, "B+D")),
                CorpusBuilder.joinBouts(segs, 51));
        assertEquals(5, CorpusBuilder.joinBouts(segs, -1000).size(), "no join below any gap");
    }

    @Test
    void aBoutIsOneSequenceWithItsSilences() throws InterruptedException {
        Recording r = tones(16000, 16000);
        SpectralFrames f = SpectralFrames.DEFAULT.withBand(1000, 4000);
        List<Segment> calls = List.of(new Segment(1000, 2000, "a"), new Segment(3000, 4000, "b"),
                new Segment(9000, 10000, "c"));
        CorpusBuilder each = new CorpusBuilder(f, 0);
        each.add("tones.wav", r, calls);
        CorpusBuilder bouts = new CorpusBuilder(f, 0).joiningGaps(0.1);
        bouts.add("tones.wav", r, calls);
        Corpus c = bouts.build("bouts");
        assertEquals(3, each.build("each").dataset().size());
        assertEquals(2, c.dataset().size(), "the first two calls, 62.5 ms apart, form one bout");
        CorpusSegment first = c.segments().get(0);
        assertEquals(1000, first.startFrame());
        assertEquals(4000, first.endFrame());
        assertEquals("a+b", first.label());
        assertEquals(f.stft().frameCount(3000), c.dataset().sequences().get(0).length, "the gap's frames included");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new CorpusBuilder(f, 0).joiningGaps(-1));
    }
}
