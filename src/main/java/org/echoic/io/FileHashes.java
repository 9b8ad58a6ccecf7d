package org.echoic.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleConsumer;

/**
 * Streaming SHA-256 of files (1 MiB at a time, so a multi-gigabyte recording never enters the heap) with progress
 * and interruption, and a cache keyed by (path, size, modification time) so that saving a project twice does not
 * read its recordings twice. Call from a background thread. Thread-safe.
 */
public final class FileHashes {
    private record Key(Path path, long sizeBytes, long modifiedMillis) {
    }

    private final Map<Key, String> cache = new ConcurrentHashMap<>();

    /** The SHA-256 of {@code file} as lower-case hex (from the cache when the file is unchanged since). */
    public String sha256(Path file, DoubleConsumer progress) throws IOException, InterruptedException {
        Path abs = file.toAbsolutePath().normalize();
        BasicFileAttributes a = Files.readAttributes(abs, BasicFileAttributes.class);
        Key key = new Key(abs, a.size(), a.lastModifiedTime().toMillis());
        String known = cache.get(key);
        if (known != null) {
            return known;
        }
        String hash = sha256Of(abs, progress);
        cache.put(key, hash);
        return hash;
    }

    /** Reads {@code file} once and returns its SHA-256; {@code progress} (may be null) gets the fraction read. */
    public static String sha256Of(Path file, DoubleConsumer progress) throws IOException, InterruptedException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
        long size = Files.size(file);
        byte[] buf = new byte[1 << 20];
        long done = 0;
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                sha.update(buf, 0, n);
                done += n;
                if (Thread.interrupted()) {
                    throw new InterruptedException("hashing " + file + " was cancelled");
                }
                if (progress != null && size > 0) {
                    progress.accept(Math.min(1, done / (double) size));
                }
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
