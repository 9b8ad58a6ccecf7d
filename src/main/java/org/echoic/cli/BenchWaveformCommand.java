package org.echoic.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

import org.echoic.audio.Recording;
import org.echoic.audio.SampleEncoding;
import org.echoic.audio.SummaryPyramid;
import org.echoic.io.Json;
import org.echoic.io.WavWriter;
import org.echoic.render.Viewport;
import org.echoic.render.WaveformParams;
import org.echoic.render.WaveformRenderer;
import org.echoic.service.AppExecutors;
import org.echoic.service.OpenOutcome;
import org.echoic.service.OpenRecording;
import org.echoic.service.RecentFiles;
import org.echoic.service.RecordingService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code echoic bench waveform [FILE]}: how fast a long recording opens and draws. Without FILE it writes a
 * 1-hour and a 10-minute 44.1 kHz 16-bit mono WAV (streamed from a generated signal) into a temporary folder,
 * deleted afterwards. Prints one JSON object: time to the first drawable overview, the full pyramid build, the
 * median paint of a 1920×300 screen at fit-all, 1 s and 10 ms per screen, and the heap used after opening.
 */
@Command(name = "waveform", mixinStandardHelpOptions = true,
        description = "Benchmark opening and drawing a long recording (a generated 1-hour WAV unless FILE is given).")
public final class BenchWaveformCommand implements Runnable {
    private static final int WIDTH = 1920;
    private static final int HEIGHT = 300;
    private static final int PAINTS = 40;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "A recording to use instead of the generated one.")
    Path file;

    @Override
    public void run() {
        try {
            Map<String, Object> out = new LinkedHashMap<>();
            if (file != null) {
                out.put("file", file.toString());
                out.putAll(measure(file, ""));
            } else {
                Path dir = Files.createTempDirectory("echoic-bench-waveform");
                try {
                    Path hour = dir.resolve("hour.wav");
                    Path tenMinutes = dir.resolve("ten-minutes.wav");
                    long t0 = System.nanoTime();
                    WavWriter.write(hour, new GeneratedRecording(3600L * 44_100), WavWriter.Format.PCM16);
                    WavWriter.write(tenMinutes, new GeneratedRecording(600L * 44_100), WavWriter.Format.PCM16);
                    out.put("file", "generated 1 h + 10 min, 44.1 kHz 16-bit mono");
                    out.put("writeSeconds", seconds(t0));
                    out.putAll(measure(hour, ""));
                    out.putAll(measure(tenMinutes, "Short"));
                } finally {
                    deleteTree(dir);
                }
            }
            System.out.println(Json.line(out));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static Map<String, Object> measure(Path wav, String suffix)
            throws IOException, InterruptedException, ExecutionException {
        Map<String, Object> out = new LinkedHashMap<>();
        Path settings = Files.createTempDirectory("echoic-bench-settings");
        try (AppExecutors executors = new AppExecutors(2);
             RecordingService service = new RecordingService(executors, new RecentFiles(settings.resolve("recent.txt")))) {
            gc();
            long t0 = System.nanoTime();
            OpenOutcome outcome = service.open(List.of(wav)).get();
            if (!outcome.errors().isEmpty()) {
                throw new IOException(outcome.errors().get(0));
            }
            double opened = seconds(t0);
            OpenRecording open = outcome.opened().get(0);
            SummaryPyramid pyramid = open.pyramid(open.defaultChannel());
            while (pyramid.validFrames() == 0) {
                Thread.onSpinWait();
            }
            double firstOverview = seconds(t0);
            while (!pyramid.isComplete()) {
                if (open.buildError(pyramid.channel()) != null) {
                    throw new IOException(open.buildError(pyramid.channel()));
                }
                Thread.sleep(1);
            }
            double built = seconds(t0);
            out.put("buildAfterOpenSeconds" + suffix, built - opened);
            Recording rec = open.recording();
            out.put("durationSeconds" + suffix, rec.durationSeconds());
            out.put("openSeconds" + suffix, opened);
            out.put("firstOverviewSeconds" + suffix, firstOverview);
            out.put("pyramidSeconds" + suffix, built);
            out.put("baseBinFrames" + suffix, pyramid.baseBinFrames());
            out.put("pyramidMb" + suffix, pyramid.sizeBytes() / 1048576.0);
            Viewport fit = Viewport.fitAll(rec.frames(), rec.sampleRateHz(), WIDTH);
            double mid = rec.frames() / 2.0;
            out.put("repaintMsFitAll" + suffix, medianPaintMs(pyramid, fit));
            out.put("repaintMs1s" + suffix, medianPaintMs(pyramid, fit.showRange(mid, mid + rec.sampleRateHz())));
            out.put("repaintMs10ms" + suffix, medianPaintMs(pyramid, fit.showRange(mid, mid + rec.sampleRateHz() / 100)));
            gc();
            Runtime rt = Runtime.getRuntime();
            out.put("heapUsedMbAfterOpen" + suffix, (rt.totalMemory() - rt.freeMemory()) / 1048576.0);
        } finally {
            deleteTree(settings);
        }
        return out;
    }

    private static double medianPaintMs(SummaryPyramid pyramid, Viewport vp) {
        WaveformRenderer renderer = new WaveformRenderer();
        int[] argb = new int[WIDTH * HEIGHT];
        double[] ms = new double[PAINTS];
        for (int i = 0; i < PAINTS / 2; i++) {
            renderer.render(pyramid, vp, HEIGHT, WaveformParams.DEFAULT, argb);
        }
        for (int i = 0; i < PAINTS; i++) {
            long t = System.nanoTime();
            renderer.render(pyramid, vp.withStartFrame(vp.startFrame() + i), HEIGHT, WaveformParams.DEFAULT, argb);
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms[PAINTS / 2];
    }

    private static void gc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * A mono 44.1 kHz signal computed on the fly (never held in memory): a 3 kHz tone burst with a decaying
     * envelope every 2 s over low pseudo-random noise, and a single full-scale click every 10 minutes.
     */
    static final class GeneratedRecording implements Recording {
        private final long frames;

        GeneratedRecording(long frames) {
            this.frames = frames;
        }

        @Override
        public Path path() {
            return Path.of("generated.wav");
        }

        @Override
        public String container() {
            return "memory";
        }

        @Override
        public SampleEncoding encoding() {
            return SampleEncoding.FLOAT32;
        }

        @Override
        public int channels() {
            return 1;
        }

        @Override
        public double sampleRateHz() {
            return 44_100;
        }

        @Override
        public long frames() {
            return frames;
        }

        @Override
        public void read(long startFrame, int frameCount, int channel, float[] dst, int dstOffset) {
            checkRead(startFrame, frameCount, channel, dst, dstOffset);
            for (int i = 0; i < frameCount; i++) {
                long f = startFrame + i;
                long inBurst = f % 88_200;
                double burst = inBurst < 22_050 ? 0.5 * Math.exp(-inBurst / 4000.0) * Math.sin(2 * Math.PI * 3000 * f / 44_100.0) : 0;
                long h = (f * 0x9E3779B97F4A7C15L) >>> 40;
                double noise = 0.01 * ((h & 0xFFFF) / 32768.0 - 1);
                dst[dstOffset + i] = f % 26_460_000 == 13_230_000 ? 1f : (float) (burst + noise);
            }
        }

        @Override
        public void close() {
            // nothing to release
        }
    }
}
