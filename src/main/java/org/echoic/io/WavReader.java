package org.echoic.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.echoic.audio.MappedPcmRecording;
import org.echoic.audio.PcmLayout;
import org.echoic.audio.Recording;

/**
 * Reads the WAV family: RIFF (little-endian), RIFX (big-endian), RF64/BW64 (64-bit sizes in a ds64 chunk) and
 * Sony Wave64 (GUID chunk ids, 64-bit sizes). Unknown chunks are skipped (with their pad byte); a data size of
 * 0 or 0xFFFFFFFF (streamed recorders) means "to the end of the file"; a data chunk larger than the file is an
 * error. The chunk walk is bounded by the file size and {@link #MAX_CHUNKS}. Stateless.
 */
final class WavReader {
    /** More chunks than this before the samples means the file is not plausibly a WAV file. */
    static final int MAX_CHUNKS = 10_000;
    private static final long STREAMED = 0xFFFF_FFFFL;
    private static final byte[] W64_RIFF = guid("riff", 0x2E, 0x91, 0xCF, 0x11, 0xA5, 0xD6, 0x28, 0xDB, 0x04, 0xC1, 0x00, 0x00);
    private static final byte[] W64_SUFFIX = {(byte) 0xF3, (byte) 0xAC, (byte) 0xD3, 0x11, (byte) 0x8C, (byte) 0xD1, 0x00,
        (byte) 0xC0, 0x4F, (byte) 0x8E, (byte) 0xDB, (byte) 0x8A};

    private WavReader() {
    }

    static Recording read(FileBytes in, String magic) throws IOException {
        ByteOrder order = magic.equals("RIFX") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        boolean rf64 = magic.equals("RF64") || magic.equals("BW64");
        String container = rf64 ? "rf64" : magic.equals("RIFX") ? "rifx" : "wav";
        long size = in.size();
        long pos = 12;
        long ds64DataSize = -1;
        WavFormatChunk fmt = null;
        long dataStart = -1;
        long dataSize = -1;
        for (int count = 0; pos + 8 <= size; count++) {
            checkChunkCount(in, count);
            ByteBuffer h = in.read(pos, 8, order, "chunk header at offset " + pos);
            String id = FileBytes.fourCc(h, 0);
            long declared = h.getInt(4) & 0xFFFF_FFFFL;
            long body = pos + 8;
            long available = size - body;
            if (id.equals("data")) {
                if (rf64 && declared == STREAMED && ds64DataSize >= 0) {
                    declared = ds64DataSize;
                } else if (declared == 0 || declared == STREAMED) {
                    declared = available;
                }
                if (declared > available) {
                    throw truncated(in, declared, available);
                }
                dataStart = body;
                dataSize = declared;
                if (fmt != null) {
                    break;
                }
            } else {
                if (declared > available) {
                    throw in.error("chunk '" + id + "' at offset " + pos + " declares " + declared
                            + " bytes but only " + available + " follow");
                }
                if (id.equals("fmt ")) {
                    fmt = WavFormatChunk.parse(in.read(body, (int) Math.min(declared, 1024), order, "fmt chunk"), in);
                    if (dataStart >= 0) {
                        break;
                    }
                } else if (id.equals("ds64") && rf64) {
                    if (declared < 24) {
                        throw in.error("the ds64 chunk is too small (" + declared + " bytes; 24 are needed)");
                    }
                    ds64DataSize = in.read(body, 24, order, "ds64 chunk").getLong(8);
                    if (ds64DataSize < 0) {
                        throw in.error("the ds64 chunk declares an impossible data size " + Long.toUnsignedString(ds64DataSize));
                    }
                }
            }
            pos = body + declared + (declared & 1);
        }
        checkEndsInsideHeader(in, fmt == null || dataStart < 0, pos, 8);
        return finish(in, fmt, dataStart, dataSize, order, container);
    }

    static boolean isWave64(ByteBuffer head) {
        for (int i = 0; i < 16; i++) {
            if (head.get(i) != W64_RIFF[i]) {
                return false;
            }
        }
        return true;
    }

    static Recording readWave64(FileBytes in) throws IOException {
        ByteOrder order = ByteOrder.LITTLE_ENDIAN;
        long size = in.size();
        ByteBuffer head = in.read(0, 40, order, "Wave64 header");
        if (!isW64Chunk(head, 24, "wave")) {
            throw in.error("is a Wave64 file whose form is not WAVE audio");
        }
        long pos = 40;
        WavFormatChunk fmt = null;
        long dataStart = -1;
        long dataSize = -1;
        for (int count = 0; pos + 24 <= size; count++) {
            checkChunkCount(in, count);
            ByteBuffer h = in.read(pos, 24, order, "chunk header at offset " + pos);
            long declared = h.getLong(16);
            String id = FileBytes.fourCc(h, 0);
            if (declared < 24) {
                throw in.error("chunk '" + id + "' at offset " + pos + " declares " + Long.toUnsignedString(declared)
                        + " bytes, fewer than its own 24-byte header");
            }
            long body = pos + 24;
            long bodySize = declared - 24;
            long available = size - body;
            if (isW64Chunk(h, 0, "data")) {
                if (bodySize > available) {
                    throw truncated(in, bodySize, available);
                }
                dataStart = body;
                dataSize = bodySize;
                if (fmt != null) {
                    break;
                }
            } else {
                if (bodySize > available) {
                    throw in.error("chunk '" + id + "' at offset " + pos + " declares " + bodySize
                            + " bytes but only " + available + " follow");
                }
                if (isW64Chunk(h, 0, "fmt ")) {
                    fmt = WavFormatChunk.parse(in.read(body, (int) Math.min(bodySize, 1024), order, "fmt chunk"), in);
                    if (dataStart >= 0) {
                        break;
                    }
                }
            }
            pos = body + bodySize + ((8 - (bodySize & 7)) & 7);
        }
        checkEndsInsideHeader(in, fmt == null || dataStart < 0, pos, 24);
        return finish(in, fmt, dataStart, dataSize, order, "w64");
    }

    private static Recording finish(FileBytes in, WavFormatChunk fmt, long dataStart, long dataSize, ByteOrder order,
            String container) throws IOException {
        if (fmt == null) {
            throw in.error("has no fmt chunk (the description of the sample format is missing)");
        }
        if (dataStart < 0) {
            throw in.error("has no data chunk (the file holds no samples)");
        }
        long frames = dataSize / ((long) fmt.channels() * fmt.encoding().bytesPerSample());
        PcmLayout layout = new PcmLayout(fmt.encoding(), order, fmt.channels(), dataStart, frames);
        return MappedPcmRecording.map(in.path(), layout, new MappedPcmRecording.Source(in.path(), container,
                fmt.encoding(), fmt.bitsPerSample(), fmt.sampleRateHz()), null);
    }

    /** A file that stops part-way through a chunk header before the samples were found is truncated. */
    static void checkEndsInsideHeader(FileBytes in, boolean incomplete, long pos, int headerBytes)
            throws AudioFileException {
        if (incomplete && pos < in.size() && pos + headerBytes > in.size()) {
            throw in.error("truncated: the file ends inside the chunk header at offset " + pos + " (" + in.size()
                    + " bytes)");
        }
    }

    private static void checkChunkCount(FileBytes in, int count) throws AudioFileException {
        if (count >= MAX_CHUNKS) {
            throw in.error("has more than " + MAX_CHUNKS + " chunks before its samples: not a plausible audio file");
        }
    }

    private static AudioFileException truncated(FileBytes in, long declared, long available) {
        return in.error("truncated: the data chunk declares " + declared + " bytes but only " + available + " follow");
    }

    private static boolean isW64Chunk(ByteBuffer b, int offset, String name) {
        byte[] g = guid(name);
        for (int i = 0; i < 16; i++) {
            if (b.get(offset + i) != g[i]) {
                return false;
            }
        }
        return true;
    }

    /** A Wave64 GUID: the four-character name followed by the given bytes, or the common chunk suffix. */
    private static byte[] guid(String name, int... tail) {
        byte[] g = new byte[16];
        for (int i = 0; i < 4; i++) {
            g[i] = (byte) name.charAt(i);
        }
        for (int i = 0; i < 12; i++) {
            g[4 + i] = tail.length == 12 ? (byte) tail[i] : W64_SUFFIX[i];
        }
        return g;
    }
}
