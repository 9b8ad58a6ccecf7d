package org.echoic.io;

import java.io.ByteArrayOutputStream;

/**
 * A minimal FLAC encoder for tests: STREAMINFO, then fixed-size frames of VERBATIM subframes (independent
 * channels) with their CRC-8 and CRC-16, following the FLAC format specification. Signed integer samples.
 */
final class TestFlacWriter {
    private TestFlacWriter() {
    }

    /** Encodes interleaved signed samples of {@code bits} bits in blocks of {@code blockSize} frames. */
    static byte[] encode(long[] samples, int channels, int bits, int rate, int blockSize) {
        int frames = samples.length / channels;
        Bits out = new Bits();
        out.bytes("fLaC");
        out.put(1, 1).put(0, 7).put(34, 24);
        out.put(blockSize, 16).put(blockSize, 16).put(0, 24).put(0, 24);
        out.put(rate, 20).put(channels - 1, 3).put(bits - 1, 5).put(frames >>> 4, 32).put(frames & 15, 4);
        for (int i = 0; i < 16; i++) {
            out.put(0, 8);
        }
        for (int start = 0, number = 0; start < frames; start += blockSize, number++) {
            int n = Math.min(blockSize, frames - start);
            Bits f = new Bits();
            f.put(0xFFF8, 16).put(7, 4).put(0, 4).put(channels - 1, 4).put(0, 3).put(0, 1);
            utf8(f, number);
            f.put(n - 1, 16);
            f.put(crc8(f.toByteArray()), 8);
            for (int c = 0; c < channels; c++) {
                f.put(0, 1).put(1, 6).put(0, 1);
                for (int i = 0; i < n; i++) {
                    f.put(samples[(start + i) * channels + c], bits);
                }
            }
            f.align();
            byte[] frame = f.toByteArray();
            out.bytes(frame);
            out.put(crc16(frame), 16);
        }
        return out.toByteArray();
    }

    private static void utf8(Bits f, int v) {
        if (v < 0x80) {
            f.put(v, 8);
        } else if (v < 0x800) {
            f.put(0xC0 | v >> 6, 8).put(0x80 | (v & 0x3F), 8);
        } else {
            f.put(0xE0 | v >> 12, 8).put(0x80 | (v >> 6 & 0x3F), 8).put(0x80 | (v & 0x3F), 8);
        }
    }

    static int crc8(byte[] data) {
        int crc = 0;
        for (byte d : data) {
            crc ^= d & 0xFF;
            for (int i = 0; i < 8; i++) {
                crc = (crc & 0x80) != 0 ? (crc << 1 ^ 0x07) & 0xFF : crc << 1 & 0xFF;
            }
        }
        return crc;
    }

    static int crc16(byte[] data) {
        int crc = 0;
        for (byte d : data) {
            crc ^= (d & 0xFF) << 8;
            for (int i = 0; i < 8; i++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1 ^ 0x8005) & 0xFFFF : crc << 1 & 0xFFFF;
            }
        }
        return crc;
    }

    /** A big-endian bit writer. */
    private static final class Bits {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private long acc;
        private int count;

        Bits put(long value, int bits) {
            for (int i = bits - 1; i >= 0; i--) {
                acc = acc << 1 | (value >>> i & 1);
                if (++count == 8) {
                    out.write((int) acc);
                    acc = 0;
                    count = 0;
                }
            }
            return this;
        }

        Bits bytes(String ascii) {
            for (char c : ascii.toCharArray()) {
                put(c, 8);
            }
            return this;
        }

        Bits bytes(byte[] b) {
            for (byte x : b) {
                put(x & 0xFF, 8);
            }
            return this;
        }

        void align() {
            while (count != 0) {
                put(0, 1);
            }
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }
    }
}
