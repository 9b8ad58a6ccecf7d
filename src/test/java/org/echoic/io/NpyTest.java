package org.echoic.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** .npy files byte-for-byte as numpy.save writes them, round trips, foreign layouts and bad headers. */
class NpyTest {
    @TempDir
    Path dir;

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(NpyTest.class.getResource("/scipy/" + name).toURI());
    }

    @Test
    void float32FileEqualsNumpySaveByteForByte() throws Exception {
        Path out = dir.resolve("a.npy");
        NpyWriter.writeFloat32(out, new float[] {0, 1, 2, 3, 4, 5}, 2, 3);
        assertArrayEquals(Files.readAllBytes(resource("numpy_f4_2x3.npy")), Files.readAllBytes(out));
    }

    @Test
    void float64OneDimensionalFileEqualsNumpySave() throws Exception {
        Path out = dir.resolve("b.npy");
        NpyWriter.writeFloat64(out, new double[] {0, 0.25, 0.5, 0.75, 1}, 5);
        assertArrayEquals(Files.readAllBytes(resource("numpy_f8_5.npy")), Files.readAllBytes(out));
        NpyReader.NpyArray a = NpyReader.read(out);
        assertArrayEquals(new int[] {5}, a.shape());
        assertArrayEquals(new double[] {0, 0.25, 0.5, 0.75, 1}, a.data());
    }

    @Test
    void readsBigEndianFortranOrder() throws Exception {
        NpyReader.NpyArray a = NpyReader.read(resource("numpy_f4_fortran_big_3x2.npy"));
        assertArrayEquals(new int[] {3, 2}, a.shape());
        assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5}, a.data());
    }

    @Test
    void roundTripAndCsv() throws IOException {
        float[] v = {1.5f, -2e-7f, 3e8f, 0, Float.MIN_VALUE, 7};
        Path out = dir.resolve("c.npy");
        NpyWriter.writeFloat32(out, v, 3, 2);
        assertArrayEquals(v, NpyReader.read(out).toFloats());
        Path csv = dir.resolve("c.csv");
        CsvArrayWriter.write(csv, v, 3, 2);
        assertEquals("1.5,-2.0E-7\n3.0E8,0.0\n1.4E-45,7.0\n", Files.readString(csv));
        assertEquals(0, NpyWriter.header("<f4", 1000, 3).length % 64);
    }

    @Test
    void badFilesNameTheFile() throws IOException {
        Path bad = dir.resolve("bad.npy");
        Files.write(bad, "not numpy".getBytes());
        IOException e = assertThrows(IOException.class, () -> NpyReader.read(bad));
        assertTrue(e.getMessage().contains("bad.npy") && e.getMessage().contains("magic"), e.getMessage());
        Path ints = dir.resolve("ints.npy");
        byte[] header = NpyWriter.header("<i4", 2);
        Files.write(ints, java.util.Arrays.copyOf(header, header.length + 8));
        e = assertThrows(IOException.class, () -> NpyReader.read(ints));
        assertTrue(e.getMessage().contains("ints.npy") && e.getMessage().contains("<i4"), e.getMessage());
        Path shortFile = dir.resolve("short.npy");
        Files.write(shortFile, NpyWriter.header("<f4", 10));
        e = assertThrows(IOException.class, () -> NpyReader.read(shortFile));
        assertTrue(e.getMessage().contains("shorter"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NpyWriter.writeFloat32(bad, new float[3], 2, 2));
    }
}
