package org.echoic.io;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.echoic.audio.Recording;
import org.echoic.audio.SampleEncoding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of mutated and truncated headers of valid files of every container: each either opens and
 * every frame of every channel reads without exception, or throws {@link AudioFileException}; never another
 * exception, never a hang (each case runs under a time and allocation bound, see {@link FuzzHarness}). Seeded, so
 * failures reproduce.
 */
@org.junit.jupiter.api.Tag("fuzz")
class AudioFilesFuzzTest {
    private static final int MUTANTS_PER_FILE = 250;

    @TempDir
    Path dir;

    @Test
    void mutatedHeadersOpenCleanlyOrFailWithAnAudioFileException() throws Exception {
        TestSignal s16 = TestSignal.random(SampleEncoding.PCM_S16, 16, 2, 120, 1);
        TestSignal s24 = TestSignal.random(SampleEncoding.PCM_S24, 24, 3, 90, 2);
        TestSignal f32 = TestSignal.random(SampleEncoding.FLOAT32, 32, 1, 100, 3);
        long[] ints = new long[240];
        for (int i = 0; i < ints.length; i++) {
            ints[i] = (long) s16.raw()[i];
        }
        List<byte[]> seeds = List.of(TestAudioWriter.wav("RIFF", s16, 44100, false),
                TestAudioWriter.wav("RIFF", s24, 250000, true), TestAudioWriter.wav("RIFX", s16, 8000, false),
                TestAudioWriter.wav("RF64", f32, 96000, false), TestAudioWriter.w64(s24, 48000),
                TestAudioWriter.aiff(s16, 44100, null), TestAudioWriter.aiff(s24, 22050, "sowt"),
                TestFlacWriter.encode(ints, 2, 16, 32000, 32));
        Random rnd = new Random(20240601);
        List<FuzzHarness.Case> cases = new java.util.ArrayList<>();
        for (int f = 0; f < seeds.size(); f++) {
            for (int m = 0; m < MUTANTS_PER_FILE; m++) {
                cases.add(new FuzzHarness.Case("seed " + f + " mutant " + m,
                        java.util.Map.of("mutant.bin", mutate(seeds.get(f), rnd)), "mutant.bin"));
            }
        }
        FuzzHarness.Report r = new FuzzHarness("audio", Duration.ofSeconds(5), 16L << 20, dir).run(cases, p -> {
            try (Recording rec = AudioFiles.open(p)) {
                float[] buf = new float[64];
                for (int c = Recording.MEAN_CHANNEL; c < Math.min(rec.channels(), 4); c++) {
                    for (long start = 0; start < rec.frames(); start += buf.length) {
                        rec.read(start, (int) Math.min(buf.length, rec.frames() - start), c, buf, 0);
                    }
                }
            } catch (AudioFileException e) {
                if (!e.getMessage().startsWith(p.toString())) {
                    fail("message does not name the file: " + e.getMessage());
                }
                throw e;
            }
            return null;
        }, null);
        assertTrue(r.failures().isEmpty(), r.failures().size() + " failures, e.g. "
                + r.failures().subList(0, Math.min(5, r.failures().size())));
        assertTrue(r.loaded() > 100 && r.refused() > 100,
                "both outcomes should occur: opened " + r.loaded() + ", rejected " + r.refused());
    }

    private static byte[] mutate(byte[] original, Random rnd) {
        byte[] b = original.clone();
        int header = Math.min(b.length, 120);
        int kind = rnd.nextInt(5);
        if (kind == 0 || kind == 4) {
            for (int i = 1 + rnd.nextInt(4); i > 0; i--) {
                b[rnd.nextInt(header)] ^= (byte) (1 << rnd.nextInt(8));
            }
        }
        if (kind == 1 || kind == 4) {
            int at = rnd.nextInt(header - 3);
            int[] values = {rnd.nextInt(), 0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, b.length, b.length + 1, 1};
            ByteBuffer.wrap(b).putInt(at, values[rnd.nextInt(values.length)]);
        }
        if (kind == 2 && header >= 8) {
            int at = rnd.nextInt(header - 7);
            long[] values = {rnd.nextLong(), 0, -1, Long.MAX_VALUE, 1L << 40, b.length};
            ByteBuffer.wrap(b).putLong(at, values[rnd.nextInt(values.length)]);
        }
        if (kind == 3 || kind == 4 || rnd.nextInt(4) == 0) {
            return Arrays.copyOf(b, rnd.nextInt(b.length + 1));
        }
        return b;
    }
}
