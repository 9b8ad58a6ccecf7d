package org.echoic.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads NumPy {@code .npy} files (format 1.0–3.0) of float32 or float64, little- or big-endian, C or
 * Fortran order, any number of dimensions; values come back as doubles in C order. Bad files raise an
 * {@link IOException} whose message names the file and the problem. Stateless; thread-safe.
 */
public final class NpyReader {
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([a-z])(\\d+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    /** A read array: its shape and its values in C (row-major) order. */
    public record NpyArray(int[] shape, double[] data) {
        /** The values as float32. */
        public float[] toFloats() {
            float[] f = new float[data.length];
            for (int i = 0; i < f.length; i++) {
                f[i] = (float) data[i];
            }
            return f;
        }
    }

    private NpyReader() {
    }

    public static NpyArray read(Path file) throws IOException {
        byte[] bytes;
        try {
            ReadLimits.requireRegularFile(file, Math.min(Integer.MAX_VALUE - 8, ReadLimits.maxBytes() / 2), "an array");
            bytes = Files.readAllBytes(file);
        } catch (InvalidFileException e) {
            throw e;
        } catch (IOException e) {
            throw new IOException(file + ": cannot be read: " + e.getMessage(), e);
        }
        ByteBuffer bb = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 10 || (bytes[0] & 0xff) != 0x93
                || !new String(bytes, 1, 5, StandardCharsets.US_ASCII).equals("NUMPY")) {
            throw bad(file, "not a .npy file (missing \\x93NUMPY magic)");
        }
        int major = bytes[6];
        int headerLen;
        int dataStart;
        if (major == 1) {
            headerLen = bb.getShort(8) & 0xffff;
            dataStart = 10 + headerLen;
        } else if (major == 2 || major == 3) {
            if (bytes.length < 12) {
                throw bad(file, "truncated header");
            }
            headerLen = bb.getInt(8);
            dataStart = 12 + headerLen;
        } else {
            throw bad(file, "unsupported .npy format version " + major + "." + bytes[7]);
        }
        if (headerLen < 0 || dataStart > bytes.length) {
            throw bad(file, "truncated header");
        }
        String header = new String(bytes, dataStart - headerLen, headerLen,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Matcher d = DESCR.matcher(header);
        Matcher f = FORTRAN.matcher(header);
        Matcher s = SHAPE.matcher(header);
        if (!d.find() || !f.find() || !s.find()) {
            throw bad(file, "header lacks descr, fortran_order or shape: " + header.trim());
        }
        if (!d.group(2).equals("f") || !(d.group(3).equals("4") || d.group(3).equals("8"))) {
            throw bad(file, "unsupported dtype '" + d.group(1) + d.group(2) + d.group(3)
                    + "' (only float32 and float64)");
        }
        int width = Integer.parseInt(d.group(3));
        ByteOrder order = d.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        int[] shape = parseShape(file, s.group(1));
        long count = 1;
        for (int dim : shape) {
            count *= dim;
        }
        if (count > Integer.MAX_VALUE - 16 || (long) dataStart + count * width > bytes.length) {
            throw bad(file, "data shorter than its shape " + s.group(0).substring(s.group(0).indexOf('(')));
        }
        double[] raw = new double[(int) count];
        ByteBuffer data = ByteBuffer.wrap(bytes, dataStart, bytes.length - dataStart).slice().order(order);
        if (width == 4) {
            for (int i = 0; i < raw.length; i++) {
                raw[i] = data.getFloat(i * 4);
            }
        } else {
            for (int i = 0; i < raw.length; i++) {
                raw[i] = data.getDouble(i * 8);
            }
        }
        boolean fortran = f.group(1).equals("True");
        return new NpyArray(shape, fortran && shape.length > 1 ? toCOrder(raw, shape) : raw);
    }

    private static int[] parseShape(Path file, String text) throws IOException {
        String[] parts = text.split(",");
        int n = 0;
        int[] dims = new int[parts.length];
        for (String p : parts) {
            String t = p.trim();
            if (t.isEmpty()) {
                continue;
            }
            try {
                dims[n++] = Integer.parseInt(t);
            } catch (NumberFormatException e) {
                throw bad(file, "bad shape (" + text + ")");
            }
            if (dims[n - 1] < 0) {
                throw bad(file, "bad shape (" + text + ")");
            }
        }
        return java.util.Arrays.copyOf(dims, n);
    }

    private static double[] toCOrder(double[] fortran, int[] shape) {
        double[] c = new double[fortran.length];
        int rank = shape.length;
        int[] idx = new int[rank];
        for (int i = 0; i < fortran.length; i++) {
            int ci = 0;
            for (int k = 0; k < rank; k++) {
                ci = ci * shape[k] + idx[k];
            }
            c[ci] = fortran[i];
            for (int k = 0; k < rank; k++) {
                if (++idx[k] < shape[k]) {
                    break;
                }
                idx[k] = 0;
            }
        }
        return c;
    }

    private static IOException bad(Path file, String problem) {
        return new IOException(file + ": " + problem);
    }
}
