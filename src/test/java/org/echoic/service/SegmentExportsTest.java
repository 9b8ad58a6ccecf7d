package org.echoic.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.echoic.audio.ArrayRecording;
import org.echoic.audio.Recording;
import org.echoic.dsp.Spectrogram;
import org.echoic.dsp.Stft;
import org.echoic.dsp.StftParams;
import org.echoic.io.AnnotationFormat;
import org.echoic.io.AudioFiles;
import org.echoic.io.NpyReader;
import org.echoic.segment.Annotation;
import org.echoic.segment.Segment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exports of segments: tables that import back to the same frames, WAV audio of each segment, .npy spectrograms. */
class SegmentExportsTest {
    @TempDir
    Path dir;

    private static List<Segment> odd(double rate) {
        List<Segment> list = new ArrayList<>();
        long[] starts = {0, 1, 4_411, 12_345, 99_999, 441_000 - 3_000};
        for (int i = 0; i < starts.length; i++) {
            list.add(new Segment(starts[i], starts[i] + 257 + 1_000L * i, i % 2 == 0 ? "" : "call " + i));
        }
        return list;
    }

    @Test
    void tablesRoundTripExactlyInEveryFormat() throws Exception {
        for (double rate : new double[] {44_100, 48_000, 22_050, 250_000}) {
            List<Segment> segments = odd(rate);
            for (AnnotationFormat f : AnnotationFormat.values()) {
                Path file = dir.resolve(rate + "-" + f.fileName("x"));
                SegmentExports.writeTable(file, f, segments, rate);
                assertEquals(f, AnnotationFormat.detect(file));
                List<Segment> back = AnnotationFormat.readAny(file).stream().map(a -> a.toSegment(rate)).toList();
                assertEquals(segments, back, f + " at " + rate + " Hz gives back the same frames and labels");
                List<Annotation> again = AnnotationFormat.readAny(file);
                Path second = dir.resolve("2-" + file.getFileName());
                SegmentExports.writeTable(second, f, back, rate);
                assertEquals(again, AnnotationFormat.readAny(second), "export ∘ import is the identity");
            }
        }
    }

    @Test
    void eachSegmentsAudioAndSpectrogramAreWritten() throws Exception {
        double rate = 8_000;
        float[] left = new float[8_000];
        float[] right = new float[8_000];
        for (int i = 0; i < left.length; i++) {
            left[i] = (float) Math.sin(2 * Math.PI * 1000 * i / rate) * 0.5f;
            right[i] = i / 8_000f;
        }
        Recording rec = new ArrayRecording(dir.resolve("stereo.wav"), rate, left, right);
        List<Segment> segments = List.of(new Segment(100, 1_100), new Segment(2_000, 2_100), new Segment(7_000, 8_000));
        SegmentExports.Outcome audio = SegmentExports.writeAudio(dir.resolve("audio"), "stereo", rec, segments);
        assertEquals(3, audio.written().size());
        assertEquals(dir.resolve("audio").resolve("stereo.seg0001.wav"), audio.written().get(0));
        for (int k = 0; k < segments.size(); k++) {
            Segment s = segments.get(k);
            try (Recording back = AudioFiles.open(audio.written().get(k))) {
                assertEquals(2, back.channels());
                assertEquals(rate, back.sampleRateHz());
                assertEquals(s.lengthFrames(), back.frames());
                float[] got = new float[(int) s.lengthFrames()];
                back.read(0, got.length, 1, got, 0);
                float[] want = new float[got.length];
                System.arraycopy(right, (int) s.startFrame(), want, 0, want.length);
                assertArrayEquals(want, got, 0f, "32-bit float WAV keeps the samples exactly");
            }
        }

        SegmentExports.Outcome spec = SegmentExports.writeSpectrograms(dir.resolve("npy"), "stereo", rec, 0, segments,
                StftParams.DEFAULT);
        assertEquals(2, spec.written().size(), "the 100-frame segment is shorter than one STFT segment");
        assertEquals(1, spec.skipped().size());
        assertTrue(spec.skipped().get(0).contains("segment 2"), spec.skipped().get(0));
        NpyReader.NpyArray a = NpyReader.read(dir.resolve("npy").resolve("stereo.seg0001.npy"));
        Spectrogram want = Stft.spectrogram(rec, 0, 100, 1_100, StftParams.DEFAULT, null, 1, null);
        assertArrayEquals(new int[] {129, want.frames()}, a.shape(), "shape (frequency, time)");
        assertArrayEquals(want.values(), a.toFloats(), 0f);
        int peak = 0;
        for (int b = 0; b < 129; b++) {
            if (want.get(b, 0) > want.get(peak, 0)) {
                peak = b;
            }
        }
        assertEquals(32, peak, "the 1 kHz tone is in bin 1000 / (8000 / 256)");
    }
}
