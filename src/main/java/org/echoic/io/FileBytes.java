package org.echoic.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Bounded positional reads of a file's header bytes for the audio readers: every read is checked against
 * the file size, and every failure becomes an {@link AudioFileException} naming the file. Not thread-safe.
 */
final class FileBytes implements Closeable {
    private final Path path;
    private final FileChannel channel;
    private final long size;

    private FileBytes(Path path, FileChannel channel) throws IOException {
        this.path = path;
        this.channel = channel;
        this.size = channel.size();
    }

    static FileBytes open(Path path) throws IOException {
        return new FileBytes(path, FileChannel.open(path, StandardOpenOption.READ));
    }

    Path path() {
        return path;
    }

    long size() {
        return size;
    }

    /** Reads {@code count} bytes at {@code position}; {@code what} names the structure for the error message. */
    ByteBuffer read(long position, int count, ByteOrder order, String what) throws IOException {
        if (position < 0 || count < 0 || position + count > size) {
            throw error("truncated: the file ends inside the " + what + " (" + count + " bytes needed at offset "
                    + position + ", the file has " + size + " bytes)");
        }
        ByteBuffer b = ByteBuffer.allocate(count).order(order);
        while (b.hasRemaining()) {
            int n = channel.read(b, position + b.position());
            if (n < 0) {
                throw error("truncated: the file ended while reading the " + what);
            }
        }
        return b.flip();
    }

    AudioFileException error(String problem) {
        return new AudioFileException(path, problem);
    }

    /** Four bytes at {@code offset} of {@code b} as text (non-printable bytes escaped). */
    static String fourCc(ByteBuffer b, int offset) {
        StringBuilder s = new StringBuilder(4);
        for (int i = 0; i < 4; i++) {
            int c = b.get(offset + i) & 0xFF;
            s.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("\\x%02X", c));
        }
        return s.toString();
    }

    static boolean startsWith(ByteBuffer b, String ascii) {
        byte[] p = ascii.getBytes(StandardCharsets.US_ASCII);
        if (b.limit() < p.length) {
            return false;
        }
        for (int i = 0; i < p.length; i++) {
            if (b.get(i) != p[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
