package org.echoic.io;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes generated frames atomically: {@code .json} as a dense sequence data set (readable by
 * {@link SequenceDatasetReader}) or {@code .npy} as a float32 T × F array. Stateless; thread-safe.
 */
public final class FramesWriter {
    private FramesWriter() {
    }

    /** Writes {@code frames} (T × F, values in [0,1]) to {@code file}, format from the extension. */
    public static void write(Path file, float[][] frames) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int f = frames.length == 0 ? 0 : frames[0].length;
        if (name.endsWith(".json")) {
            Map<String, Object> doc = Map.of("nVisible", f, "dense", true, "sequences", List.of((Object) frames));
            AtomicFiles.write(file, out -> Json.mapper().writeValue(nonClosing(out), doc));
        } else if (name.endsWith(".npy")) {
            AtomicFiles.write(file, out -> writeNpy(new DataOutputStream(out), frames, f));
        } else {
            throw new IOException(file + ": unknown output format (use .json or .npy)");
        }
    }

    private static void writeNpy(DataOutputStream out, float[][] frames, int f) throws IOException {
        String header = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + frames.length + ", " + f + "), }";
        int total = 10 + header.length() + 1;
        int pad = (64 - total % 64) % 64;
        StringBuilder h = new StringBuilder(header);
        h.append(" ".repeat(pad)).append('\n');
        out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        int len = h.length();
        out.write(len & 0xff);
        out.write(len >>> 8);
        out.write(h.toString().getBytes(StandardCharsets.US_ASCII));
        ByteBuffer row = ByteBuffer.allocate(4 * f).order(ByteOrder.LITTLE_ENDIAN);
        for (float[] frame : frames) {
            row.clear();
            for (float x : frame) {
                row.putFloat(x);
            }
            out.write(row.array());
        }
        out.flush();
    }

    private static java.io.OutputStream nonClosing(java.io.OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
