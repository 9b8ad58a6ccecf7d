package org.echoic.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

import org.echoic.audio.ArrayRecording;
import org.echoic.dsp.Tones;
import org.echoic.io.WavWriter;
import org.junit.jupiter.api.Test;

class JavaSoundPlaybackTest {

    private static final ArrayRecording TONE = new ArrayRecording(Path.of("tone.wav"), 44_100,
            Tones.sine(1000, 44_100, 0.5, 22_050));

    @Test
    void withoutAnAudioDeviceAPlayRequestSaysSoInsteadOfThrowingSomethingElse() {
        boolean hasDevice = AudioSystem.isLineSupported(new DataLine.Info(SourceDataLine.class,
                new AudioFormat(48_000, 16, 1, true, false)));
        assumeFalse(hasDevice, "this machine has an audio output; the headless case cannot be checked");
        try (JavaSoundPlayback playback = new JavaSoundPlayback()) {
            PlaybackUnavailableException e = assertThrows(PlaybackUnavailableException.class,
                    () -> playback.play(TONE, 0, 0, TONE.frames(), PlaybackParams.NORMAL));
            assertEquals("No audio output device", e.getMessage(), "a plain message, not Java Sound's");
            assertFalse(playback.isPlaying());
            assertEquals(-1, playback.playheadFrame());
        }
    }

    @Test
    void everyKindOfLineFailureBecomesPlaybackUnavailable() {
        assertEquals("No audio output device", JavaSoundPlayback.userMessage(new IllegalArgumentException(
                "No line matching interface SourceDataLine supporting format PCM_SIGNED 44100.0 Hz")));
        List<Exception> failures = List.of(new LineUnavailableException("busy"),
                new IllegalArgumentException("No line matching"), new SecurityException("denied"));
        for (Exception failure : failures) {
            JavaSoundPlayback playback = new JavaSoundPlayback((format, bytes) -> {
                if (failure instanceof LineUnavailableException lue) {
                    throw lue;
                }
                throw (RuntimeException) failure;
            });
            PlaybackUnavailableException e = assertThrows(PlaybackUnavailableException.class,
                    () -> playback.play(TONE, 0, 0, TONE.frames(), PlaybackParams.NORMAL));
            assertFalse(e.getMessage().contains("No line matching"), "Java Sound's text stays in the cause");
            assertEquals(JavaSoundPlayback.userMessage(failure), e.getMessage());
            assertEquals(failure, e.getCause());
        }
    }

    @Test
    void playsTheSamplesAtTheRecordingRateWhenTheDeviceAcceptsIt() throws Exception {
        List<FakeLine> lines = new ArrayList<>();
        JavaSoundPlayback playback = new JavaSoundPlayback((format, bytes) -> {
            FakeLine line = new FakeLine(format, 1 << 20, 0);
            lines.add(line);
            return line;
        });
        playback.play(TONE, 0, 1000, 21_000, PlaybackParams.NORMAL);
        waitUntilStopped(playback);
        FakeLine line = lines.get(0);
        assertEquals(44_100f, line.getFormat().getSampleRate());
        assertTrue(line.drained, "the line is drained at the end");
        ByteBuffer pcm = ByteBuffer.wrap(line.captured.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(20_000 * 2, pcm.remaining());
        for (int i = 0; i < 20_000; i++) {
            assertEquals(WavWriter.toPcm16(TONE.channel(0)[1000 + i]), pcm.getShort());
        }
    }

    @Test
    void fallsBackTo48KilohertzWhenTheDeviceRefusesTheRecordingRate() throws Exception {
        List<Float> tried = new ArrayList<>();
        List<FakeLine> lines = new ArrayList<>();
        JavaSoundPlayback playback = new JavaSoundPlayback((format, bytes) -> {
            tried.add(format.getSampleRate());
            if (format.getSampleRate() != 48_000f) {
                throw new IllegalArgumentException("unsupported rate");
            }
            FakeLine line = new FakeLine(format, 1 << 20, 0);
            lines.add(line);
            return line;
        });
        ArrayRecording bat = new ArrayRecording(Path.of("bat.wav"), 250_000, Tones.sine(40_000, 250_000, 0.5, 50_000));
        playback.play(bat, 0, 0, bat.frames(), new PlaybackParams(PlaybackParams.Mode.TIME_EXPANSION, 10, 0, false));
        waitUntilStopped(playback);
        assertEquals(List.of(25_000f, 48_000f), tried);
        ByteBuffer pcm = ByteBuffer.wrap(lines.get(0).captured.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
        float[] heard = new float[pcm.remaining() / 2];
        for (int i = 0; i < heard.length; i++) {
            heard[i] = pcm.getShort() / 32768f;
        }
        assertEquals(96_000, heard.length, 100, "two seconds at 48 kHz plus the filter's tail");
        assertEquals(0.5, Tones.amplitude(heard, 2000, 94_000, 4_000, 48_000), 0.005);
    }

    @Test
    void loopsUntilStoppedAndReportsThePlayheadInsideTheRange() throws Exception {
        FakeLine[] line = new FakeLine[1];
        JavaSoundPlayback playback = new JavaSoundPlayback((format, bytes) -> line[0] = new FakeLine(format, 1 << 16, 441));
        PlaybackParams loop = new PlaybackParams(PlaybackParams.Mode.NORMAL, 10, 0, true);
        playback.play(TONE, 0, 5000, 6000, loop);
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (line[0].getLongFramePosition() < 10_000 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(playback.isPlaying(), "a loop keeps playing");
        long head = playback.playheadFrame();
        assertTrue(head >= 5000 && head < 6000, "play head " + head);
        playback.stop();
        assertFalse(playback.isPlaying());
        assertEquals(-1, playback.playheadFrame());
        assertFalse(line[0].isOpen(), "stop closes the line");
    }

    @Test
    void badRequestsAreRejectedBeforeAnyLineIsOpened() {
        JavaSoundPlayback playback = new JavaSoundPlayback((format, bytes) -> {
            throw new AssertionError("no line for a bad request");
        });
        assertThrows(IllegalArgumentException.class,
                () -> playback.play(TONE, 0, 0, TONE.frames() + 1, PlaybackParams.NORMAL));
    }

    private static void waitUntilStopped(JavaSoundPlayback playback) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (playback.isPlaying() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertFalse(playback.isPlaying(), "playback ends by itself");
    }
}
