package org.echoic.io;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Random;

import org.echoic.audio.SampleEncoding;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input of each kind gives an {@link AudioFileException} whose message names the file and the problem. */
class AudioFileErrorsTest {
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

    @TempDir
    Path dir;

    private void expect(Path file, String... problemParts) {
        AudioFileException e = assertThrows(AudioFileException.class, () -> AudioFiles.open(file).close());
        assertTrue(e.getMessage().startsWith(file.toString() + ": "), e.getMessage());
        for (String part : problemParts) {
            assertTrue(e.getMessage().contains(part), "expected '" + part + "' in: " + e.getMessage());
        }
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private static TestSignal s16(int channels) {
        return TestSignal.random(SampleEncoding.PCM_S16, 16, channels, 100, 7);
    }

    /** A fmt body with the given fields (16 bytes, little-endian). */
    private static byte[] fmt(int tag, int channels, int rate, int blockAlign, int bits) {
        return ByteBuffer.allocate(16).order(LE).putShort((short) tag).putShort((short) channels).putInt(rate)
                .putInt(rate * blockAlign).putShort((short) blockAlign).putShort((short) bits).array();
    }

    private static byte[] data(int bytes) {
        return TestAudioWriter.chunk("data", new byte[bytes], LE);
    }

    @Test
    void emptyFile() throws IOException {
        expect(write("empty.wav", new byte[0]), "is empty");
    }

    @Test
    void tooShortForAHeader() throws IOException {
        expect(write("short.wav", "RIFF\0".getBytes()), "too short for an audio header");
    }

    @Test
    void randomBytesNamedWav() throws IOException {
        byte[] junk = new byte[4096];
        new Random(3).nextBytes(junk);
        junk[0] = 0x12;
        expect(write("noise.wav", junk), "not a recognised audio file");
    }

    @Test
    void directory() {
        expect(dir, "is a directory");
    }

    @Test
    void nonexistentFile() {
        expect(dir.resolve("missing.wav"), "does not exist");
    }

    @Test
    void unreadableFile() throws IOException {
        Path p = write("locked.wav", TestAudioWriter.wav("RIFF", s16(1), 8000, false));
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("---------"));
        Assumptions.assumeFalse(Files.isReadable(p), "skipped: running as root, permissions are not enforced");
        expect(p, "permission denied");
    }

    @Test
    void truncatedHeader() throws IOException {
        byte[] full = TestAudioWriter.wav("RIFF", s16(1), 8000, false);
        expect(write("cut14.wav", Arrays.copyOf(full, 14)), "truncated", "chunk header");
        expect(write("cut30.wav", Arrays.copyOf(full, 30)), "chunk 'fmt '", "declares 16 bytes but only 10 follow");
    }

    @Test
    void fmtChunkTooSmall() throws IOException {
        byte[] f = TestAudioWriter.riff("RIFF", TestAudioWriter.chunk("fmt ", new byte[12], LE), data(8));
        expect(write("smallfmt.wav", f), "fmt chunk is too small (12 bytes");
    }

    @Test
    void zeroChannels() throws IOException {
        byte[] f = TestAudioWriter.riff("RIFF", TestAudioWriter.chunk("fmt ", fmt(1, 0, 8000, 2, 16), LE), data(8));
        expect(write("zeroch.wav", f), "zero channels");
    }

    @Test
    void zeroRate() throws IOException {
        byte[] f = TestAudioWriter.riff("RIFF", TestAudioWriter.chunk("fmt ", fmt(1, 1, 0, 2, 16), LE), data(8));
        expect(write("zerorate.wav", f), "sample rate of 0 Hz");
    }

    @Test
    void absurdSizesAndInconsistentBlockAlign() throws IOException {
        byte[] huge = TestAudioWriter.riff("RIFF",
                TestAudioWriter.chunk("fmt ", fmt(1, 65535, 8000, 65535, 32), LE), data(8));
        expect(write("overflow.wav", huge), "block align 65535 bytes does not match 65535 channel(s) of 32 bits");
        byte[] bad = TestAudioWriter.riff("RIFF", TestAudioWriter.chunk("fmt ", fmt(1, 2, 8000, 3, 16), LE), data(8));
        expect(write("align.wav", bad), "block align 3 bytes", "expected 4");
        byte[] bits = TestAudioWriter.riff("RIFF", TestAudioWriter.chunk("fmt ", fmt(1, 1, 8000, 2, 0), LE), data(8));
        expect(write("bits0.wav", bits), "PCM with 0 bits per sample is not supported");
    }

    @Test
    void dataChunkMissing() throws IOException {
        byte[] f = TestAudioWriter.riff("RIFF", TestAudioWriter.chunk("fmt ", fmt(1, 1, 8000, 2, 16), LE),
                TestAudioWriter.chunk("LIST", new byte[10], LE));
        expect(write("nodata.wav", f), "no data chunk");
        byte[] g = TestAudioWriter.riff("RIFF", data(8));
        expect(write("nofmt.wav", g), "no fmt chunk");
    }

    @Test
    void unsupportedCodecIsNamed() throws IOException {
        byte[] f = TestAudioWriter.riff("RIFF", TestAudioWriter.chunk("fmt ", fmt(0x55, 1, 8000, 1, 0), LE), data(8));
        expect(write("mp3.wav", f), "compressed WAV format 0x0055 (MP3) is not supported");
        byte[] ext = TestAudioWriter.fmt(s16(1), 8000, true, LE);
        ext[24] = 0x55;
        byte[] g = TestAudioWriter.riff("RIFF", TestAudioWriter.chunk("fmt ", ext, LE), data(8));
        expect(write("mp3ext.wav", g), "compressed WAV format 0x0055 (MP3)");
        ext[39] = 0x42;
        byte[] h = TestAudioWriter.riff("RIFF", TestAudioWriter.chunk("fmt ", ext, LE), data(8));
        expect(write("guid.wav", h), "extensible WAV sub-format {00000055-0000-0010-8000-00AA00389B42} is not supported");
        byte[] aiff = TestAudioWriter.aiff(s16(1), 8000, "ulaw");
        expect(write("ulaw.aifc", aiff), "compressed AIFF-C type 'ulaw' (µ-law) is not supported");
    }

    @Test
    void dataChunkLongerThanTheFileIsTruncated() throws IOException {
        byte[] f = TestAudioWriter.riff("RIFF", TestAudioWriter.chunk("fmt ", fmt(1, 1, 8000, 2, 16), LE),
                TestAudioWriter.chunk("data", new byte[100], 1000, LE));
        expect(write("trunc.wav", f), "truncated: the data chunk declares 1000 bytes but only 100 follow");
        byte[] a = TestAudioWriter.aiff(s16(2), 8000, null);
        expect(write("trunc.aiff", Arrays.copyOf(a, a.length - 10)), "truncated");
    }

    @Test
    void chunkRunningPastTheEnd() throws IOException {
        byte[] f = TestAudioWriter.riff("RIFF", TestAudioWriter.chunk("fmt ", fmt(1, 1, 8000, 2, 16), LE),
                TestAudioWriter.chunk("LIST", new byte[20], 0x7000_0000L, LE), data(8));
        expect(write("pastend.wav", f), "chunk 'LIST' at offset 36 declares 1879048192 bytes but only 36 follow");
        byte[] w = TestAudioWriter.w64(s16(1), 8000);
        ByteBuffer.wrap(w).order(LE).putLong(40 + 16, Long.MAX_VALUE);
        expect(write("pastend.w64", w), "chunk 'fmt ' at offset 40 declares");
    }

    @Test
    void aiffProblems() throws IOException {
        byte[] a = TestAudioWriter.aiff(s16(1), 8000, null);
        ByteBuffer.wrap(a).putShort(12 + 11 + 1 + 8, (short) 0);
        expect(write("zero.aiff", a), "the COMM chunk declares zero channels");
        byte[] b = TestAudioWriter.aiff(s16(1), 8000, null);
        Arrays.fill(b, 12 + 12 + 8 + 8, 12 + 12 + 8 + 18, (byte) 0);
        expect(write("zerorate.aiff", b), "sample rate of 0 Hz");
    }

    @Test
    void flacProblems() throws IOException {
        long[] v = new long[2000];
        for (int i = 0; i < v.length; i++) {
            v[i] = (i * 37) % 200 - 100;
        }
        byte[] flac = TestFlacWriter.encode(v, 1, 16, 8000, 256);
        expect(write("cut.flac", Arrays.copyOf(flac, flac.length / 2)), "truncated: the FLAC stream declares 2000 frames");
        byte[] noInfo = flac.clone();
        noInfo[4] = 0x04;
        expect(write("noinfo.flac", noInfo), "does not start with a valid STREAMINFO");
        expect(write("head.flac", Arrays.copyOf(flac, 20)), "truncated: the FLAC metadata block");
        byte[] corrupt = flac.clone();
        corrupt[flac.length - 300] ^= 0x10;
        expect(write("crc.flac", corrupt), "FLAC frame(s) failed their checks");
    }
}
