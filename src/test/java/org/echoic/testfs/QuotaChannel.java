package org.echoic.testfs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;

/** A file channel whose writes count against the {@link FaultyFileSystem}'s free bytes. */
final class QuotaChannel extends FileChannel {
    private final FaultyFileSystem fs;
    private final FileChannel ch;
    private final Path file;

    QuotaChannel(FaultyFileSystem fs, FileChannel ch, Path file) {
        this.fs = fs;
        this.ch = ch;
        this.file = file;
    }

    private int limited(ByteBuffer src, long position) throws IOException {
        int want = src.remaining();
        int fit = fs.reserve(want);
        if (fit < want) {
            ByteBuffer part = src.duplicate();
            part.limit(part.position() + fit);
            int n = position < 0 ? ch.write(part) : ch.write(part, position);
            src.position(src.position() + n);
            throw FaultyFileSystem.diskFull(file);
        }
        return position < 0 ? ch.write(src) : ch.write(src, position);
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return ch.read(dst);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        return ch.read(dsts, offset, length);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        return limited(src, -1);
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        long n = 0;
        for (int i = offset; i < offset + length; i++) {
            n += limited(srcs[i], -1);
        }
        return n;
    }

    @Override
    public long position() throws IOException {
        return ch.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
        ch.position(newPosition);
        return this;
    }

    @Override
    public long size() throws IOException {
        return ch.size();
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
        ch.truncate(size);
        return this;
    }

    @Override
    public void force(boolean metaData) throws IOException {
        ch.force(metaData);
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
        return ch.transferTo(position, count, target);
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
        ByteBuffer b = ByteBuffer.allocate((int) Math.min(count, 1 << 16));
        long done = 0;
        while (done < count) {
            b.clear().limit((int) Math.min(b.capacity(), count - done));
            if (src.read(b) <= 0) {
                break;
            }
            b.flip();
            while (b.hasRemaining()) {
                done += limited(b, position + done);
            }
        }
        return done;
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        return ch.read(dst, position);
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
        return limited(src, position);
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
        if (mode != MapMode.READ_ONLY) {
            throw new IOException("the faulty file system maps files read-only");
        }
        return ch.map(mode, position, size);
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
        return ch.lock(position, size, shared);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
        return ch.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
        ch.close();
    }
}
