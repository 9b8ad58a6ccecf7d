package org.echoic.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Bulk conversion of interleaved PCM bytes to floats in [-1, 1]. The mapping is exact and documented:
 * unsigned 8-bit {@code (v - 128) / 128}, signed n-bit integers {@code (float) v / 2^(n-1)} (s8 /128,
 * s16 /32768, s24 /8388608, s32 /2147483648: the int is rounded to float first, the power-of-two scale is
 * exact), float32 as stored, float64 rounded to the nearest float. The mean of several channels is the float
 * sum of the mapped samples in channel order times {@code 1f / channels} (as in {@link ArrayRecording}).
 * Stateless apart from a per-thread scratch buffer; thread-safe.
 */
final class PcmDecoder {
    /** Samples converted per step: bounds the per-thread scratch memory. */
    static final int CHUNK_SAMPLES = 1 << 16;

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private PcmDecoder() {
    }

    /**
     * Decodes {@code frames} frames starting at byte {@code position} of {@code window} (not modified) into
     * {@code dst[dstOffset …]}, either one channel or the mean ({@link Recording#MEAN_CHANNEL}).
     */
    static void decode(ByteBuffer window, int position, int frames, PcmLayout layout, int channel,
            float[] dst, int dstOffset) {
        ByteBuffer b = window.duplicate().order(layout.byteOrder());
        int channels = layout.channels();
        int blockAlign = layout.blockAlign();
        if (channels == 1) {
            for (int done = 0; done < frames; ) {
                int n = Math.min(frames - done, CHUNK_SAMPLES);
                b.limit(position + (done + n) * blockAlign).position(position + done * blockAlign);
                toFloats(b, n, layout.encoding(), dst, dstOffset + done);
                done += n;
            }
            return;
        }
        float[] tmp = SCRATCH.get().floats;
        int chunkFrames = Math.max(1, CHUNK_SAMPLES / channels);
        float scale = 1f / channels;
        for (int done = 0; done < frames; ) {
            int n = Math.min(frames - done, chunkFrames);
            b.limit(position + (done + n) * blockAlign).position(position + done * blockAlign);
            toFloats(b, n * channels, layout.encoding(), tmp, 0);
            int out = dstOffset + done;
            if (channel == Recording.MEAN_CHANNEL) {
                for (int i = 0, k = 0; i < n; i++) {
                    float sum = 0;
                    for (int c = 0; c < channels; c++) {
                        sum += tmp[k++];
                    }
                    dst[out + i] = sum * scale;
                }
            } else {
                for (int i = 0, k = channel; i < n; i++, k += channels) {
                    dst[out + i] = tmp[k];
                }
            }
            done += n;
        }
    }

    /** Converts {@code count} (at most {@link #CHUNK_SAMPLES}) samples from b's position into out. */
    private static void toFloats(ByteBuffer b, int count, SampleEncoding encoding, float[] out, int outOffset) {
        Scratch s = SCRATCH.get();
        switch (encoding) {
            case PCM_U8 -> {
                b.get(s.bytes, 0, count);
                for (int i = 0; i < count; i++) {
                    out[outOffset + i] = ((s.bytes[i] & 0xFF) - 128) * 0x1p-7f;
                }
            }
            case PCM_S8 -> {
                b.get(s.bytes, 0, count);
                for (int i = 0; i < count; i++) {
                    out[outOffset + i] = s.bytes[i] * 0x1p-7f;
                }
            }
            case PCM_S16 -> {
                short[] v = s.shorts;
                b.asShortBuffer().get(v, 0, count);
                for (int i = 0; i < count; i++) {
                    out[outOffset + i] = v[i] * 0x1p-15f;
                }
            }
            case PCM_S24 -> {
                byte[] v = s.bytes;
                b.get(v, 0, 3 * count);
                if (b.order() == ByteOrder.LITTLE_ENDIAN) {
                    for (int i = 0, k = 0; i < count; i++, k += 3) {
                        int x = (v[k] & 0xFF) | (v[k + 1] & 0xFF) << 8 | v[k + 2] << 16;
                        out[outOffset + i] = x * 0x1p-23f;
                    }
                } else {
                    for (int i = 0, k = 0; i < count; i++, k += 3) {
                        int x = v[k] << 16 | (v[k + 1] & 0xFF) << 8 | (v[k + 2] & 0xFF);
                        out[outOffset + i] = x * 0x1p-23f;
                    }
                }
            }
            case PCM_S32 -> {
                int[] v = s.ints;
                b.asIntBuffer().get(v, 0, count);
                for (int i = 0; i < count; i++) {
                    out[outOffset + i] = v[i] * 0x1p-31f;
                }
            }
            case FLOAT32 -> b.asFloatBuffer().get(out, outOffset, count);
            case FLOAT64 -> {
                double[] v = s.doubles;
                b.asDoubleBuffer().get(v, 0, count);
                for (int i = 0; i < count; i++) {
                    out[outOffset + i] = (float) v[i];
                }
            }
            default -> throw new IllegalStateException("unhandled encoding " + encoding);
        }
    }

    /** Per-thread conversion buffers. */
    private static final class Scratch {
        final byte[] bytes = new byte[3 * CHUNK_SAMPLES];
        final short[] shorts = new short[CHUNK_SAMPLES];
        final int[] ints = new int[CHUNK_SAMPLES];
        final double[] doubles = new double[CHUNK_SAMPLES];
        final float[] floats = new float[CHUNK_SAMPLES];
    }
}
