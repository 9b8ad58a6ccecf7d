package org.echoic.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

import org.echoic.SharedData;
import org.echoic.audio.Recording;
import org.junit.jupiter.api.Test;

/**
 * The real recordings in the shared folder: format and length as their RIFF header and size imply and as the
 * README states, and samples equal to those decoded by javax.sound (an independent reader).
 */
class RealRecordingsTest {

    @Test
    void everyWavMatchesItsHeaderAndJavaSound() throws IOException, UnsupportedAudioFileException {
        List<Path> wavs;
        try (Stream<Path> s = Files.walk(SharedData.recordings())) {
            wavs = s.filter(p -> p.toString().endsWith(".wav")).sorted().collect(Collectors.toList());
        }
        assertFalse(wavs.isEmpty());
        for (Path wav : wavs) {
            try (Recording r = AudioFiles.open(wav);
                    AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
                AudioFormat f = in.getFormat();
                assertEquals("wav", r.container(), wav.toString());
                assertEquals(f.getChannels(), r.channels(), wav.toString());
                assertEquals(f.getSampleRate(), r.sampleRateHz(), wav.toString());
                assertEquals(in.getFrameLength(), r.frames(), wav.toString());
                assertEquals(16, f.getSampleSizeInBits(), wav.toString());
                ByteBuffer bytes = ByteBuffer.wrap(in.readAllBytes()).order(f.isBigEndian() ? ByteOrder.BIG_ENDIAN
                        : ByteOrder.LITTLE_ENDIAN);
                assertEquals(r.frames() * 2 * r.channels(), bytes.capacity(), wav.toString());
                float[] got = new float[(int) r.frames()];
                r.read(0, got.length, 0, got, 0);
                for (int i = 0; i < got.length; i++) {
                    float want = bytes.getShort(2 * r.channels() * i) / 32768f;
                    if (want != got[i]) {
                        assertEquals(want, got[i], wav + " frame " + i);
                    }
                }
            }
        }
    }

    @Test
    void readmeFacts() throws IOException {
        check("spinetail/spinetail.wav", 44100, 19.5, 0.05);
        check("deermouse-usv/deermouse-go.wav", 250000, 1.2, 1e-9);
        check("mouse-usv/BM003.wav", 300000, 0.4, 1e-9);
        check("chorus-raven/Recording_1_Segment_07-snippet.wav", 32000, 10, 0.01);
        check("humpback/glacier-bay-humpback.wav", 44100, 64.8, 0.05);
    }

    private static void check(String relative, double rateHz, double seconds, double toleranceSeconds)
            throws IOException {
        try (Recording r = AudioFiles.open(SharedData.recording(relative))) {
            assertEquals(rateHz, r.sampleRateHz(), relative);
            assertEquals(1, r.channels(), relative);
            assertEquals(seconds, r.durationSeconds(), toleranceSeconds, relative);
        }
    }
}
