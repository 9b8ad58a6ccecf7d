package org.echoic.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import org.echoic.audio.Recording;
import org.echoic.audio.SampleEncoding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chunk layouts met in the field: unknown odd-sized chunks, LIST, fmt after data, streamed sizes, ds64. */
class WavChunksTest {
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

    @TempDir
    Path dir;

    private final TestSignal signal = TestSignal.random(SampleEncoding.PCM_S16, 16, 2, 301, 11);

    private Recording open(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return AudioFiles.open(p);
    }

    private void assertSamples(Recording r, int frames) {
        assertEquals(frames, r.frames());
        for (int c = 0; c < 2; c++) {
            float[] got = new float[frames];
            r.read(0, frames, c, got, 0);
            float[] want = java.util.Arrays.copyOf(signal.channel(c), frames);
            assertArrayEquals(want, got);
        }
    }

    private byte[] fmt() {
        return TestAudioWriter.chunk("fmt ", TestAudioWriter.fmt(signal, 96000, false, LE), LE);
    }

    private byte[] samples() {
        return TestAudioWriter.samples(signal, LE);
    }

    @Test
    void oddSizedUnknownChunksBeforeAndAfterDataAreSkipped() throws IOException {
        byte[] f = TestAudioWriter.riff("RIFF", TestAudioWriter.chunk("bext", new byte[13], LE), fmt(),
                TestAudioWriter.chunk("guan", "AudioMoth 1".getBytes(), LE), TestAudioWriter.chunk("JUNK", new byte[1], LE),
                TestAudioWriter.chunk("LIST", "INFOICMT\u0003\0\0\0ab\0\0".getBytes(), LE),
                TestAudioWriter.chunk("data", samples(), LE), TestAudioWriter.chunk("iXML", new byte[7], LE));
        try (Recording r = open("odd.wav", f)) {
            assertEquals(96000, r.sampleRateHz());
            assertSamples(r, 301);
        }
    }

    @Test
    void fmtAfterDataIsFound() throws IOException {
        byte[] f = TestAudioWriter.riff("RIFF", TestAudioWriter.chunk("data", samples(), LE), fmt());
        try (Recording r = open("late.wav", f)) {
            assertSamples(r, 301);
        }
    }

    @Test
    void streamedSizesMeanToTheEndOfTheFile() throws IOException {
        for (long size : new long[] {0, 0xFFFF_FFFFL}) {
            byte[] f = TestAudioWriter.riff("RIFF", fmt(), TestAudioWriter.chunk("data", samples(), size, LE));
            ByteBuffer.wrap(f).order(LE).putInt(4, (int) size);
            try (Recording r = open("streamed" + size + ".wav", f)) {
                assertSamples(r, 301);
            }
        }
    }

    @Test
    void trailingPartialFrameIsIgnored() throws IOException {
        byte[] data = java.util.Arrays.copyOf(samples(), 4 * 300 + 3);
        byte[] f = TestAudioWriter.riff("RIFF", fmt(), TestAudioWriter.chunk("data", data, LE));
        try (Recording r = open("partial.wav", f)) {
            assertSamples(r, 300);
        }
    }

    @Test
    void rf64UsesTheDs64DataSize() throws IOException {
        byte[] data = samples();
        ByteBuffer ds64 = ByteBuffer.allocate(28).order(LE).putLong(0).putLong(4L * 200).putLong(200).putInt(0);
        byte[] f = TestAudioWriter.riff("RF64", TestAudioWriter.chunk("ds64", ds64.array(), LE), fmt(),
                TestAudioWriter.chunk("data", data, 0xFFFF_FFFFL, LE));
        try (Recording r = open("ds64.wav", f)) {
            assertEquals("rf64", r.container());
            assertSamples(r, 200);
        }
    }

    @Test
    void magicBytesDecideNotTheExtension() throws IOException {
        TestSignal s = TestSignal.random(SampleEncoding.PCM_S24, 24, 1, 50, 5);
        try (Recording r = open("really-an-aiff.wav", TestAudioWriter.aiff(s, 22050, null))) {
            assertEquals("aiff", r.container());
            assertEquals(22050, r.sampleRateHz());
        }
    }

    @Test
    void extendedRateConversion() {
        for (double rate : new double[] {8000, 11025, 22050, 44100, 48000, 96000, 192000, 250000, 384000, 1_000_000, 3}) {
            ByteBuffer b = ByteBuffer.wrap(TestAudioWriter.extended(rate));
            assertEquals(rate, AiffReader.extendedToDouble(b, 0));
        }
        byte[] ieee44100 = {0x40, 0x0E, (byte) 0xAC, 0x44, 0, 0, 0, 0, 0, 0};
        assertEquals(44100.0, AiffReader.extendedToDouble(ByteBuffer.wrap(ieee44100), 0));
    }
}
