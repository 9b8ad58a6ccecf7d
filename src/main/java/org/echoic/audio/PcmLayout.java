package org.echoic.audio;

import java.nio.ByteOrder;

/**
 * Where and how interleaved PCM samples lie in a file: sample encoding, byte order, channel count, the
 * byte offset of the first frame and the number of frames. Frames are {@link #blockAlign()} bytes,
 * channel by channel. Immutable.
 *
 * @param encoding storage encoding of one sample
 * @param byteOrder byte order of multi-byte samples
 * @param channels channels per frame (at least 1)
 * @param dataOffset byte offset of the first frame in the file
 * @param frames number of complete frames stored
 */
public record PcmLayout(SampleEncoding encoding, ByteOrder byteOrder, int channels, long dataOffset, long frames) {

    public PcmLayout {
        if (encoding == null || byteOrder == null) {
            throw new IllegalArgumentException("encoding and byte order are required");
        }
        if (channels < 1 || (long) channels * encoding.bytesPerSample() > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("invalid channel count " + channels);
        }
        if (dataOffset < 0 || frames < 0) {
            throw new IllegalArgumentException("negative offset or frame count");
        }
        if (frames > (Long.MAX_VALUE - dataOffset) / ((long) channels * encoding.bytesPerSample())) {
            throw new IllegalArgumentException("frame count " + frames + " overflows the file size");
        }
    }

    /** Bytes per frame. */
    public int blockAlign() {
        return channels * encoding.bytesPerSample();
    }

    /** Bytes of sample data ({@code frames × blockAlign}). */
    public long dataBytes() {
        return frames * blockAlign();
    }
}
