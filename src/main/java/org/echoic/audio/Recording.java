package org.echoic.audio;

import java.nio.file.Path;

/**
 * A recording's metadata and random access to its samples as floats in [-1, 1].
 * Implementations never hold the whole file on the heap (memory-mapped or paged) and are safe
 * for concurrent reads from several threads. Positions are sample frames.
 */
public interface Recording extends AutoCloseable {

    /** Channel index meaning "the mean of all channels". */
    int MEAN_CHANNEL = -1;

    /** Where the samples come from (a file, or a synthetic name for generated audio). */
    Path path();

    /** Container name as reported to users: {@code wav}, {@code rifx}, {@code rf64}, {@code w64}, {@code aiff}, {@code aifc}, {@code flac}, {@code memory}. */
    String container();

    SampleEncoding encoding();

    int channels();

    double sampleRateHz();

    /** Number of sample frames (one sample per channel). */
    long frames();

    default double durationSeconds() {
        return frames() / sampleRateHz();
    }

    /**
     * Reads {@code frameCount} frames starting at {@code startFrame} of one channel (0-based) or of the
     * mean of all channels ({@link #MEAN_CHANNEL}) into {@code dst[dstOffset …]}.
     *
     * @throws IndexOutOfBoundsException if the range lies outside [0, frames()) or the channel is invalid
     */
    void read(long startFrame, int frameCount, int channel, float[] dst, int dstOffset);

    /** Releases the mapping or file handle; reads after close are undefined. */
    @Override
    void close();

    /** Checks a read request against this recording; shared by implementations. */
    default void checkRead(long startFrame, int frameCount, int channel, float[] dst, int dstOffset) {
        if (startFrame < 0 || frameCount < 0 || startFrame + frameCount > frames()) {
            throw new IndexOutOfBoundsException("frames [" + startFrame + ", " + (startFrame + frameCount)
                    + ") outside [0, " + frames() + ")");
        }
        if (channel != MEAN_CHANNEL && (channel < 0 || channel >= channels())) {
            throw new IndexOutOfBoundsException("channel " + channel + " of " + channels());
        }
        if (dstOffset < 0 || dstOffset + frameCount > dst.length) {
            throw new IndexOutOfBoundsException("destination too small");
        }
    }
}
