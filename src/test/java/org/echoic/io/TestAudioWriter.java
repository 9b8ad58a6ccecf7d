package org.echoic.io;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.echoic.audio.SampleEncoding;

/**
 * Test writers for every container the readers support, independent of the readers' code: RIFF/RIFX/RF64
 * (optionally extensible, with extra chunks before and after the data), Wave64, AIFF/AIFF-C and FLAC
 * (verbatim subframes). They return the file's bytes.
 */
final class TestAudioWriter {
    static final byte[] W64_SUFFIX = {(byte) 0xF3, (byte) 0xAC, (byte) 0xD3, 0x11, (byte) 0x8C, (byte) 0xD1, 0x00,
        (byte) 0xC0, 0x4F, (byte) 0x8E, (byte) 0xDB, (byte) 0x8A};

    private TestAudioWriter() {
    }

    /** Interleaved samples in the given byte order. */
    static byte[] samples(TestSignal s, ByteOrder order) {
        SampleEncoding e = s.encoding();
        ByteBuffer b = ByteBuffer.allocate(s.raw().length * e.bytesPerSample()).order(order);
        for (double v : s.raw()) {
            switch (e) {
                case PCM_U8, PCM_S8 -> b.put((byte) (long) v);
                case PCM_S16 -> b.putShort((short) (long) v);
                case PCM_S24 -> {
                    int x = (int) (long) v;
                    if (order == ByteOrder.LITTLE_ENDIAN) {
                        b.put((byte) x).put((byte) (x >> 8)).put((byte) (x >> 16));
                    } else {
                        b.put((byte) (x >> 16)).put((byte) (x >> 8)).put((byte) x);
                    }
                }
                case PCM_S32 -> b.putInt((int) (long) v);
                case FLOAT32 -> b.putFloat((float) v);
                case FLOAT64 -> b.putDouble(v);
                default -> throw new IllegalArgumentException(e.toString());
            }
        }
        return b.array();
    }

    /** The fmt chunk body (16 bytes, or 40 for extensible). */
    static byte[] fmt(TestSignal s, int rate, boolean extensible, ByteOrder order) {
        int bytes = s.encoding().bytesPerSample();
        int tag = s.encoding().isFloatingPoint() ? 3 : 1;
        ByteBuffer b = ByteBuffer.allocate(extensible ? 40 : 16).order(order);
        b.putShort((short) (extensible ? 0xFFFE : tag)).putShort((short) s.channels()).putInt(rate)
                .putInt(rate * s.channels() * bytes).putShort((short) (s.channels() * bytes))
                .putShort((short) (8 * bytes));
        if (extensible) {
            b.putShort((short) 22).putShort((short) s.bits()).putInt(0);
            b.putInt(tag).putShort((short) 0).putShort((short) 0x10);
            b.put(new byte[] {(byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38, (byte) 0x9B, 0x71});
        }
        return b.array();
    }

    /** A chunk with a 4-character id, 32-bit size and pad byte. */
    static byte[] chunk(String id, byte[] body, ByteOrder order) {
        return chunk(id, body, body.length, order);
    }

    static byte[] chunk(String id, byte[] body, long declaredSize, ByteOrder order) {
        ByteBuffer b = ByteBuffer.allocate(8 + body.length + (body.length & 1)).order(order);
        b.put(id.getBytes(StandardCharsets.US_ASCII)).putInt((int) declaredSize).put(body);
        return b.array();
    }

    /** RIFF or RIFX (by {@code magic}) with the given chunks after "WAVE". */
    static byte[] riff(String magic, byte[]... chunks) {
        ByteOrder order = magic.equals("RIFX") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        byte[] body = concat(chunks);
        ByteBuffer b = ByteBuffer.allocate(12 + body.length).order(order);
        b.put(magic.getBytes(StandardCharsets.US_ASCII)).putInt(magic.equals("RF64") ? -1 : 4 + body.length)
                .put("WAVE".getBytes(StandardCharsets.US_ASCII)).put(body);
        return b.array();
    }

    /** A plain WAV (RIFF, RIFX) with a LIST chunk before and an odd-sized chunk after the data. */
    static byte[] wav(String magic, TestSignal s, int rate, boolean extensible) {
        ByteOrder order = magic.equals("RIFX") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        byte[] data = samples(s, order);
        if (magic.equals("RF64")) {
            ByteBuffer ds64 = ByteBuffer.allocate(28).order(order);
            ds64.putLong(36L + 8 + data.length).putLong(data.length).putLong(s.frames()).putInt(0);
            return riff(magic, chunk("ds64", ds64.array(), order), chunk("fmt ", fmt(s, rate, extensible, order), order),
                    chunk("data", data, 0xFFFF_FFFFL, order));
        }
        byte[] list = chunk("LIST", "INFOISFT\u0005\0\0\0test\0".getBytes(StandardCharsets.ISO_8859_1), order);
        return riff(magic, chunk("fmt ", fmt(s, rate, extensible, order), order), list,
                chunk("data", data, order), chunk("junk", new byte[] {1, 2, 3}, order));
    }

    /** Sony Wave64 with a fmt and a data chunk (8-byte aligned). */
    static byte[] w64(TestSignal s, int rate) {
        byte[] fmt = w64Chunk("fmt ", fmt(s, rate, false, ByteOrder.LITTLE_ENDIAN));
        byte[] data = w64Chunk("data", samples(s, ByteOrder.LITTLE_ENDIAN));
        ByteBuffer b = ByteBuffer.allocate(40 + fmt.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("riff".getBytes(StandardCharsets.US_ASCII))
                .put(new byte[] {0x2E, (byte) 0x91, (byte) 0xCF, 0x11, (byte) 0xA5, (byte) 0xD6, 0x28, (byte) 0xDB, 0x04,
                    (byte) 0xC1, 0, 0})
                .putLong(b.capacity()).put("wave".getBytes(StandardCharsets.US_ASCII)).put(W64_SUFFIX).put(fmt).put(data);
        return b.array();
    }

    static byte[] w64Chunk(String name, byte[] body) {
        int padded = (body.length + 7) & ~7;
        ByteBuffer b = ByteBuffer.allocate(24 + padded).order(ByteOrder.LITTLE_ENDIAN);
        b.put(name.getBytes(StandardCharsets.US_ASCII)).put(W64_SUFFIX).putLong(24L + body.length).put(body);
        return b.array();
    }

    /** AIFF (compression null) or AIFF-C with the given compression type, with an odd-sized ANNO chunk first. */
    static byte[] aiff(TestSignal s, double rate, String compression) {
        boolean aifc = compression != null;
        ByteOrder order = "sowt".equals(compression) ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        ByteBuffer comm = ByteBuffer.allocate(aifc ? 24 : 18).order(ByteOrder.BIG_ENDIAN);
        comm.putShort((short) s.channels()).putInt(s.frames()).putShort((short) s.bits()).put(extended(rate));
        if (aifc) {
            comm.put(compression.getBytes(StandardCharsets.US_ASCII)).put((byte) 0).put((byte) 0);
        }
        byte[] data = samples(s, order);
        ByteBuffer ssnd = ByteBuffer.allocate(8 + data.length).putInt(0).putInt(0).put(data);
        byte[] chunks = concat(chunk("ANNO", "odd".getBytes(StandardCharsets.US_ASCII), ByteOrder.BIG_ENDIAN),
                chunk("COMM", comm.array(), ByteOrder.BIG_ENDIAN), chunk("SSND", ssnd.array(), ByteOrder.BIG_ENDIAN));
        ByteBuffer b = ByteBuffer.allocate(12 + chunks.length);
        b.put("FORM".getBytes(StandardCharsets.US_ASCII)).putInt(4 + chunks.length)
                .put((aifc ? "AIFC" : "AIFF").getBytes(StandardCharsets.US_ASCII)).put(chunks);
        return b.array();
    }

    /** The 80-bit extended representation of a positive integer-valued rate. */
    static byte[] extended(double rate) {
        long m = (long) rate;
        int shift = Long.numberOfLeadingZeros(m);
        int exponent = 16383 + 63 - shift;
        return ByteBuffer.allocate(10).putShort((short) exponent).putLong(m << shift).array();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
