package org.echoic.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;

import org.echoic.audio.ArrayRecording;
import org.echoic.audio.Recording;
import org.echoic.audio.SampleEncoding;
import org.echoic.dsp.Tones;
import org.junit.jupiter.api.Test;

class PlaybackStreamTest {

    static float[] drain(PlaybackStream s, int limit) {
        float[] all = new float[limit];
        int n = 0;
        float[] block = new float[1000];
        while (n < limit) {
            int m = s.read(block, 0, Math.min(block.length, limit - n));
            if (m < 0) {
                break;
            }
            System.arraycopy(block, 0, all, n, m);
            n += m;
        }
        return Arrays.copyOf(all, n);
    }

    private static ArrayRecording tone(double hz, double rateHz, int frames) {
        return new ArrayRecording(Path.of("tone.wav"), rateHz, Tones.sine(hz, rateHz, 0.5, frames));
    }

    @Test
    void timeExpansionByTenMakesA40KilohertzCallAt250KilohertzA4KilohertzToneAtTheDeviceRate() {
        ArrayRecording rec = tone(40_000, 250_000, 250_000);
        PlaybackParams te = new PlaybackParams(PlaybackParams.Mode.TIME_EXPANSION, 10, 0, false);
        PlaybackStream s = new PlaybackStream(rec, 0, 0, rec.frames(), te, 48_000);
        float[] out = drain(s, 1_000_000);
        // One second of recording lasts ten seconds when slowed down ten times (plus the filter's short tail).
        assertEquals(480_000 + s.tailOutputFrames(), out.length, 2);
        assertEquals(0.5, Tones.amplitude(out, 10_000, 470_000, 4_000, 48_000), 0.005);
        assertEquals(0.5 / Math.sqrt(2), Tones.rms(out, 10_000, 470_000), 0.005);
        assertEquals(25_000.0 / 48_000, s.sourceFramesPerOutputFrame(), 1e-12);
    }

    @Test
    void timeExpansionAtARateTheDeviceTakesPassesSamplesUnchanged() {
        ArrayRecording rec = tone(40_000, 250_000, 30_000);
        PlaybackParams te = new PlaybackParams(PlaybackParams.Mode.TIME_EXPANSION, 10, 0, false);
        PlaybackStream s = new PlaybackStream(rec, 0, 100, 20_100, te, 25_000);
        assertArrayEquals(Arrays.copyOfRange(rec.channel(0), 100, 20_100), drain(s, 100_000));
    }

    @Test
    void normalPlaybackResamples250KilohertzTo48AndMapsThePlayhead() {
        ArrayRecording rec = tone(10_000, 250_000, 125_000);
        PlaybackStream s = new PlaybackStream(rec, 0, 0, rec.frames(), PlaybackParams.NORMAL, 48_000);
        float[] out = drain(s, 1_000_000);
        assertEquals(24_000 + s.tailOutputFrames(), out.length, 2);
        assertEquals(0.5, Tones.amplitude(out, 2000, 22_000, 10_000, 48_000), 0.005);
        double delay = s.sourceFrameAt(0);
        assertEquals(0, delay);
        assertEquals(125_000 / 2.0, s.sourceFrameAt(12_000), 300);
        assertEquals(rec.frames() - 1, s.sourceFrameAt(10_000_000));
    }

    @Test
    void heterodyneModeShiftsByTheCarrier() {
        ArrayRecording rec = tone(45_000, 250_000, 125_000);
        PlaybackParams het = new PlaybackParams(PlaybackParams.Mode.HETERODYNE, 10, 40_000, false);
        float[] out = drain(new PlaybackStream(rec, 0, 0, rec.frames(), het, 48_000), 1_000_000);
        assertEquals(0.5, Tones.amplitude(out, 2000, 22_000, 5_000, 48_000), 0.01);
    }

    @Test
    void loopRepeatsTheRangeAndWrapsThePlayhead() {
        float[] ramp = new float[1000];
        for (int i = 0; i < ramp.length; i++) {
            ramp[i] = i / 1000f;
        }
        ArrayRecording rec = new ArrayRecording(Path.of("ramp"), 8_000, ramp);
        PlaybackParams loop = new PlaybackParams(PlaybackParams.Mode.NORMAL, 10, 0, true);
        PlaybackStream s = new PlaybackStream(rec, 0, 200, 300, loop, 8_000);
        float[] out = drain(s, 1000);
        assertEquals(1000, out.length);
        for (int i = 0; i < out.length; i++) {
            assertEquals(ramp[200 + i % 100], out[i], 0f);
        }
        assertEquals(250, s.sourceFrameAt(350));
    }

    @Test
    void aTwoHourSelectionAt250KilohertzStreamsWithoutLoadingIt() {
        Recording huge = new SineRecording(250_000, 2L * 3600 * 250_000);
        PlaybackParams te = new PlaybackParams(PlaybackParams.Mode.TIME_EXPANSION, 10, 0, false);
        PlaybackStream s = new PlaybackStream(huge, 0, 0, huge.frames(), te, 48_000);
        float[] out = drain(s, 48_000);
        assertEquals(48_000, out.length);
        assertEquals(0.5, Tones.amplitude(out, 2000, 46_000, 4_000, 48_000), 0.005);
    }

    @Test
    void rejectsRangesChannelsAndCarriersThatCannotPlay() {
        ArrayRecording rec = tone(1000, 44_100, 1000);
        assertThrows(IllegalArgumentException.class,
                () -> new PlaybackStream(rec, 0, 500, 2000, PlaybackParams.NORMAL, 48_000));
        assertThrows(IllegalArgumentException.class,
                () -> new PlaybackStream(rec, 0, 10, 10, PlaybackParams.NORMAL, 48_000));
        assertThrows(IllegalArgumentException.class,
                () -> new PlaybackStream(rec, 3, 0, 1000, PlaybackParams.NORMAL, 48_000));
        PlaybackParams het = new PlaybackParams(PlaybackParams.Mode.HETERODYNE, 10, 40_000, false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PlaybackStream(rec, 0, 0, 1000, het, 48_000));
        assertTrue(e.getMessage().contains("carrier"), e.getMessage());
    }

    /** A 40 kHz tone of any length computed on demand, holding no samples. */
    static final class SineRecording implements Recording {
        private final double rateHz;
        private final long frames;

        SineRecording(double rateHz, long frames) {
            this.rateHz = rateHz;
            this.frames = frames;
        }

        @Override
        public Path path() {
            return Path.of("sine");
        }

        @Override
        public String container() {
            return "memory";
        }

        @Override
        public SampleEncoding encoding() {
            return SampleEncoding.FLOAT32;
        }

        @Override
        public int channels() {
            return 1;
        }

        @Override
        public double sampleRateHz() {
            return rateHz;
        }

        @Override
        public long frames() {
            return frames;
        }

        @Override
        public void read(long startFrame, int frameCount, int channel, float[] dst, int dstOffset) {
            checkRead(startFrame, frameCount, channel, dst, dstOffset);
            for (int i = 0; i < frameCount; i++) {
                long n = (startFrame + i) % 25;
                dst[dstOffset + i] = (float) (0.5 * Math.sin(2 * Math.PI * 40_000 * n / rateHz));
            }
        }

        @Override
        public void close() {
        }
    }
}
