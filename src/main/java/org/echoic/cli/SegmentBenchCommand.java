package org.echoic.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.echoic.audio.Recording;
import org.echoic.audio.SampleEncoding;
import org.echoic.io.AudioFiles;
import org.echoic.io.Json;
import org.echoic.render.SegmentOverlayRenderer;
import org.echoic.render.Viewport;
import org.echoic.segment.SegmentEdits;
import org.echoic.segment.SegmentationModel;
import org.echoic.segment.SegmentationParams;
import org.echoic.segment.SegmentationResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code echoic bench segment [FILE]}: times the envelope of FILE (or of a generated 1-hour 44.1 kHz
 * recording with calls, produced on the fly) with two threads, and re-segmentation after changes of the
 * percentile, spacing, lengths and buffer; prints one JSON object.
 */
@Command(name = "segment", mixinStandardHelpOptions = true,
        description = "Benchmark envelope computation and live re-segmentation.")
public final class SegmentBenchCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "FILE", description = "A recording (default: a generated 1-hour signal).")
    Path file;

    @Option(names = "--seconds", defaultValue = "3600", description = "Length of the generated signal (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--loop-seconds", description = "Repeat FILE (streamed, not copied) to this length.")
    Double loopSeconds;

    @Override
    public Integer call() throws Exception {
        Recording opened = file == null ? new GeneratedCalls(44100, Math.round(seconds * 44100)) : AudioFiles.open(file);
        Recording rec = loopSeconds == null ? opened
                : new LoopedRecording(opened, Math.round(loopSeconds * opened.sampleRateHz()));
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "bench-envelope");
            t.setDaemon(true);
            return t;
        });
        Map<String, Object> json = new LinkedHashMap<>();
        try (rec; SegmentationModel model = new SegmentationModel(rec)) {
            SegmentationParams p = SegmentationParams.DEFAULTS;
            long t0 = System.nanoTime();
            model.computeEnvelope(p.envelopeSpec(), pool, null);
            double envelopeSeconds = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            SegmentationResult first = model.segments(p);
            double firstSeconds = (System.nanoTime() - t0) / 1e9;
            List<SegmentationParams> changes = List.of(p.withPercentile(85), p.withPercentile(92),
                    p.withPercentile(95), p.withPercentile(97.5), p.withMinSpacingMs(5), p.withMinSpacingMs(10),
                    p.withMinLengthMs(10), p.withMinLengthMs(25), p.withMaxLengthMs(300), p.withMaxLengthMs(1000),
                    p.withBufferMs(0), p.withBufferMs(10), p.withThresholdDbfs(-30), p);
            double[] times = new double[changes.size()];
            List<Integer> counts = new ArrayList<>();
            for (int i = 0; i < times.length; i++) {
                t0 = System.nanoTime();
                counts.add(model.segments(changes.get(i)).segments().size());
                times[i] = (System.nanoTime() - t0) / 1e9;
            }
            double[] overlay = overlayRepaintMs(model, first, rec);
            double[] sorted = times.clone();
            Arrays.sort(sorted);
            Runtime rt = Runtime.getRuntime();
            System.gc();
            long heapUsed = rt.totalMemory() - rt.freeMemory();
            json.put("recording", file == null ? "generated" : file.toString());
            json.put("loopSeconds", loopSeconds);
            json.put("frames", rec.frames());
            json.put("sampleRateHz", rec.sampleRateHz());
            json.put("envelopeSeconds", envelopeSeconds);
            json.put("firstSegmentationSeconds", firstSeconds);
            json.put("resegmentSeconds", sorted[sorted.length / 2]);
            json.put("resegmentMaxSeconds", sorted[sorted.length - 1]);
            json.put("resegmentAllSeconds", times);
            json.put("segments", first.segments().size());
            json.put("segmentsPerChange", counts);
            json.put("thresholdDbfs", first.thresholdDbfs());
            json.put("overlayRepaintMs", overlay[0]);
            json.put("overlayRepaintMaxMs", overlay[1]);
            json.put("overlayRepaintZoomedMs", overlay[2]);
            json.put("heapUsedBytes", heapUsed);
            json.put("heapMaxBytes", rt.maxMemory());
            json.put("availableProcessors", rt.availableProcessors());
        } finally {
            pool.shutdownNow();
        }
        System.out.println(Json.line(json));
        return 0;
    }

    /**
     * One repaint of the workbench's segment layers for the whole recording in a 1600 × 200 lane: replaying (no)
     * manual edits over the segments, laying them out, blending them into an ARGB buffer and taking the envelope's
     * column maxima; {median, max} over 21 repaints at fit-all, then the median for a 10-second view.
     */
    static double[] overlayRepaintMs(SegmentationModel model, SegmentationResult result, Recording rec) {
        int width = 1600;
        int height = 200;
        int[] argb = new int[width * height];
        double[] out = new double[3];
        for (int pass = 0; pass < 2; pass++) {
            Viewport vp = Viewport.fitAll(rec.frames(), rec.sampleRateHz(), width);
            if (pass == 1) {
                long mid = rec.frames() / 2;
                vp = vp.showRange(mid, Math.min(rec.frames(), mid + Math.round(10 * rec.sampleRateHz())));
            }
            double[] ms = new double[21];
            for (int i = 0; i < ms.length; i++) {
                long t0 = System.nanoTime();
                List<SegmentEdits.Item> items = SegmentEdits.replay(result.segments(), List.of()).items();
                SegmentOverlayRenderer.Spans spans = SegmentOverlayRenderer.layout(items, vp, width);
                SegmentOverlayRenderer.fill(argb, width, height, spans, 0x3350DC8C, 0x40FFAA3C, 0x50DC8C);
                model.envelope().columnMaxima(vp.startFrame(), vp.framesPerPixel(), width);
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
            Arrays.sort(ms);
            if (pass == 0) {
                out[0] = ms[ms.length / 2];
                out[1] = ms[ms.length - 1];
            } else {
                out[2] = ms[ms.length / 2];
            }
        }
        return out;
    }

    /** A recording repeated end to end up to a length, read from the source on demand (nothing copied). */
    static final class LoopedRecording implements Recording {
        private final Recording source;
        private final long frames;

        LoopedRecording(Recording source, long frames) {
            if (source.frames() == 0) {
                throw new IllegalArgumentException(source.path() + ": no frames to loop");
            }
            this.source = source;
            this.frames = frames;
        }

        @Override
        public Path path() {
            return source.path();
        }

        @Override
        public String container() {
            return source.container();
        }

        @Override
        public SampleEncoding encoding() {
            return source.encoding();
        }

        @Override
        public int channels() {
            return source.channels();
        }

        @Override
        public double sampleRateHz() {
            return source.sampleRateHz();
        }

        @Override
        public long frames() {
            return frames;
        }

        @Override
        public void read(long startFrame, int frameCount, int channel, float[] dst, int dstOffset) {
            checkRead(startFrame, frameCount, channel, dst, dstOffset);
            long period = source.frames();
            int done = 0;
            while (done < frameCount) {
                long at = (startFrame + done) % period;
                int n = (int) Math.min(frameCount - done, period - at);
                source.read(at, n, channel, dst, dstOffset + done);
                done += n;
            }
        }

        @Override
        public void close() {
            source.close();
        }
    }

    /**
     * A synthetic recording computed on the fly: a 10 s pattern (seeded noise at −54 dBFS and tone calls
     * of 20–300 ms with raised-cosine edges covering about a third of the time) repeated.
     */
    static final class GeneratedCalls implements Recording {
        private final double rate;
        private final long frames;
        private final float[] pattern;

        GeneratedCalls(double rate, long frames) {
            this.rate = rate;
            this.frames = frames;
            pattern = new float[(int) (rate * 10)];
            Random r = new Random(42);
            for (int i = 0; i < pattern.length; i++) {
                pattern[i] = (float) (0.002 * (2 * r.nextDouble() - 1));
            }
            int pos = (int) (0.1 * rate);
            while (pos < pattern.length - rate) {
                int len = (int) (rate * (0.02 + 0.28 * r.nextDouble()));
                double f = 1000 + 6000 * r.nextDouble();
                double amp = 0.1 + 0.6 * r.nextDouble();
                int ramp = Math.min(len / 2, (int) (0.005 * rate));
                for (int i = 0; i < len; i++) {
                    double g = i < ramp ? 0.5 - 0.5 * Math.cos(Math.PI * i / ramp)
                            : i >= len - ramp ? 0.5 - 0.5 * Math.cos(Math.PI * (len - 1 - i) / ramp) : 1;
                    pattern[pos + i] += (float) (amp * g * Math.sin(2 * Math.PI * f * i / rate));
                }
                pos += len + (int) (rate * (0.05 + 0.5 * r.nextDouble()));
            }
        }

        @Override
        public Path path() {
            return Path.of("generated-calls");
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
            return rate;
        }

        @Override
        public long frames() {
            return frames;
        }

        @Override
        public void read(long startFrame, int frameCount, int channel, float[] dst, int dstOffset) {
            checkRead(startFrame, frameCount, channel, dst, dstOffset);
            int done = 0;
            while (done < frameCount) {
                int at = (int) ((startFrame + done) % pattern.length);
                int n = Math.min(frameCount - done, pattern.length - at);
                System.arraycopy(pattern, at, dst, dstOffset + done, n);
                done += n;
            }
        }

        @Override
        public void close() {
            // nothing to release
        }
    }
}
