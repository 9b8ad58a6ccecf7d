package org.echoic.io;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.echoic.audio.MappedPcmRecording;
import org.echoic.audio.PcmLayout;
import org.echoic.audio.Recording;
import org.echoic.audio.SampleEncoding;
import org.jflac.ChannelData;
import org.jflac.FLACDecoder;
import org.jflac.FrameListener;
import org.jflac.frame.Frame;
import org.jflac.metadata.Metadata;

/**
 * Reads FLAC: the metadata blocks are walked here (bounded by the file size), then jFLAC decodes the frames
 * once into a temporary little-endian float32 file (deleted on close and at exit) that is memory-mapped.
 * Samples map to floats as {@code v / 2^(bits-1)}. The recording reports container {@code flac} and the
 * original bit depth. Stateless; honours interruption between frames.
 */
final class FlacReader {
    private static final int STREAMINFO = 0;
    private static final int MAX_BLOCKS = 10_000;

    private FlacReader() {
    }

    static Recording read(FileBytes in) throws IOException {
        long size = in.size();
        ByteBuffer info = null;
        long pos = 4;
        boolean last = false;
        for (int count = 0; !last; count++) {
            if (count >= MAX_BLOCKS) {
                throw in.error("has more than " + MAX_BLOCKS + " FLAC metadata blocks: not a plausible FLAC file");
            }
            ByteBuffer h = in.read(pos, 4, ByteOrder.BIG_ENDIAN, "FLAC metadata block header at offset " + pos);
            int flags = h.get(0) & 0xFF;
            last = (flags & 0x80) != 0;
            int type = flags & 0x7F;
            int length = h.getInt(0) & 0xFF_FFFF;
            if (pos + 4 + length > size) {
                throw in.error("truncated: the FLAC metadata block at offset " + pos + " declares " + length
                        + " bytes but only " + (size - pos - 4) + " follow");
            }
            if (count == 0) {
                if (type != STREAMINFO || length < 34) {
                    throw in.error("the FLAC stream does not start with a valid STREAMINFO block");
                }
                info = in.read(pos + 4, 34, ByteOrder.BIG_ENDIAN, "FLAC STREAMINFO block");
            }
            pos += 4 + length;
        }
        long packed = info.getLong(10);
        int rate = (int) (packed >>> 44);
        int channels = (int) ((packed >>> 41) & 7) + 1;
        int bits = (int) ((packed >>> 36) & 31) + 1;
        long declaredFrames = packed & 0xF_FFFF_FFFFL;
        if (rate == 0) {
            throw in.error("the FLAC STREAMINFO declares a sample rate of 0 Hz");
        }
        if (bits < 4 || bits > 24) {
            throw in.error("FLAC with " + bits + " bits per sample is not supported (4 to 24 are)");
        }
        return decode(in, info, pos, rate, channels, bits, declaredFrames);
    }

    private static Recording decode(FileBytes in, ByteBuffer info, long framesStart, int rate, int channels, int bits,
            long declaredFrames) throws IOException {
        Path temp = Files.createTempFile("echoic-flac-", ".f32");
        temp.toFile().deleteOnExit();
        boolean ok = false;
        try (FileChannel src = FileChannel.open(in.path(), StandardOpenOption.READ);
                FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            byte[] head = new byte[4 + 4 + 34];
            head[0] = 'f';
            head[1] = 'L';
            head[2] = 'a';
            head[3] = 'C';
            head[4] = (byte) 0x80;
            head[7] = 34;
            info.get(0, head, 8, 34);
            InputStream stream = new SequenceInputStream(new ByteArrayInputStream(head),
                    new BufferedInputStream(Channels.newInputStream(src.position(framesStart)), 1 << 16));
            FLACDecoder decoder = new FLACDecoder(stream);
            ErrorCounter errors = new ErrorCounter();
            decoder.addFrameListener(errors);
            decoder.readMetadata();
            long frames = writeFloats(in, decoder, out, channels, bits);
            if (declaredFrames > 0 && frames < declaredFrames) {
                throw in.error("truncated: the FLAC stream declares " + declaredFrames + " frames but only "
                        + frames + " could be decoded");
            }
            int bad = decoder.getBadFrames() + errors.count;
            if (bad > 0) {
                throw in.error("corrupt: " + bad + " FLAC frame(s) failed their checks (" + errors.first + ")");
            }
            if (frames == 0 && declaredFrames > 0) {
                throw in.error("has no decodable FLAC audio frames");
            }
            PcmLayout layout = new PcmLayout(SampleEncoding.FLOAT32, ByteOrder.LITTLE_ENDIAN, channels, 0, frames);
            Recording r = MappedPcmRecording.map(temp, layout,
                    new MappedPcmRecording.Source(in.path(), "flac", reportedEncoding(bits), bits, rate),
                    () -> deleteQuietly(temp));
            ok = true;
            return r;
        } finally {
            if (!ok) {
                deleteQuietly(temp);
            }
        }
    }

    private static long writeFloats(FileBytes in, FLACDecoder decoder, FileChannel out, int channels, int bits)
            throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
        float scale = Math.scalb(1f, 1 - bits);
        long frames = 0;
        for (Frame f = decoder.readNextFrame(); f != null; f = decoder.readNextFrame()) {
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw in.error("decoding was interrupted");
            }
            if (f.header.channels != channels || f.header.bitsPerSample != bits) {
                throw in.error("corrupt: a FLAC frame at sample " + frames + " has " + f.header.channels
                        + " channels of " + f.header.bitsPerSample + " bits, the stream " + channels + " of " + bits);
            }
            ChannelData[] data = decoder.getChannelData();
            int n = f.header.blockSize;
            for (int i = 0; i < n; i++) {
                if (buf.remaining() < 4 * channels) {
                    writeAll(out, buf);
                }
                for (int c = 0; c < channels; c++) {
                    buf.putFloat(data[c].getOutput()[i] * scale);
                }
            }
            frames += n;
        }
        writeAll(out, buf);
        return frames;
    }

    private static void writeAll(FileChannel out, ByteBuffer buf) throws IOException {
        buf.flip();
        while (buf.hasRemaining()) {
            out.write(buf);
        }
        buf.clear();
    }

    /** Counts the decoder's reported errors (CRC mismatches zero the frame instead of throwing). */
    private static final class ErrorCounter implements FrameListener {
        int count;
        String first = "damaged or cut audio data";

        @Override
        public void processMetadata(Metadata metadata) {
            // metadata was validated before decoding
        }

        @Override
        public void processFrame(Frame frame) {
            // frames are taken from the decoder's channel data
        }

        @Override
        public void processError(String message) {
            if (count++ == 0 && message != null && !message.contains("java.") && !message.contains("Exception")) {
                first = message.trim();
            }
        }
    }

    private static SampleEncoding reportedEncoding(int bits) {
        return bits <= 8 ? SampleEncoding.PCM_S8 : bits <= 16 ? SampleEncoding.PCM_S16 : SampleEncoding.PCM_S24;
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            temp.toFile().deleteOnExit();
        }
    }
}
