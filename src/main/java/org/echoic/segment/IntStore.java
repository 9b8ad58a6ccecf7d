package org.echoic.segment;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A long array of ints kept off the heap: up to {@link #HEAP_LIMIT} values in a heap buffer, more in a
 * memory-mapped temporary file (unlinked at once, so nothing is left behind) in chunks of 2^24 values. Absolute
 * reads and writes from several threads are safe as long as they touch different indices.
 */
final class IntStore implements AutoCloseable {
    static final int CHUNK_BITS = 24;
    static final long HEAP_LIMIT = 1L << 22;

    private final long size;
    private final int chunkBits;
    private final int chunkMask;
    private final IntBuffer[] chunks;
    private final Path file;

    IntStore(long size) throws IOException {
        this(size, HEAP_LIMIT, CHUNK_BITS);
    }

    /** A store with a chosen heap limit and chunk size (2^chunkBits values, at least 2^8) for tests. */
    IntStore(long size, long heapLimit, int chunkBits) throws IOException {
        this.size = size;
        this.chunkBits = chunkBits;
        this.chunkMask = (1 << chunkBits) - 1;
        int n = (int) ((size + chunkMask) >>> chunkBits);
        chunks = new IntBuffer[Math.max(n, 1)];
        if (size <= heapLimit) {
            chunks[0] = IntBuffer.allocate((int) size);
            file = null;
            return;
        }
        file = Files.createTempFile("echoic-envelope-", ".bin");
        boolean ok = false;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            for (int c = 0; c < n; c++) {
                long start = (long) c << chunkBits;
                long len = Math.min(1L << chunkBits, size - start);
                chunks[c] = ch.map(FileChannel.MapMode.READ_WRITE, start * 4, len * 4)
                        .order(ByteOrder.nativeOrder()).asIntBuffer();
            }
            ok = true;
        } finally {
            if (!ok) {
                Files.deleteIfExists(file);
            }
        }
        // The mapping stays valid after the file is unlinked (POSIX); elsewhere it is deleted on close.
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            file.toFile().deleteOnExit();
        }
    }

    long size() {
        return size;
    }

    int get(long i) {
        return chunks[(int) (i >>> chunkBits)].get((int) (i & chunkMask));
    }

    /** The chunk holding index {@code i}; the index inside it is {@link #offset(long)}. */
    IntBuffer chunk(long i) {
        return chunks[(int) (i >>> chunkBits)];
    }

    /** The position of index {@code i} inside its chunk. */
    int offset(long i) {
        return (int) (i & chunkMask);
    }

    /** Writes {@code len} values at {@code start} (the range may cross chunks). */
    void put(long start, int[] src, int len) {
        int done = 0;
        while (done < len) {
            long at = start + done;
            IntBuffer c = chunk(at);
            int off = offset(at);
            int n = Math.min(len - done, c.capacity() - off);
            c.put(off, src, done, n);
            done += n;
        }
    }

    /** Reads {@code len} values at {@code start} into {@code dst[0 … len)} (the range may cross chunks). */
    void get(long start, int len, int[] dst) {
        int done = 0;
        while (done < len) {
            long at = start + done;
            IntBuffer c = chunk(at);
            int off = offset(at);
            int n = Math.min(len - done, c.capacity() - off);
            c.get(off, dst, done, n);
            done += n;
        }
    }

    @Override
    public void close() {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
    }
}
