package org.echoic.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;

import org.echoic.audio.MappedPcmRecording;
import org.echoic.audio.PcmLayout;
import org.echoic.audio.Recording;
import org.echoic.audio.SampleEncoding;

/**
 * Reads AIFF and AIFF-C: big-endian PCM (NONE, twos, in24, in32), little-endian PCM (sowt, 23ni, 42ni),
 * 8-bit offset binary (raw) and IEEE float (fl32/FL32, fl64/FL64); the sample rate is an 80-bit extended
 * float. Unknown chunks are skipped; the walk is bounded by the file size. Stateless.
 */
final class AiffReader {
    private static final Map<String, String> CODEC_NAMES = Map.of("ulaw", "µ-law", "ULAW", "µ-law", "alaw", "A-law",
            "ALAW", "A-law", "ima4", "IMA ADPCM", "MAC3", "MACE 3:1", "MAC6", "MACE 6:1", "GSM ", "GSM 6.10",
            "Qclp", "QUALCOMM PureVoice", "QDMC", "QDesign");

    private AiffReader() {
    }

    static Recording read(FileBytes in, boolean aifc) throws IOException {
        ByteOrder be = ByteOrder.BIG_ENDIAN;
        long size = in.size();
        long pos = 12;
        ByteBuffer comm = null;
        long ssndBody = -1;
        long ssndSize = -1;
        for (int count = 0; pos + 8 <= size && (comm == null || ssndBody < 0); count++) {
            if (count >= WavReader.MAX_CHUNKS) {
                throw in.error("has more than " + WavReader.MAX_CHUNKS + " chunks before its samples: not a plausible audio file");
            }
            ByteBuffer h = in.read(pos, 8, be, "chunk header at offset " + pos);
            String id = FileBytes.fourCc(h, 0);
            long declared = h.getInt(4) & 0xFFFF_FFFFL;
            long body = pos + 8;
            long available = size - body;
            if (id.equals("SSND")) {
                if (declared == 0 || declared == 0xFFFF_FFFFL) {
                    declared = available;
                }
                if (declared > available) {
                    throw in.error("truncated: the SSND chunk declares " + declared + " bytes but only " + available + " follow");
                }
                ssndBody = body;
                ssndSize = declared;
            } else {
                if (declared > available) {
                    throw in.error("chunk '" + id + "' at offset " + pos + " declares " + declared
                            + " bytes but only " + available + " follow");
                }
                if (id.equals("COMM")) {
                    if (declared < (aifc ? 22 : 18)) {
                        throw in.error("the COMM chunk is too small (" + declared + " bytes; " + (aifc ? 22 : 18) + " are needed)");
                    }
                    comm = in.read(body, (int) Math.min(declared, 256), be, "COMM chunk");
                }
            }
            pos = body + declared + (declared & 1);
        }
        WavReader.checkEndsInsideHeader(in, comm == null || ssndBody < 0, pos, 8);
        if (comm == null) {
            throw in.error("has no COMM chunk (the description of the sample format is missing)");
        }
        if (ssndBody < 0) {
            throw in.error("has no SSND chunk (the file holds no samples)");
        }
        return open(in, aifc, comm, ssndBody, ssndSize);
    }

    private static Recording open(FileBytes in, boolean aifc, ByteBuffer comm, long ssndBody, long ssndSize)
            throws IOException {
        int channels = comm.getShort(0);
        long frames = comm.getInt(2) & 0xFFFF_FFFFL;
        int bits = comm.getShort(6);
        double rate = extendedToDouble(comm, 8);
        String compression = aifc ? FileBytes.fourCc(comm, 18) : "NONE";
        if (channels <= 0) {
            throw in.error("the COMM chunk declares " + (channels == 0 ? "zero" : channels) + " channels");
        }
        if (rate == 0) {
            throw in.error("the COMM chunk declares a sample rate of 0 Hz");
        }
        if (!(rate > 0 && rate < 1e10)) {
            throw in.error("the COMM chunk declares an impossible sample rate (" + rate + " Hz)");
        }
        SampleEncoding encoding = encoding(in, compression, bits);
        ByteOrder order = switch (compression) {
            case "sowt", "23ni", "42ni" -> ByteOrder.LITTLE_ENDIAN;
            default -> ByteOrder.BIG_ENDIAN;
        };
        if (ssndSize < 8) {
            throw in.error("the SSND chunk is too small (" + ssndSize + " bytes; 8 are needed)");
        }
        long offset = in.read(ssndBody, 4, ByteOrder.BIG_ENDIAN, "SSND chunk").getInt(0) & 0xFFFF_FFFFL;
        long dataStart = ssndBody + 8 + offset;
        long available = ssndSize - 8 - offset;
        if (available < 0) {
            throw in.error("the SSND chunk's data offset " + offset + " lies beyond the chunk's " + ssndSize + " bytes");
        }
        long blockAlign = (long) channels * encoding.bytesPerSample();
        if (frames == 0) {
            frames = available / blockAlign;
        } else if (frames > available / blockAlign) {
            throw in.error("truncated: the COMM chunk declares " + frames + " frames (" + frames * blockAlign
                    + " bytes) but only " + available + " bytes of samples follow");
        }
        int reportedBits = encoding.isFloatingPoint() || encoding == SampleEncoding.PCM_U8 ? encoding.bitsPerSample() : bits;
        PcmLayout layout = new PcmLayout(encoding, order, channels, dataStart, frames);
        return MappedPcmRecording.map(in.path(), layout,
                new MappedPcmRecording.Source(in.path(), aifc ? "aifc" : "aiff", encoding, reportedBits, rate), null);
    }

    private static SampleEncoding encoding(FileBytes in, String compression, int bits) throws AudioFileException {
        switch (compression) {
            case "NONE", "twos", "sowt" -> {
                if (bits < 1 || bits > 32) {
                    throw in.error("PCM with " + bits + " bits per sample is not supported (1 to 32 are)");
                }
                return switch ((bits + 7) / 8) {
                    case 1 -> SampleEncoding.PCM_S8;
                    case 2 -> SampleEncoding.PCM_S16;
                    case 3 -> SampleEncoding.PCM_S24;
                    default -> SampleEncoding.PCM_S32;
                };
            }
            case "raw " -> {
                return SampleEncoding.PCM_U8;
            }
            case "in24", "23ni" -> {
                return SampleEncoding.PCM_S24;
            }
            case "in32", "42ni" -> {
                return SampleEncoding.PCM_S32;
            }
            case "fl32", "FL32" -> {
                return SampleEncoding.FLOAT32;
            }
            case "fl64", "FL64" -> {
                return SampleEncoding.FLOAT64;
            }
            default -> {
                String name = CODEC_NAMES.get(compression);
                throw in.error("compressed AIFF-C type '" + compression + "'" + (name == null ? "" : " (" + name + ")")
                        + " is not supported (only uncompressed PCM and float are)");
            }
        }
    }

    /** The 80-bit IEEE 754 extended-precision number at {@code offset} (big-endian), as a double. */
    static double extendedToDouble(ByteBuffer b, int offset) {
        int signExp = b.getShort(offset) & 0xFFFF;
        long mantissa = b.getLong(offset + 2);
        int exponent = signExp & 0x7FFF;
        if (exponent == 0x7FFF) {
            return Double.NaN;
        }
        double value = Math.scalb((double) (mantissa >>> 11), exponent - 16383 - 52);
        return (signExp & 0x8000) != 0 ? -value : value;
    }
}
