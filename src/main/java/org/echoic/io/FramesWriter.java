package org.echoic.io;

import java.io.IOException;
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
            float[] flat = new float[frames.length * f];
            for (int t = 0; t < frames.length; t++) {
                System.arraycopy(frames[t], 0, flat, t * f, f);
            }
            NpyWriter.writeFloat32(file, flat, frames.length, f);
        } else {
            throw new IOException(file + ": unknown output format (use .json or .npy)");
        }
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
