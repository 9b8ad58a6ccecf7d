package org.echoic.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.echoic.audio.Recording;
import org.echoic.audio.SampleEncoding;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sparse RF64 file of more than 4 GiB: it opens in a child JVM limited to 512 MiB of heap (the samples are
 * mapped, never loaded), and samples written at the 1 GiB window boundaries read back in place.
 */
class LargeRf64Test {
    private static final long FRAMES = (1L << 31) + 1000;

    @TempDir
    Path dir;

    @Test
    void fourGigabyteRf64OpensWithSmallHeapAndReadsAcrossWindows() throws Exception {
        Path file = dir.resolve("big.rf64.wav");
        TestSignal header = TestSignal.random(SampleEncoding.PCM_S16, 16, 1, 0, 1);
        ByteOrder le = ByteOrder.LITTLE_ENDIAN;
        ByteBuffer ds64 = ByteBuffer.allocate(28).order(le).putLong(0).putLong(2 * FRAMES).putLong(FRAMES).putInt(0);
        byte[] head = TestAudioWriter.riff("RF64", TestAudioWriter.chunk("ds64", ds64.array(), le),
                TestAudioWriter.chunk("fmt ", TestAudioWriter.fmt(header, 8000, false, le), le),
                TestAudioWriter.chunk("data", new byte[0], 0xFFFF_FFFFL, le));
        long[] marked = {0, (1L << 29) - 1, 1L << 29, (1L << 30) + 7, (1L << 31) - 1, 1L << 31, FRAMES - 1};
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.write(head);
            raf.setLength(head.length + 2 * FRAMES);
            for (long f : marked) {
                raf.seek(head.length + 2 * f);
                short v = (short) (f % 30000 + 1);
                raf.write(v & 0xFF);
                raf.write(v >> 8 & 0xFF);
            }
        } catch (IOException e) {
            Assumptions.assumeTrue(false, "skipped: the temporary file system refused a sparse 4 GiB file: " + e);
        }
        try (Recording r = AudioFiles.open(file)) {
            assertEquals("rf64", r.container());
            assertEquals(FRAMES, r.frames());
            float[] two = new float[2];
            for (long f : marked) {
                long start = Math.min(f, FRAMES - 2);
                r.read(start, 2, 0, two, 0);
                assertEquals((short) (f % 30000 + 1) / 32768f, two[(int) (f - start)], "frame " + f);
            }
        }
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "org.echoic.Echoic", "info", file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child JVM did not finish");
        assertEquals(0, p.exitValue(), out);
        String json = out.lines().filter(l -> l.startsWith("{")).findFirst().orElseThrow(() -> new AssertionError(out));
        Map<?, ?> info = (Map<?, ?>) Json.parse(json);
        assertEquals(FRAMES, ((Number) info.get("frames")).longValue());
        assertEquals("rf64", info.get("container"));
    }
}
