package org.echoic.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import org.echoic.audio.ArrayRecording;
import org.echoic.audio.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavWriterTest {
    @TempDir
    Path dir;

    @Test
    void pcm16HeaderAndSamplesAreExact() throws IOException {
        float[] left = {0f, 0.5f, -1f, 1f, 2f};
        float[] right = {-0.5f, 0.25f, 0f, Float.NaN, -2f};
        Path f = dir.resolve("st.wav");
        WavWriter.write(f, new ArrayRecording(f, 48000, left, right), WavWriter.Format.PCM16);
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(f)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(44 + 5 * 2 * 2, b.capacity());
        assertEquals(b.capacity() - 8, b.getInt(4));
        assertEquals(1, b.getShort(20));
        assertEquals(2, b.getShort(22));
        assertEquals(48000, b.getInt(24));
        assertEquals(16, b.getShort(34));
        assertEquals(20, b.getInt(40));
        short[] expected = {0, -16384, 16384, 8192, -32768, 0, 32767, 0, 32767, -32768};
        short[] actual = new short[10];
        b.position(44);
        b.asShortBuffer().get(actual);
        assertArrayEquals(expected, actual);
    }

    @Test
    void float32KeepsValuesAndFailedWriteLeavesOldFile() throws IOException {
        Path f = dir.resolve("f.wav");
        Files.writeString(f, "previous");
        Recording good = new ArrayRecording(f, 1000, new float[10]);
        Recording broken = (Recording) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Recording.class}, (proxy, m, a) -> {
                    if (m.getName().equals("read")) {
                        throw new IllegalStateException("disk gone");
                    }
                    return m.invoke(good, a);
                });
        assertThrows(IllegalStateException.class, () -> WavWriter.write(f, broken, WavWriter.Format.FLOAT32));
        assertEquals("previous", Files.readString(f));
        try (var s = Files.list(dir)) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")));
        }
        WavWriter.write(f, new float[] {0.125f, -0.75f}, 1000, WavWriter.Format.FLOAT32);
        Path fresh = dir.resolve("fresh.wav");
        WavWriter.write(fresh, new float[] {0f}, 1000, WavWriter.Format.PCM16);
        assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(fresh)));
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(f)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(b.capacity() - 8, b.getInt(4));
        assertEquals(18, b.getInt(16), "fmt chunk of a non-PCM format carries cbSize");
        assertEquals(3, b.getShort(20));
        assertEquals(0, b.getShort(36), "cbSize");
        assertEquals("fact", new String(Files.readAllBytes(f), 38, 4, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(2, b.getInt(46), "fact: frames");
        assertEquals(8, b.getInt(54), "data size");
        assertEquals(0.125f, b.getFloat(58));
        assertEquals(-0.75f, b.getFloat(62));
        try (Recording back = AudioFiles.open(f)) {
            float[] x = new float[2];
            back.read(0, 2, 0, x, 0);
            assertArrayEquals(new float[] {0.125f, -0.75f}, x);
        }
    }
}
