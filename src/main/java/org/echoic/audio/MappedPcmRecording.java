package org.echoic.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A recording whose interleaved PCM samples are read straight from the file through memory mapping
 * (read-only windows of at most 1 GiB, each a whole number of frames), never loaded into the heap. Reads are
 * safe from several threads at once (absolute positions on per-call duplicates); reads after {@link #close()}
 * throw {@link IllegalStateException}. The float mapping is that of {@code PcmDecoder}: s16 {@code v / 32768},
 * s24 {@code v / 8388608}, s32 {@code v / 2^31}, u8 {@code (v - 128) / 128}, floats as stored.
 */
public final class MappedPcmRecording implements Recording {
    /** Largest mapped window in bytes. */
    static final long MAX_WINDOW_BYTES = 1L << 30;

    private final Source source;
    private final PcmLayout layout;
    private final long windowBytes;
    private final Runnable onClose;
    private volatile ByteBuffer[] windows;

    /**
     * What the recording reports to users, which may differ from the mapped storage (a decoded FLAC is mapped
     * from a temporary float file but reports the FLAC file, its container and bit depth).
     *
     * @param path the file the user opened
     * @param container container name ({@code wav}, {@code rf64}, {@code flac}, …)
     * @param encoding encoding in the source file
     * @param bitsPerSample significant bits per sample (e.g. 20 for 20-bit audio in 24-bit words)
     * @param sampleRateHz samples per second per channel, positive and finite
     */
    public record Source(Path path, String container, SampleEncoding encoding, int bitsPerSample,
            double sampleRateHz) {
        public Source {
            if (!(sampleRateHz > 0) || Double.isInfinite(sampleRateHz)) {
                throw new IllegalArgumentException("sample rate must be positive: " + sampleRateHz);
            }
        }
    }

    private MappedPcmRecording(Source source, PcmLayout layout, long windowBytes, ByteBuffer[] windows,
            Runnable onClose) {
        this.source = source;
        this.layout = layout;
        this.windowBytes = windowBytes;
        this.windows = windows;
        this.onClose = onClose;
    }

    /**
     * Maps the samples of {@code mappedFile} laid out as {@code layout}.
     *
     * @param onClose run once by {@link #close()} (e.g. to delete a temporary file); may be null
     * @throws IOException when the file cannot be mapped or is shorter than the layout says
     */
    public static MappedPcmRecording map(Path mappedFile, PcmLayout layout, Source source, Runnable onClose)
            throws IOException {
        return map(mappedFile, layout, source, onClose, MAX_WINDOW_BYTES);
    }

    /** As {@link #map(Path, PcmLayout, Source, Runnable)} with a chosen largest window size in bytes. */
    static MappedPcmRecording map(Path mappedFile, PcmLayout layout, Source source, Runnable onClose,
            long maxWindowBytes) throws IOException {
        long windowBytes = Math.max(1, maxWindowBytes / layout.blockAlign()) * layout.blockAlign();
        long dataBytes = layout.dataBytes();
        int count = (int) ((dataBytes + windowBytes - 1) / windowBytes);
        ByteBuffer[] windows = new ByteBuffer[count];
        try (FileChannel ch = FileChannel.open(mappedFile, StandardOpenOption.READ)) {
            if (layout.dataOffset() + dataBytes > ch.size()) {
                throw new IOException("the file has " + ch.size() + " bytes, fewer than its "
                        + (layout.dataOffset() + dataBytes) + " bytes of header and samples");
            }
            for (int w = 0; w < count; w++) {
                long start = w * windowBytes;
                long size = Math.min(windowBytes, dataBytes - start);
                windows[w] = ch.map(FileChannel.MapMode.READ_ONLY, layout.dataOffset() + start, size);
            }
        }
        return new MappedPcmRecording(source, layout, windowBytes, windows, onClose);
    }

    @Override
    public Path path() {
        return source.path();
    }

    @Override
    public String container() {
        return source.container();
    }

    @Override
    public SampleEncoding encoding() {
        return source.encoding();
    }

    /** Significant bits per sample as stored in the source file (e.g. 20 for 20-bit audio). */
    public int bitsPerSample() {
        return source.bitsPerSample();
    }

    /** How the samples lie in the mapped file. */
    public PcmLayout layout() {
        return layout;
    }

    @Override
    public int channels() {
        return layout.channels();
    }

    @Override
    public double sampleRateHz() {
        return source.sampleRateHz();
    }

    @Override
    public long frames() {
        return layout.frames();
    }

    @Override
    public void read(long startFrame, int frameCount, int channel, float[] dst, int dstOffset) {
        checkRead(startFrame, frameCount, channel, dst, dstOffset);
        ByteBuffer[] w = windows;
        if (w == null) {
            throw new IllegalStateException(path() + " is closed");
        }
        int blockAlign = layout.blockAlign();
        long framesPerWindow = windowBytes / blockAlign;
        long frame = startFrame;
        int done = 0;
        while (done < frameCount) {
            int index = (int) (frame / framesPerWindow);
            long frameInWindow = frame - index * framesPerWindow;
            int n = (int) Math.min(frameCount - done, framesPerWindow - frameInWindow);
            PcmDecoder.decode(w[index], (int) (frameInWindow * blockAlign), n, layout, channel, dst, dstOffset + done);
            done += n;
            frame += n;
        }
    }

    @Override
    public synchronized void close() {
        ByteBuffer[] w = windows;
        windows = null;
        if (w != null && onClose != null) {
            onClose.run();
        }
    }

    @Override
    public String toString() {
        return path() + " (" + container() + ", " + encoding().label() + ", " + channels() + " ch, " + sampleRateHz()
                + " Hz, " + frames() + " frames)";
    }
}
