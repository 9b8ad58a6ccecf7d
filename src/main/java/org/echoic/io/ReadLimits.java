package org.echoic.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Limits on what one read of a file may cost, checked before anything is allocated or looped over: the memory one
 * read may allocate (half the heap by default; configurable with the system property {@value #PROPERTY} or the
 * CLI's {@code --max-read-memory}, never more than three quarters of the heap), the size of a JSON document read
 * whole (a sixteenth of that), and that a file is a regular file (not a folder, device or pipe). The shared
 * mechanism for every reader in {@code io}: a reader reserves what it is about to allocate in a {@link Budget}, which
 * refuses with an {@link InvalidFileException} naming the file and the field. Thread-safe.
 */
public final class ReadLimits {
    /** System property with the memory one read may allocate, e.g. {@code 512m}, {@code 2g} or bytes. */
    public static final String PROPERTY = "echoic.maxReadMemory";
    private static final Pattern SIZE = Pattern.compile("(\\d{1,15})\\s*([kmgt]?)i?b?", Pattern.CASE_INSENSITIVE);
    private static volatile Long override;

    private ReadLimits() {
    }

    /** Bytes one read may allocate: the configured maximum (default half the heap), at most 3/4 of the heap. */
    public static long maxBytes() {
        long heap = Runtime.getRuntime().maxMemory();
        Long configured = override;
        if (configured == null) {
            String p = System.getProperty(PROPERTY);
            configured = p == null || p.isBlank() ? null : parseSize(p);
        }
        long cap = heap / 4 * 3;
        return configured == null ? heap / 2 : Math.min(configured, cap);
    }

    /** Overrides the configured maximum for this process (the CLI's option); null restores the default. */
    public static void setMaxBytes(Long bytes) {
        if (bytes != null && bytes < 1) {
            throw new IllegalArgumentException("the memory a read may use must be positive: " + bytes);
        }
        override = bytes;
    }

    /** The largest JSON document (project, model.json, sidecar) that is read whole: 1/16 of {@link #maxBytes()}. */
    public static long maxDocumentBytes() {
        return Math.max(1 << 16, maxBytes() / 16);
    }

    /**
     * Bytes from text such as {@code 512m}, {@code 2G}, {@code 64k} or {@code 1048576}.
     *
     * @throws IllegalArgumentException naming the text when it is not a size
     */
    public static long parseSize(String text) {
        Matcher m = SIZE.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a size (e.g. 512m, 2g or a number of bytes)");
        }
        long n = Long.parseLong(m.group(1));
        int shift = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            case "t" -> 40;
            default -> 0;
        };
        if (n < 1 || n > (Long.MAX_VALUE >> shift)) {
            throw new IllegalArgumentException("'" + text + "' is not a usable size");
        }
        return n << shift;
    }

    /** A size in words: {@code 3 bytes}, {@code 12.5 KiB}, {@code 512 MiB}. */
    public static String describe(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, v < 10 ? "%.1f %s" : "%.0f %s", v, units[u]);
    }

    /**
     * The size of {@code file}, refused unless it is a regular file (after links) of at most {@code maxBytes}.
     *
     * @param what what the file should be, for the message ("a project file")
     */
    public static long requireRegularFile(Path file, long maxBytes, String what) throws IOException {
        if (!Files.exists(file)) {
            throw new InvalidFileException(file, null, "does not exist");
        }
        if (!Files.isRegularFile(file)) {
            String kind = Files.isDirectory(file) ? "a folder" : Files.isSymbolicLink(file)
                    && !Files.exists(file, LinkOption.NOFOLLOW_LINKS) ? "a dangling link" : "a device, pipe or socket";
            throw new InvalidFileException(file, null, "is " + kind + ", not " + what);
        }
        long size = Files.size(file);
        if (size > maxBytes) {
            throw new InvalidFileException(file, null, "is " + describe(size) + ", more than the " + describe(maxBytes)
                    + " Echoic reads for " + what + " (raise it with --max-read-memory or -D" + PROPERTY + ")");
        }
        return size;
    }

    /** The bytes of a JSON document read whole, after {@link #requireRegularFile} with {@link #maxDocumentBytes()}. */
    static byte[] readDocument(Path file, String what) throws IOException {
        long size = requireRegularFile(file, maxDocumentBytes(), what);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) size + 1);
            if (bytes.length > size) {
                throw new InvalidFileException(file, null, "grew while it was read");
            }
            return bytes;
        }
    }

    /** A budget for one read of {@code file}: {@link #maxBytes()} at this moment. */
    public static Budget budget(Path file) {
        return new Budget(file, maxBytes());
    }

    /** What one read of one file has allocated so far, refused past its limit. Not thread-safe: one reader. */
    public static final class Budget {
        private final Path file;
        private final long limitBytes;
        private long usedBytes;

        /** A budget of {@code limitBytes} for reading {@code file}. */
        public Budget(Path file, long limitBytes) {
            this.file = file;
            this.limitBytes = limitBytes;
        }

        /**
         * Records {@code bytes} about to be allocated.
         *
         * @param field the field that makes the reader allocate (e.g. {@code nVisible}), null for the file
         * @throws InvalidFileException naming the file and field when the total would pass the limit
         */
        public void reserve(long bytes, String field) throws InvalidFileException {
            if (bytes < 0 || usedBytes + bytes > limitBytes || usedBytes + bytes < 0) {
                throw new InvalidFileException(file, field, "would need " + (bytes < 0 ? "more than 8 EiB"
                        : describe(usedBytes + bytes)) + " of memory, more than the " + describe(limitBytes)
                        + " one read may use (raise it with --max-read-memory or -D" + PROPERTY + ")");
            }
            usedBytes += bytes;
        }

        /** {@code count × bytesEach} with overflow checked (negative = too large), for {@link #reserve}. */
        public static long product(long count, long bytesEach) {
            try {
                return Math.multiplyExact(count, bytesEach);
            } catch (ArithmeticException e) {
                return -1;
            }
        }

        public long usedBytes() {
            return usedBytes;
        }

        public long limitBytes() {
            return limitBytes;
        }
    }
}
