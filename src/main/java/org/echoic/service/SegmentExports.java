package org.echoic.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.echoic.audio.ArrayRecording;
import org.echoic.audio.Recording;
import org.echoic.dsp.Spectrogram;
import org.echoic.dsp.Stft;
import org.echoic.dsp.StftParams;
import org.echoic.io.AnnotationFormat;
import org.echoic.io.AtomicFiles;
import org.echoic.io.NpyWriter;
import org.echoic.io.WavWriter;
import org.echoic.segment.Annotation;
import org.echoic.segment.Segment;

/**
 * Exports of segments shared by the workbench and {@code echoic segment}: tables (Raven, Audacity, CSV), each
 * segment's audio as a WAV file (all channels, 32-bit float) and each segment's spectrogram as {@code .npy} (float32,
 * shape (frequency, time), default STFT 256/128 Hann PSD). Files are named {@code <base>.seg0001.wav} /
 * {@code .npy} after the segment's position in the list (from 1) and written atomically. Long work: call off the
 * JavaFX thread; stops with {@link InterruptedException}. Stateless.
 */
public final class SegmentExports {

    /**
     * What an export wrote.
     *
     * @param written the files written, in segment order
     * @param skipped one line per segment that could not be exported, saying why
     */
    public record Outcome(List<Path> written, List<String> skipped) {
        public Outcome {
            written = List.copyOf(written);
            skipped = List.copyOf(skipped);
        }
    }

    private SegmentExports() {
    }

    /** Writes the segments of a recording at {@code sampleRateHz} as a table; unset Raven bands span 0–Nyquist. */
    public static void writeTable(Path file, AnnotationFormat format, List<Segment> segments, double sampleRateHz)
            throws IOException {
        List<Annotation> ann = new ArrayList<>(segments.size());
        for (Segment s : segments) {
            ann.add(Annotation.of(s, sampleRateHz));
        }
        format.write(file, ann, sampleRateHz / 2);
    }

    /** The file of segment {@code index} (0-based) in {@code dir}: {@code <base>.seg0001.<extension>}. */
    public static Path fileFor(Path dir, String baseName, int index, String extension) {
        return dir.resolve(String.format(Locale.ROOT, "%s.seg%04d.%s", baseName, index + 1, extension));
    }

    /** Writes every segment's audio (all channels of the recording) as 32-bit float WAV files in {@code dir}. */
    public static Outcome writeAudio(Path dir, String baseName, Recording rec, List<Segment> segments)
            throws IOException, InterruptedException {
        List<String> skipped = new ArrayList<>();
        List<Path> written = AtomicFiles.allOrNothing(dir, (stage, files) -> {
            writeAudio(stage, baseName, rec, segments, files, skipped);
        });
        return new Outcome(written, skipped);
    }

    private static void writeAudio(Path dir, String baseName, Recording rec, List<Segment> segments, List<Path> written,
                                   List<String> skipped) throws IOException, InterruptedException {
        for (int i = 0; i < segments.size(); i++) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            Segment s = segments.get(i);
            long end = Math.min(s.endFrame(), rec.frames());
            if (end <= s.startFrame() || end - s.startFrame() > Integer.MAX_VALUE - 8) {
                skipped.add(describe(i, s, rec) + ": empty or too long for one file");
                continue;
            }
            int n = (int) (end - s.startFrame());
            float[][] channels = new float[rec.channels()][n];
            for (int c = 0; c < channels.length; c++) {
                rec.read(s.startFrame(), n, c, channels[c], 0);
            }
            Path target = fileFor(dir, baseName, i, "wav");
            WavWriter.write(target, new ArrayRecording(target, rec.sampleRateHz(), channels), WavWriter.Format.FLOAT32);
            written.add(target);
        }
    }

    /**
     * Writes every segment's spectrogram of {@code channel} (or the mean) as {@code .npy} in {@code dir}; segments
     * shorter than one STFT segment are skipped.
     */
    public static Outcome writeSpectrograms(Path dir, String baseName, Recording rec, int channel,
                                            List<Segment> segments, StftParams stft)
            throws IOException, InterruptedException {
        List<String> skipped = new ArrayList<>();
        List<Path> written = AtomicFiles.allOrNothing(dir, (stage, files) -> {
            writeSpectrograms(stage, baseName, rec, channel, segments, stft, files, skipped);
        });
        return new Outcome(written, skipped);
    }

    private static void writeSpectrograms(Path dir, String baseName, Recording rec, int channel, List<Segment> segments,
                                          StftParams stft, List<Path> written, List<String> skipped)
            throws IOException, InterruptedException {
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            long end = Math.min(s.endFrame(), rec.frames());
            if (stft.frameCount(Math.max(0, end - s.startFrame())) == 0) {
                skipped.add(describe(i, s, rec) + ": shorter than one STFT segment of " + stft.nperseg() + " samples");
                continue;
            }
            Spectrogram sg = Stft.spectrogram(rec, channel, s.startFrame(), end, stft, null, 1, null);
            Path target = fileFor(dir, baseName, i, "npy");
            NpyWriter.writeFloat32(target, sg.values(), sg.bins(), sg.frames());
            written.add(target);
        }
    }

    private static String describe(int index, Segment s, Recording rec) {
        return String.format(Locale.ROOT, "%s segment %d (%.6f–%.6f s)", rec.path().getFileName(), index + 1,
                s.startSeconds(rec.sampleRateHz()), s.endSeconds(rec.sampleRateHz()));
    }
}
