package org.echoic.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;

import org.junit.jupiter.api.Test;

class SpectralMemoryTest {
    /** Streaming gives, frame by frame, the columns the whole-recording buffer gives, by lookup and by means. */
    @Test
    void eachPushGivesTheDilatedBufferOfTheNextFrame() {
        Random r = new Random(3);
        int bins = 5;
        int frames = 300;
        float[] values = new float[bins * frames];
        for (int i = 0; i < values.length; i++) {
            values[i] = r.nextFloat() * 10 - 2;
        }
        for (int dilation : new int[] {2, 3}) {
            for (int count = 1; count <= 5; count++) {
                for (boolean mean : new boolean[] {false, true}) {
                    float[] batch = DilatedSpectralBuffer.stack(values, bins, frames, dilation, count, mean);
                    SpectralMemory memory = new SpectralMemory(bins, dilation, count, mean);
                    float[] frame = new float[bins];
                    float[] out = new float[memory.outputLength()];
                    for (int t = 0; t + 1 < frames; t++) {
                        for (int k = 0; k < bins; k++) {
                            frame[k] = values[k * frames + t];
                        }
                        memory.push(frame, out, 0);
                        for (int j = 0; j < count; j++) {
                            for (int k = 0; k < bins; k++) {
                                float want = batch[(j * bins + k) * frames + t + 1];
                                assertEquals(want, out[j * bins + k], 1e-4, "d " + dilation + ", count " + count
                                        + ", mean " + mean + ", frame " + (t + 1) + ", block " + j + ", bin " + k);
                            }
                        }
                    }
                    assertEquals(frames - 1, memory.frames());
                }
            }
        }
    }

    @Test
    void aLongStreamKeepsOnlyTheLongestLagAndStaysExact() {
        SpectralMemory memory = new SpectralMemory(1, 2, 4, true);
        float[] out = new float[4];
        for (int t = 0; t < 200_000; t++) {
            memory.push(new float[] {t % 2 == 0 ? 1000f : 0f}, out, 0);
        }
        assertEquals(500, out[3], 1e-3, "the mean over lags 5–8 of an alternating 1000/0 stream");
        assertEquals(0, out[0], 1e-6, "lag 1 after an odd frame: 0");
        assertThrows(IllegalArgumentException.class, () -> new SpectralMemory(4, 1, 3, false));
        assertThrows(IllegalArgumentException.class, () -> memory.push(new float[2], out, 0));
    }
}
