package org.echoic.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes NumPy {@code .npy} files (format 1.0, little-endian {@code <f4} or {@code <f8}, C order, 1-D or
 * 2-D), byte-for-byte as {@code numpy.save} does, atomically through {@link AtomicFiles}. Stateless;
 * thread-safe.
 */
public final class NpyWriter {
    private static final int CHUNK = 1 << 14;

    private NpyWriter() {
    }

    /** Writes float32 {@code data} (C order) with the given shape (one or two dimensions). */
    public static void writeFloat32(Path file, float[] data, int... shape) throws IOException {
        checkShape(data.length, shape);
        byte[] header = header("<f4", shape);
        AtomicFiles.write(file, out -> {
            out.write(header);
            ByteBuffer bb = ByteBuffer.allocate(CHUNK * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < data.length; i += CHUNK) {
                bb.clear();
                int n = Math.min(CHUNK, data.length - i);
                bb.asFloatBuffer().put(data, i, n);
                out.write(bb.array(), 0, n * 4);
            }
        });
    }

    /** Writes float64 {@code data} (C order) with the given shape (one or two dimensions). */
    public static void writeFloat64(Path file, double[] data, int... shape) throws IOException {
        checkShape(data.length, shape);
        byte[] header = header("<f8", shape);
        AtomicFiles.write(file, out -> {
            out.write(header);
            writeDoubles(out, data);
        });
    }

    private static void writeDoubles(OutputStream out, double[] data) throws IOException {
        ByteBuffer bb = ByteBuffer.allocate(CHUNK * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < data.length; i += CHUNK) {
            bb.clear();
            int n = Math.min(CHUNK, data.length - i);
            bb.asDoubleBuffer().put(data, i, n);
            out.write(bb.array(), 0, n * 8);
        }
    }

    /**
     * The complete header (magic, version 1.0, length, dictionary padded with spaces and a newline so that
     * the data starts at a multiple of 64 bytes), as numpy 1.24 writes it.
     */
    public static byte[] header(String descr, int... shape) {
        StringBuilder dims = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            dims.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        dims.append(shape.length == 1 ? ",)" : ")");
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + dims + ", }";
        int total = 10 + dict.length() + 1;
        int pad = (64 - total % 64) % 64;
        String text = dict + " ".repeat(pad) + "\n";
        if (text.length() > 65535) {
            throw new IllegalArgumentException("npy header too long");
        }
        ByteBuffer bb = ByteBuffer.allocate(10 + text.length()).order(ByteOrder.LITTLE_ENDIAN);
        bb.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        bb.putShort((short) text.length());
        bb.put(text.getBytes(StandardCharsets.US_ASCII));
        return bb.array();
    }

    private static void checkShape(int length, int[] shape) {
        if (shape.length < 1 || shape.length > 2) {
            throw new IllegalArgumentException("npy arrays here are 1-D or 2-D, not " + shape.length + "-D");
        }
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension " + d);
            }
            n *= d;
        }
        if (n != length) {
            throw new IllegalArgumentException("shape holds " + n + " values but the data has " + length);
        }
    }
}
