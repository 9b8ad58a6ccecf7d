package org.echoic.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.echoic.audio.Recording;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files written by Debian's {@code sox} (an independent implementation) read back equal to what sox itself
 * decodes from the same file (converted to raw 32-bit integers, or to raw floats for float sources). Skipped
 * with a message when {@code sox} is not installed.
 */
class SoxInteropTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void needSox() {
        boolean ok;
        try {
            ok = new ProcessBuilder("sox", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            ok = false;
        }
        Assumptions.assumeTrue(ok, "skipped: sox is not installed (Debian package sox; .ci/run installs it)");
    }

    /** One sox invocation: output options, file name, expected container/encoding/channels/rate. */
    private record SoxCase(String file, String container, String encoding, int channels, int rate, String... options) {
    }

    @TestFactory
    Stream<DynamicTest> soxFilesMatchSoxDecoding() {
        List<SoxCase> cases = List.of(
                new SoxCase("s24-ext.wav", "wav", "pcm_s24", 1, 250000, "-b", "24"),
                new SoxCase("s16.wav", "wav", "pcm_s16", 2, 44100, "-b", "16"),
                new SoxCase("u8.wav", "wav", "pcm_u8", 1, 8000, "-b", "8", "-e", "unsigned"),
                new SoxCase("s32.wav", "wav", "pcm_s32", 2, 96000, "-b", "32"),
                new SoxCase("f32-6ch.wav", "wav", "float32", 6, 48000, "-e", "floating-point", "-b", "32"),
                new SoxCase("f64.wav", "wav", "float64", 1, 22050, "-e", "floating-point", "-b", "64"),
                new SoxCase("rifx.wav", "rifx", "pcm_s16", 2, 32000, "-b", "16", "-B"),
                new SoxCase("s24.w64", "w64", "pcm_s24", 2, 384000, "-b", "24"),
                new SoxCase("s16.aiff", "aiff", "pcm_s16", 2, 44100, "-b", "16"),
                new SoxCase("s24.aiff", "aiff", "pcm_s24", 1, 1000000, "-b", "24"),
                new SoxCase("f32.aifc", "aifc", "float32", 1, 48000, "-e", "floating-point", "-b", "32"),
                new SoxCase("s16.flac", "flac", "pcm_s16", 2, 44100, "-b", "16"),
                new SoxCase("s24.flac", "flac", "pcm_s24", 1, 192000, "-b", "24"));
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.file(), () -> check(c)));
    }

    private static void check(SoxCase c) throws IOException, InterruptedException {
        Path file = dir.resolve(c.file());
        List<String> cmd = new ArrayList<>(List.of("sox", "-n", "-r", String.valueOf(c.rate()), "-c",
                String.valueOf(c.channels())));
        cmd.addAll(List.of(c.options()));
        cmd.addAll(List.of(file.toString(), "synth", "0.05", "sine", "300-" + c.rate() / 3, "vol", "0.9"));
        sox(cmd);
        boolean floating = c.encoding().startsWith("float");
        Path raw = dir.resolve(c.file() + ".raw");
        sox(List.of("sox", file.toString(), "-t", "raw", "-e", floating ? "floating-point" : "signed", "-b", "32",
                "-L", raw.toString()));
        ByteBuffer ref = ByteBuffer.wrap(Files.readAllBytes(raw)).order(ByteOrder.LITTLE_ENDIAN);
        try (Recording r = AudioFiles.open(file)) {
            assertEquals(c.container(), r.container());
            assertEquals(c.encoding(), r.encoding().label());
            assertEquals(c.channels(), r.channels());
            assertEquals(c.rate(), r.sampleRateHz());
            assertEquals(ref.capacity() / 4 / c.channels(), r.frames());
            int frames = (int) r.frames();
            float[][] got = new float[c.channels()][frames];
            for (int ch = 0; ch < c.channels(); ch++) {
                r.read(0, frames, ch, got[ch], 0);
            }
            for (int i = 0; i < frames; i++) {
                for (int ch = 0; ch < c.channels(); ch++) {
                    float want = floating ? ref.getFloat() : ref.getInt() * 0x1p-31f;
                    if (floating) {
                        // sox passes floats through its 32-bit integer pipeline
                        assertEquals(want, got[ch][i], 1e-7, "frame " + i + " channel " + ch);
                    } else {
                        assertEquals(want, got[ch][i], "frame " + i + " channel " + ch);
                    }
                }
            }
        }
    }

    private static void sox(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out);
    }
}
