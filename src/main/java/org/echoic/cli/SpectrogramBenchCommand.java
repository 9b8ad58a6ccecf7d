package org.echoic.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.DoubleAdder;

import org.echoic.audio.Recording;
import org.echoic.audio.SampleEncoding;
import org.echoic.dsp.ColorMap;
import org.echoic.dsp.Stft;
import org.echoic.dsp.StftParams;
import org.echoic.io.AudioFiles;
import org.echoic.io.Json;
import org.echoic.render.FrequencyAxis;
import org.echoic.render.SpectrogramRenderParams;
import org.echoic.render.SpectrogramRenderer;
import org.echoic.render.SpectrogramTileCache;
import org.echoic.render.SpectrogramTileKey;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code echoic bench spectrogram [FILE]}: full 256/128 Hann PSD STFT of a 1-hour 44.1 kHz signal (or
 * FILE) on a fixed number of threads, then the median time to paint a whole-file 1920x400 view from
 * cached tiles, and of a 10-second view; heap in use after a GC. Prints one JSON object.
 */
@Command(name = "spectrogram", mixinStandardHelpOptions = true,
        description = "Time the full STFT and the tile-cache paint of a 1-hour 44.1 kHz signal (or FILE).")
public final class SpectrogramBenchCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "Audio file (default: generated).")
    Path file;

    @Option(names = "--threads", description = "STFT threads (default ${DEFAULT-VALUE}).")
    int threads = 2;

    @Option(names = "--seconds", description = "Length of the generated signal (default ${DEFAULT-VALUE}).")
    double seconds = 3600;

    @Override
    public Integer call() throws Exception {
        StftParams params = StftParams.DEFAULT;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (Recording rec = file == null ? new LoopedRecording(44100, Math.round(seconds * 44100)) : AudioFiles.open(file)) {
            long frames = params.frameCount(rec.frames());
            DoubleAdder checksum = new DoubleAdder();
            long cpu0 = processCpuNanos();
            long t0 = System.nanoTime();
            Stft.run(rec, Recording.MEAN_CHANNEL, 0, 0, frames, params, pool, threads, null,
                    (first, count, block, imag) -> checksum.add(block[0]));
            double stftSeconds = (System.nanoTime() - t0) / 1e9;
            double stftCpuSeconds = (processCpuNanos() - cpu0) / 1e9;

            SpectrogramTileCache cache = new SpectrogramTileCache(64L << 20);
            SpectrogramRenderParams rp = new SpectrogramRenderParams(0, rec.frames(), 1920, 400, 0,
                    rec.sampleRateHz() / 2, FrequencyAxis.LINEAR, ColorMap.VIRIDIS, Double.NaN, 80);
            Object key = rec.path();
            long t1 = System.nanoTime();
            fill(cache, rec, key, params, rp, pool);
            double tileSeconds = (System.nanoTime() - t1) / 1e9;
            SpectrogramRenderer renderer = new SpectrogramRenderer(cache);
            double[] ms = paintTimes(renderer, rec, key, params, rp);
            long mid = rec.frames() / 2;
            SpectrogramRenderParams zoomed = new SpectrogramRenderParams(mid, Math.min(rec.frames(),
                    mid + Math.round(10 * rec.sampleRateHz())), 1920, 400, 0, rec.sampleRateHz() / 2,
                    FrequencyAxis.LINEAR, ColorMap.VIRIDIS, Double.NaN, 80);
            fill(cache, rec, key, params, zoomed, pool);
            double[] zoomedMs = paintTimes(renderer, rec, key, params, zoomed);
            int missing = renderer.paint(key, Recording.MEAN_CHANNEL, params, rec.sampleRateHz(), rec.frames(), rp,
                    new int[1920 * 400]).size();
            Runtime rt = Runtime.getRuntime();
            System.gc();
            long heapUsed = rt.totalMemory() - rt.freeMemory();
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("benchmark", "spectrogram");
            out.put("source", file == null ? "generated" : file.toString());
            out.put("durationSeconds", rec.durationSeconds());
            out.put("sampleRateHz", rec.sampleRateHz());
            out.put("threads", threads);
            out.put("nperseg", params.nperseg());
            out.put("noverlap", params.noverlap());
            out.put("stftFrames", frames);
            out.put("seconds", stftSeconds);
            out.put("framesPerSecond", frames / stftSeconds);
            out.put("stftCpuSeconds", stftCpuSeconds);
            out.put("systemLoadAverage", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                    .getSystemLoadAverage());
            out.put("tileComputeSeconds", tileSeconds);
            out.put("tileLevel", SpectrogramRenderer.levelFor(params, rp.samplesPerPixel()));
            out.put("tiles", cache.size());
            out.put("cacheBytes", cache.bytes());
            out.put("tileRenderMs", ms[ms.length / 2]);
            out.put("tileRenderMaxMs", ms[ms.length - 1]);
            out.put("tileRenderZoomed10sMs", zoomedMs[zoomedMs.length / 2]);
            out.put("cacheMaxBytes", cache.maxBytes());
            out.put("heapUsedBytes", heapUsed);
            out.put("maxHeapBytes", rt.maxMemory());
            out.put("missingTiles", missing);
            out.put("checksum", checksum.sum());
            out.put("availableProcessors", Runtime.getRuntime().availableProcessors());
            System.out.println(Json.line(out));
        } finally {
            pool.shutdownNow();
        }
        return 0;
    }

    /** CPU time of the whole process (all threads), or -1 where the JVM does not report it. */
    private static long processCpuNanos() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    private static void fill(SpectrogramTileCache cache, Recording rec, Object key, StftParams params,
                             SpectrogramRenderParams rp, ExecutorService pool) throws Exception {
        List<Future<?>> jobs = new ArrayList<>();
        for (SpectrogramTileKey k : SpectrogramRenderer.tilesFor(key, Recording.MEAN_CHANNEL, params, rec.frames(), rp)) {
            jobs.add(pool.submit(() -> cache.getOrCompute(rec, k)));
        }
        for (Future<?> f : jobs) {
            f.get();
        }
    }

    /** Sorted times of 41 paints of {@code rp} from the cache, in ms. */
    private static double[] paintTimes(SpectrogramRenderer renderer, Recording rec, Object key, StftParams params,
                                       SpectrogramRenderParams rp) {
        int[] argb = new int[rp.width() * rp.height()];
        double[] ms = new double[41];
        for (int i = 0; i < ms.length; i++) {
            long s = System.nanoTime();
            renderer.paint(key, Recording.MEAN_CHANNEL, params, rec.sampleRateHz(), rec.frames(), rp, argb);
            ms[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    /** A long signal generated from a 10-second loop (a chirp, a tone and calls) without a long array. */
    static final class LoopedRecording implements Recording {
        private final double rate;
        private final long frames;
        private final float[] loop;

        LoopedRecording(double rate, long frames) {
            this.rate = rate;
            this.frames = frames;
            this.loop = new float[(int) (10 * rate)];
            java.util.Random rnd = new java.util.Random(7);
            for (int i = 0; i < loop.length; i++) {
                double t = i / rate;
                double call = (t % 1.0) < 0.08 ? 0.5 * Math.sin(2 * Math.PI * (3000 + 20000 * (t % 1.0)) * t) : 0;
                loop[i] = (float) (0.2 * Math.sin(2 * Math.PI * 1000 * t) + call + 0.01 * rnd.nextGaussian());
            }
        }

        @Override
        public Path path() {
            return Path.of("generated-1h-44100.wav");
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
                int pos = (int) ((startFrame + done) % loop.length);
                int n = Math.min(frameCount - done, loop.length - pos);
                System.arraycopy(loop, pos, dst, dstOffset + done, n);
                done += n;
            }
        }

        @Override
        public void close() {
            // nothing to release
        }
    }
}
