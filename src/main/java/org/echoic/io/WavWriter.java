package org.echoic.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

import org.echoic.audio.Recording;

/**
 * Writes recordings as WAV: 16-bit PCM (with clipping to full scale) or 32-bit IEEE float (18-byte fmt chunk
 * with cbSize 0 and a fact chunk, as the format requires for non-PCM data), any channel count, RIFF, or RF64
 * when the data exceeds 4 GiB. Streams the samples block by block
 * (nothing proportional to the length is held) and writes atomically. Stateless; thread-safe.
 */
public final class WavWriter {

    /** Sample format of the written file. */
    public enum Format {
        PCM16(16, 1), FLOAT32(32, 3);

        final int bits;
        final int formatTag;

        Format(int bits, int formatTag) {
            this.bits = bits;
            this.formatTag = formatTag;
        }
    }

    private static final int BLOCK_FRAMES = 1 << 14;
    private static final long RIFF_LIMIT = 0xFFFF_FFFFL - 100;

    private WavWriter() {
    }

    /** Writes every channel of {@code recording} to {@code target}. */
    public static void write(Path target, Recording recording, Format format) throws IOException {
        AtomicFiles.write(target, out -> writeTo(out, recording, format));
    }

    /** Writes a mono float signal. */
    public static void write(Path target, float[] samples, double sampleRateHz, Format format) throws IOException {
        write(target, new org.echoic.audio.ArrayRecording(target, sampleRateHz, samples), format);
    }

    static void writeTo(OutputStream out, Recording rec, Format format) throws IOException {
        int channels = rec.channels();
        int bytesPerSample = format.bits / 8;
        long dataBytes = rec.frames() * channels * bytesPerSample;
        boolean rf64 = dataBytes > RIFF_LIMIT;
        long rate = Math.round(rec.sampleRateHz());
        if (rate <= 0 || rate > 0xFFFF_FFFFL) {
            throw new IOException("sample rate " + rec.sampleRateHz() + " Hz cannot be stored in a WAV file");
        }
        // IEEE float is not PCM: its fmt chunk carries cbSize (0) and a fact chunk gives the frame count
        // (sox warns "wave header missing extended part of fmt chunk" otherwise).
        boolean pcm = format == Format.PCM16;
        int extra = pcm ? 0 : 2 + 12;
        ByteBuffer h = ByteBuffer.allocate(100).order(ByteOrder.LITTLE_ENDIAN);
        h.put(ascii(rf64 ? "RF64" : "RIFF"));
        h.putInt(rf64 ? -1 : (int) (36 + extra + dataBytes + (dataBytes & 1)));
        h.put(ascii("WAVE"));
        if (rf64) {
            h.put(ascii("ds64")).putInt(28);
            h.putLong(72 + extra + dataBytes + (dataBytes & 1)).putLong(dataBytes).putLong(rec.frames()).putInt(0);
        }
        h.put(ascii("fmt ")).putInt(pcm ? 16 : 18);
        h.putShort((short) format.formatTag).putShort((short) channels).putInt((int) rate);
        h.putInt((int) (rate * channels * bytesPerSample)).putShort((short) (channels * bytesPerSample));
        h.putShort((short) format.bits);
        if (!pcm) {
            h.putShort((short) 0);
            h.put(ascii("fact")).putInt(4).putInt(rf64 || rec.frames() > 0xFFFF_FFFFL ? -1 : (int) rec.frames());
        }
        h.put(ascii("data")).putInt(rf64 ? -1 : (int) dataBytes);
        out.write(h.array(), 0, h.position());

        float[][] block = new float[channels][BLOCK_FRAMES];
        ByteBuffer buf = ByteBuffer.allocate(BLOCK_FRAMES * channels * bytesPerSample).order(ByteOrder.LITTLE_ENDIAN);
        for (long start = 0; start < rec.frames(); start += BLOCK_FRAMES) {
            int n = (int) Math.min(BLOCK_FRAMES, rec.frames() - start);
            for (int c = 0; c < channels; c++) {
                rec.read(start, n, c, block[c], 0);
            }
            buf.clear();
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < channels; c++) {
                    float v = block[c][i];
                    if (format == Format.FLOAT32) {
                        buf.putFloat(v);
                    } else {
                        buf.putShort(toPcm16(v));
                    }
                }
            }
            out.write(buf.array(), 0, buf.position());
        }
        if ((dataBytes & 1) == 1) {
            out.write(0);
        }
    }

    /** Rounds a float sample in [-1, 1] to 16-bit PCM, clipping values outside. NaN becomes 0. */
    public static short toPcm16(float v) {
        if (Float.isNaN(v)) {
            return 0;
        }
        long s = Math.round(v * 32768.0);
        return (short) Math.max(-32768, Math.min(32767, s));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
