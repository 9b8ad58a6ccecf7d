package org.echoic.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Window boundaries, concurrent reads, range checks and close of {@link MappedPcmRecording}. */
class MappedPcmRecordingTest {
    private static final int FRAMES = 5000;

    @TempDir
    Path dir;

    /** A raw file with a 37-byte header and interleaved s16 big-endian, s24 little-endian or f64 samples. */
    private static ArrayRecording write(Path file, SampleEncoding enc, ByteOrder order, int channels)
            throws IOException {
        Random rnd = new Random(enc.ordinal() * 31L + channels);
        float[][] expected = new float[channels][FRAMES];
        ByteBuffer b = ByteBuffer.allocate(37 + FRAMES * channels * enc.bytesPerSample()).order(order);
        b.position(37);
        for (int i = 0; i < FRAMES; i++) {
            for (int c = 0; c < channels; c++) {
                switch (enc) {
                    case PCM_S16 -> {
                        short v = (short) rnd.nextInt();
                        b.putShort(v);
                        expected[c][i] = v / 32768f;
                    }
                    case PCM_S24 -> {
                        int v = rnd.nextInt() >> 8;
                        b.put((byte) v).put((byte) (v >> 8)).put((byte) (v >> 16));
                        expected[c][i] = v / 8388608f;
                    }
                    default -> {
                        double v = rnd.nextGaussian() * 0.3;
                        b.putDouble(v);
                        expected[c][i] = (float) v;
                    }
                }
            }
        }
        Files.write(file, b.array());
        return new ArrayRecording(file, 1000, expected);
    }

    @Test
    void readsAcrossSmallWindowsEqualTheSamples() throws IOException {
        Object[][] cases = {{SampleEncoding.PCM_S16, ByteOrder.BIG_ENDIAN, 2}, {SampleEncoding.PCM_S24,
            ByteOrder.LITTLE_ENDIAN, 3}, {SampleEncoding.FLOAT64, ByteOrder.LITTLE_ENDIAN, 1}};
        for (Object[] c : cases) {
            SampleEncoding enc = (SampleEncoding) c[0];
            int channels = (int) c[2];
            Path file = dir.resolve(enc + ".raw");
            ArrayRecording want = write(file, enc, (ByteOrder) c[1], channels);
            PcmLayout layout = new PcmLayout(enc, (ByteOrder) c[1], channels, 37, FRAMES);
            MappedPcmRecording.Source source = new MappedPcmRecording.Source(file, "raw", enc, enc.bitsPerSample(), 1000);
            for (long window : new long[] {60, 1000, 4099, 1 << 30}) {
                try (MappedPcmRecording r = MappedPcmRecording.map(file, layout, source, null, window)) {
                    Random rnd = new Random(window);
                    for (int k = 0; k < 200; k++) {
                        int start = rnd.nextInt(FRAMES);
                        int n = rnd.nextInt(Math.min(FRAMES - start, 700) + 1);
                        int ch = rnd.nextInt(channels + 1) - 1;
                        float[] got = new float[n];
                        float[] exp = new float[n];
                        r.read(start, n, ch, got, 0);
                        want.read(start, n, ch, exp, 0);
                        assertArrayEquals(exp, got, enc + " window " + window + " [" + start + "+" + n + "] ch " + ch);
                    }
                }
            }
        }
    }

    @Test
    void concurrentReadsAreSafe() throws Exception {
        Path file = dir.resolve("conc.raw");
        ArrayRecording want = write(file, SampleEncoding.PCM_S16, ByteOrder.LITTLE_ENDIAN, 2);
        PcmLayout layout = new PcmLayout(SampleEncoding.PCM_S16, ByteOrder.LITTLE_ENDIAN, 2, 37, FRAMES);
        try (MappedPcmRecording r = MappedPcmRecording.map(file, layout,
                new MappedPcmRecording.Source(file, "raw", SampleEncoding.PCM_S16, 16, 1000), null, 999)) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Callable<Integer>> jobs = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    long seed = t;
                    jobs.add(() -> {
                        Random rnd = new Random(seed);
                        for (int k = 0; k < 2000; k++) {
                            int start = rnd.nextInt(FRAMES);
                            int n = rnd.nextInt(FRAMES - start + 1);
                            int ch = rnd.nextInt(3) - 1;
                            float[] got = new float[n];
                            float[] exp = new float[n];
                            r.read(start, n, ch, got, 0);
                            want.read(start, n, ch, exp, 0);
                            assertArrayEquals(exp, got);
                        }
                        return 1;
                    });
                }
                for (Future<Integer> f : pool.invokeAll(jobs)) {
                    assertEquals(1, f.get());
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void rangeChecksAndClose() throws IOException {
        Path file = dir.resolve("close.raw");
        write(file, SampleEncoding.PCM_S16, ByteOrder.LITTLE_ENDIAN, 1);
        AtomicInteger closed = new AtomicInteger();
        MappedPcmRecording r = MappedPcmRecording.map(file,
                new PcmLayout(SampleEncoding.PCM_S16, ByteOrder.LITTLE_ENDIAN, 1, 37, FRAMES),
                new MappedPcmRecording.Source(file, "raw", SampleEncoding.PCM_S16, 16, 1000), closed::incrementAndGet);
        float[] buf = new float[10];
        assertThrows(IndexOutOfBoundsException.class, () -> r.read(FRAMES - 5, 10, 0, buf, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> r.read(0, 10, 1, buf, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> r.read(-1, 1, 0, buf, 0));
        r.close();
        r.close();
        assertEquals(1, closed.get());
        assertThrows(IllegalStateException.class, () -> r.read(0, 1, 0, buf, 0));
        assertThrows(IOException.class, () -> MappedPcmRecording.map(file,
                new PcmLayout(SampleEncoding.PCM_S16, ByteOrder.LITTLE_ENDIAN, 1, 37, FRAMES + 1),
                new MappedPcmRecording.Source(file, "raw", SampleEncoding.PCM_S16, 16, 1000), null));
    }
}
