package org.echoic.io;

import java.nio.ByteBuffer;
import java.util.Map;

import org.echoic.audio.SampleEncoding;

/**
 * The decoded {@code fmt } chunk of a WAV-family file (RIFF, RIFX, RF64, Wave64): PCM integer 1–32 bit,
 * IEEE float 32/64 bit, and WAVE_FORMAT_EXTENSIBLE with a PCM or float sub-format. Immutable.
 *
 * @param encoding storage encoding of one sample (container size)
 * @param channels channel count
 * @param sampleRateHz samples per second per channel
 * @param bitsPerSample significant bits (wValidBitsPerSample of extensible files, else wBitsPerSample)
 */
record WavFormatChunk(SampleEncoding encoding, int channels, double sampleRateHz, int bitsPerSample) {
    static final int TAG_PCM = 0x0001;
    static final int TAG_FLOAT = 0x0003;
    static final int TAG_EXTENSIBLE = 0xFFFE;

    private static final Map<Integer, String> CODEC_NAMES = Map.ofEntries(
            Map.entry(0x0002, "Microsoft ADPCM"), Map.entry(0x0006, "A-law"), Map.entry(0x0007, "µ-law"),
            Map.entry(0x0011, "IMA ADPCM"), Map.entry(0x0031, "GSM 6.10"), Map.entry(0x0050, "MPEG"),
            Map.entry(0x0055, "MP3"), Map.entry(0x0092, "Dolby AC-3 S/PDIF"), Map.entry(0x00FF, "AAC"),
            Map.entry(0x0161, "WMA"), Map.entry(0x1610, "AAC"), Map.entry(0x2000, "Dolby AC-3"),
            Map.entry(0x674F, "Ogg Vorbis"), Map.entry(0x6750, "Ogg Vorbis"), Map.entry(0x6751, "Ogg Vorbis"),
            Map.entry(0xF1AC, "FLAC"));
    /** Bytes 8–15 of the KSDATAFORMAT_SUBTYPE_* GUIDs (…-8000-00AA00389B71). */
    private static final byte[] GUID_TAIL = {(byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38, (byte) 0x9B, 0x71};

    /** Parses the chunk body {@code b} (in the file's byte order, position 0, limit = chunk size). */
    static WavFormatChunk parse(ByteBuffer b, FileBytes in) throws AudioFileException {
        int size = b.limit();
        if (size < 16) {
            throw in.error("the fmt chunk is too small (" + size + " bytes; at least 16 are needed)");
        }
        int tag = b.getShort(0) & 0xFFFF;
        int channels = b.getShort(2) & 0xFFFF;
        long rate = b.getInt(4) & 0xFFFF_FFFFL;
        int blockAlign = b.getShort(12) & 0xFFFF;
        int bits = b.getShort(14) & 0xFFFF;
        int validBits = bits;
        if (tag == TAG_EXTENSIBLE) {
            if (size < 40) {
                throw in.error("the extensible fmt chunk is too small (" + size + " bytes; 40 are needed)");
            }
            int valid = b.getShort(18) & 0xFFFF;
            tag = subFormatTag(b, in);
            if (valid > 0 && valid <= bits) {
                validBits = valid;
            }
        }
        if (channels == 0) {
            throw in.error("the fmt chunk declares zero channels");
        }
        if (rate == 0) {
            throw in.error("the fmt chunk declares a sample rate of 0 Hz");
        }
        SampleEncoding encoding = switch (tag) {
            case TAG_PCM -> pcmEncoding(bits, in);
            case TAG_FLOAT -> floatEncoding(bits, in);
            default -> throw in.error(unsupported(tag));
        };
        long expectedAlign = (long) channels * encoding.bytesPerSample();
        if (blockAlign != expectedAlign) {
            throw in.error("the fmt chunk is inconsistent: block align " + blockAlign + " bytes does not match "
                    + channels + " channel(s) of " + bits + " bits (expected " + expectedAlign + ")");
        }
        return new WavFormatChunk(encoding, channels, rate, encoding.isFloatingPoint() ? bits : validBits);
    }

    private static int subFormatTag(ByteBuffer b, FileBytes in) throws AudioFileException {
        long data1 = b.getInt(24) & 0xFFFF_FFFFL;
        int data2 = b.getShort(28) & 0xFFFF;
        int data3 = b.getShort(30) & 0xFFFF;
        boolean standard = data1 <= 0xFFFF && data2 == 0 && data3 == 0x0010;
        for (int i = 0; i < GUID_TAIL.length && standard; i++) {
            standard = b.get(32 + i) == GUID_TAIL[i];
        }
        if (!standard) {
            StringBuilder tail = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                tail.append(String.format(i == 2 ? "-%02X" : "%02X", b.get(32 + i) & 0xFF));
            }
            throw in.error(String.format("the extensible WAV sub-format {%08X-%04X-%04X-%s} is not supported",
                    data1, data2, data3, tail));
        }
        return (int) data1;
    }

    private static SampleEncoding pcmEncoding(int bits, FileBytes in) throws AudioFileException {
        return switch ((bits + 7) / 8) {
            case 1 -> SampleEncoding.PCM_U8;
            case 2 -> SampleEncoding.PCM_S16;
            case 3 -> SampleEncoding.PCM_S24;
            case 4 -> SampleEncoding.PCM_S32;
            default -> throw in.error("PCM with " + bits + " bits per sample is not supported (1 to 32 are)");
        };
    }

    private static SampleEncoding floatEncoding(int bits, FileBytes in) throws AudioFileException {
        return switch (bits) {
            case 32 -> SampleEncoding.FLOAT32;
            case 64 -> SampleEncoding.FLOAT64;
            default -> throw in.error("IEEE float with " + bits + " bits per sample is not supported (32 and 64 are)");
        };
    }

    private static String unsupported(int tag) {
        String name = CODEC_NAMES.get(tag);
        return String.format("compressed WAV format 0x%04X%s is not supported (only PCM and IEEE float are)", tag,
                name == null ? "" : " (" + name + ")");
    }
}
