package org.echoic.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.echoic.audio.MappedPcmRecording;
import org.echoic.audio.Recording;
import org.echoic.audio.SampleEncoding;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every container × encoding × channel count × rate, written by the test writers and read back bit-exact
 * against the documented float mapping (see {@link TestSignal}), one channel at a time, as the mean, and in
 * random sub-ranges.
 */
class AudioFilesConformanceTest {
    private static final int[] RATES = {8000, 44100, 250000, 1000000};
    private static final int[] CHANNELS = {1, 2, 6};
    private static final int FRAMES = 257;

    @TempDir
    static Path dir;

    /** One encoding case: storage encoding, significant bits, and what the reader should report. */
    private record Case(SampleEncoding encoding, int bits) {
    }

    private static final List<Case> WAV_CASES = List.of(new Case(SampleEncoding.PCM_U8, 8),
            new Case(SampleEncoding.PCM_S16, 16), new Case(SampleEncoding.PCM_S24, 24),
            new Case(SampleEncoding.PCM_S32, 32), new Case(SampleEncoding.FLOAT32, 32),
            new Case(SampleEncoding.FLOAT64, 64));

    @TestFactory
    Stream<DynamicTest> riffRifxRf64AndExtensible() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String magic : new String[] {"RIFF", "RIFX", "RF64"}) {
            for (boolean ext : new boolean[] {false, true}) {
                List<Case> cases = new ArrayList<>(WAV_CASES);
                if (ext) {
                    cases.add(new Case(SampleEncoding.PCM_S24, 20));
                    cases.add(new Case(SampleEncoding.PCM_S32, 24));
                }
                String container = magic.equals("RIFF") ? "wav" : magic.toLowerCase();
                matrix(tests, magic + (ext ? "-ext" : ""), container, cases,
                        (s, rate) -> TestAudioWriter.wav(magic, s, rate, ext));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> wave64() {
        List<DynamicTest> tests = new ArrayList<>();
        matrix(tests, "W64", "w64", WAV_CASES, TestAudioWriter::w64);
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> aiffAndAifc() {
        List<DynamicTest> tests = new ArrayList<>();
        List<Case> plain = List.of(new Case(SampleEncoding.PCM_S8, 8), new Case(SampleEncoding.PCM_S16, 12),
                new Case(SampleEncoding.PCM_S16, 16), new Case(SampleEncoding.PCM_S24, 24),
                new Case(SampleEncoding.PCM_S32, 32));
        matrix(tests, "AIFF", "aiff", plain, (s, rate) -> TestAudioWriter.aiff(s, rate, null));
        for (String type : new String[] {"NONE", "twos", "sowt"}) {
            matrix(tests, "AIFC-" + type, "aifc", plain, (s, rate) -> TestAudioWriter.aiff(s, rate, type));
        }
        for (String type : new String[] {"fl32", "FL32"}) {
            matrix(tests, "AIFC-" + type, "aifc", List.of(new Case(SampleEncoding.FLOAT32, 32)),
                    (s, rate) -> TestAudioWriter.aiff(s, rate, type));
        }
        for (String type : new String[] {"fl64", "FL64"}) {
            matrix(tests, "AIFC-" + type, "aifc", List.of(new Case(SampleEncoding.FLOAT64, 64)),
                    (s, rate) -> TestAudioWriter.aiff(s, rate, type));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> flac() {
        List<DynamicTest> tests = new ArrayList<>();
        List<Case> cases = List.of(new Case(SampleEncoding.PCM_S8, 8), new Case(SampleEncoding.PCM_S16, 16),
                new Case(SampleEncoding.PCM_S24, 20), new Case(SampleEncoding.PCM_S24, 24));
        matrix(tests, "FLAC", "flac", cases, (s, rate) -> {
            long[] v = new long[s.raw().length];
            int shift = s.encoding().bitsPerSample() - s.bits();
            for (int i = 0; i < v.length; i++) {
                v[i] = (long) s.raw()[i] >> shift;
            }
            return TestFlacWriter.encode(v, s.channels(), s.bits(), rate, 64);
        });
        return tests.stream();
    }

    private interface Writer {
        byte[] write(TestSignal s, int rate);
    }

    private static void matrix(List<DynamicTest> tests, String label, String container, List<Case> cases,
            Writer writer) {
        for (Case c : cases) {
            for (int channels : CHANNELS) {
                for (int rate : RATES) {
                    String name = label + " " + c.encoding().label() + "/" + c.bits() + " " + channels + "ch " + rate + "Hz";
                    tests.add(DynamicTest.dynamicTest(name, () -> {
                        TestSignal s = TestSignal.random(c.encoding(), c.bits(), channels, FRAMES, name.hashCode());
                        Path file = dir.resolve(name.replaceAll("[^A-Za-z0-9]", "_") + ".bin");
                        Files.write(file, writer.write(s, rate));
                        checkReadsBack(file, s, container, rate);
                    }));
                }
            }
        }
    }

    /** Opens {@code file} and checks metadata and every sample against {@code s}. */
    static void checkReadsBack(Path file, TestSignal s, String container, double rate) throws IOException {
        try (Recording r = AudioFiles.open(file)) {
            assertEquals(container, r.container());
            assertEquals(s.encoding(), r.encoding());
            assertEquals(s.bits(), ((MappedPcmRecording) r).bitsPerSample());
            assertEquals(s.channels(), r.channels());
            assertEquals(rate, r.sampleRateHz());
            assertEquals(s.frames(), r.frames());
            for (int c = 0; c < s.channels(); c++) {
                assertArrayEquals(s.channel(c), readAll(r, c), "channel " + c);
            }
            float[] mean = s.mean();
            assertArrayEquals(mean, readAll(r, Recording.MEAN_CHANNEL), "mean");
            Random rnd = new Random(file.hashCode());
            for (int k = 0; k < 5; k++) {
                int start = rnd.nextInt(s.frames());
                int n = rnd.nextInt(s.frames() - start + 1);
                float[] part = new float[n + 3];
                r.read(start, n, Recording.MEAN_CHANNEL, part, 3);
                for (int i = 0; i < n; i++) {
                    assertEquals(mean[start + i], part[3 + i], "mean at frame " + (start + i));
                }
            }
        }
    }

    static float[] readAll(Recording r, int channel) {
        float[] out = new float[(int) r.frames()];
        r.read(0, out.length, channel, out, 0);
        return out;
    }

}
