package org.echoic.testfs;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardOpenOption;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.spi.FileSystemProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small fake file system for the writers' failure tests: the default file system seen through a layer that runs
 * out of space after a quota of written bytes ("No space left on device", the write that crosses the quota writing
 * what fits, as a full disk does) and refuses every change inside folders marked read-only (as a read-only mount or
 * folder does, even for root, which ignores permission bits). Paths are the real paths, so a test inspects the real
 * folder afterwards. Thread-safe.
 */
public final class FaultyFileSystem extends FileSystem {
    private final FileSystem real = FileSystems.getDefault();
    private final Provider provider = new Provider();
    private final AtomicLong quota = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong written = new AtomicLong();
    private final List<Path> readOnly = new CopyOnWriteArrayList<>();

    /** The faulty view of {@code realPath}. */
    public Path path(Path realPath) {
        return new FaultyPath(this, realPath);
    }

    /** Lets {@code bytes} more bytes be written before the disk is full (Long.MAX_VALUE: no limit). */
    public void setFreeBytes(long bytes) {
        written.set(0);
        quota.set(bytes);
    }

    /** Bytes written since the last {@link #setFreeBytes}. */
    public long writtenBytes() {
        return written.get();
    }

    /** Makes every change inside {@code folder} (a real or faulty path) fail as in a read-only folder. */
    public void makeReadOnly(Path folder) {
        readOnly.add(folder instanceof FaultyPath f ? f.real.toAbsolutePath() : folder.toAbsolutePath());
    }

    /** Ends every fault. */
    public void heal() {
        readOnly.clear();
        setFreeBytes(Long.MAX_VALUE);
    }

    void checkWritable(Path realPath) throws AccessDeniedException {
        Path abs = realPath.toAbsolutePath().normalize();
        for (Path ro : readOnly) {
            if (abs.startsWith(ro) && !abs.equals(ro)) {
                throw new AccessDeniedException(abs.toString(), null, "Read-only file system");
            }
        }
    }

    /** Accounts {@code n} bytes about to be written; returns how many fit (fewer than n when the disk fills). */
    int reserve(int n) {
        while (true) {
            long used = written.get();
            long room = quota.get() - used;
            int fit = (int) Math.max(0, Math.min(n, room));
            if (written.compareAndSet(used, used + fit)) {
                return fit;
            }
        }
    }

    static IOException diskFull(Path realPath) {
        return new FileSystemException(realPath.toString(), null, "No space left on device");
    }

    @Override
    public FileSystemProvider provider() {
        return provider;
    }

    @Override
    public void close() {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean isOpen() {
        return true;
    }

    @Override
    public boolean isReadOnly() {
        return false;
    }

    @Override
    public String getSeparator() {
        return real.getSeparator();
    }

    @Override
    public Iterable<Path> getRootDirectories() {
        List<Path> out = new ArrayList<>();
        real.getRootDirectories().forEach(p -> out.add(path(p)));
        return out;
    }

    @Override
    public Iterable<FileStore> getFileStores() {
        return real.getFileStores();
    }

    @Override
    public Set<String> supportedFileAttributeViews() {
        return real.supportedFileAttributeViews();
    }

    @Override
    public Path getPath(String first, String... more) {
        return path(real.getPath(first, more));
    }

    @Override
    public PathMatcher getPathMatcher(String syntaxAndPattern) {
        PathMatcher m = real.getPathMatcher(syntaxAndPattern);
        return p -> m.matches(FaultyPath.unwrap(p));
    }

    @Override
    public UserPrincipalLookupService getUserPrincipalLookupService() {
        return real.getUserPrincipalLookupService();
    }

    @Override
    public WatchService newWatchService() {
        throw new UnsupportedOperationException();
    }

    private static boolean writes(Set<? extends OpenOption> options) {
        return options.contains(StandardOpenOption.WRITE) || options.contains(StandardOpenOption.APPEND)
                || options.contains(StandardOpenOption.CREATE) || options.contains(StandardOpenOption.CREATE_NEW);
    }

    private final class Provider extends FileSystemProvider {
        private FileSystemProvider up() {
            return real.provider();
        }

        @Override
        public String getScheme() {
            return "faulty";
        }

        @Override
        public FileSystem newFileSystem(URI uri, Map<String, ?> env) {
            throw new UnsupportedOperationException();
        }

        @Override
        public FileSystem getFileSystem(URI uri) {
            return FaultyFileSystem.this;
        }

        @Override
        public Path getPath(URI uri) {
            return path(up().getPath(uri));
        }

        @Override
        public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options,
                                                  FileAttribute<?>... attrs) throws IOException {
            return newFileChannel(path, options, attrs);
        }

        @Override
        public FileChannel newFileChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
                throws IOException {
            Path r = FaultyPath.unwrap(path);
            if (writes(options)) {
                checkWritable(r);
            }
            FileChannel ch = up().newFileChannel(r, options, attrs);
            return writes(options) ? new QuotaChannel(FaultyFileSystem.this, ch, r) : ch;
        }

        @Override
        public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter)
                throws IOException {
            DirectoryStream<Path> s = up().newDirectoryStream(FaultyPath.unwrap(dir), p -> filter.accept(path(p)));
            return new DirectoryStream<>() {
                @Override
                public java.util.Iterator<Path> iterator() {
                    java.util.Iterator<Path> it = s.iterator();
                    return new java.util.Iterator<>() {
                        @Override
                        public boolean hasNext() {
                            return it.hasNext();
                        }

                        @Override
                        public Path next() {
                            return path(it.next());
                        }
                    };
                }

                @Override
                public void close() throws IOException {
                    s.close();
                }
            };
        }

        @Override
        public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
            checkWritable(FaultyPath.unwrap(dir));
            up().createDirectory(FaultyPath.unwrap(dir), attrs);
        }

        @Override
        public void delete(Path path) throws IOException {
            checkWritable(FaultyPath.unwrap(path));
            up().delete(FaultyPath.unwrap(path));
        }

        @Override
        public void copy(Path source, Path target, CopyOption... options) throws IOException {
            Path t = FaultyPath.unwrap(target);
            checkWritable(t);
            long size = Files.size(FaultyPath.unwrap(source));
            int fit = reserve((int) Math.min(Integer.MAX_VALUE, size));
            up().copy(FaultyPath.unwrap(source), t, options);
            if (fit < size) {
                try (FileChannel ch = FileChannel.open(t, StandardOpenOption.WRITE)) {
                    ch.truncate(fit);
                }
                throw diskFull(t);
            }
        }

        @Override
        public void move(Path source, Path target, CopyOption... options) throws IOException {
            checkWritable(FaultyPath.unwrap(source));
            checkWritable(FaultyPath.unwrap(target));
            up().move(FaultyPath.unwrap(source), FaultyPath.unwrap(target), options);
        }

        @Override
        public void createLink(Path link, Path existing) throws IOException {
            checkWritable(FaultyPath.unwrap(link));
            up().createLink(FaultyPath.unwrap(link), FaultyPath.unwrap(existing));
        }

        @Override
        public void createSymbolicLink(Path link, Path target, FileAttribute<?>... attrs) throws IOException {
            checkWritable(FaultyPath.unwrap(link));
            up().createSymbolicLink(FaultyPath.unwrap(link), FaultyPath.unwrap(target), attrs);
        }

        @Override
        public Path readSymbolicLink(Path link) throws IOException {
            return path(up().readSymbolicLink(FaultyPath.unwrap(link)));
        }

        @Override
        public boolean isSameFile(Path a, Path b) throws IOException {
            return up().isSameFile(FaultyPath.unwrap(a), FaultyPath.unwrap(b));
        }

        @Override
        public boolean isHidden(Path path) throws IOException {
            return up().isHidden(FaultyPath.unwrap(path));
        }

        @Override
        public FileStore getFileStore(Path path) throws IOException {
            return up().getFileStore(FaultyPath.unwrap(path));
        }

        @Override
        public void checkAccess(Path path, AccessMode... modes) throws IOException {
            for (AccessMode m : modes) {
                if (m == AccessMode.WRITE) {
                    checkWritable(FaultyPath.unwrap(path));
                }
            }
            up().checkAccess(FaultyPath.unwrap(path), modes);
        }

        @Override
        public <V extends FileAttributeView> V getFileAttributeView(Path path, Class<V> type, LinkOption... options) {
            return up().getFileAttributeView(FaultyPath.unwrap(path), type, options);
        }

        @Override
        public <A extends BasicFileAttributes> A readAttributes(Path path, Class<A> type, LinkOption... options)
                throws IOException {
            return up().readAttributes(FaultyPath.unwrap(path), type, options);
        }

        @Override
        public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options)
                throws IOException {
            return up().readAttributes(FaultyPath.unwrap(path), attributes, options);
        }

        @Override
        public void setAttribute(Path path, String attribute, Object value, LinkOption... options) throws IOException {
            checkWritable(FaultyPath.unwrap(path));
            up().setAttribute(FaultyPath.unwrap(path), attribute, value, options);
        }
    }
}
