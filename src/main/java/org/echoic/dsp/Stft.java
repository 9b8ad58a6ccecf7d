package org.echoic.dsp;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.DoubleConsumer;

import org.echoic.audio.Recording;

/**
 * The STFT engine: splits the frames of a sample range into chunks and runs them on the caller's
 * {@link Executor} (the service owns executors; this class starts no threads; with a null executor the
 * calling thread does all the work). Each chunk owns one {@link StftWorker} (per-thread scratch, no
 * per-frame allocation). Numbers equal {@code scipy.signal.spectrogram}'s for the same parameters.
 * Stateless; thread-safe.
 */
public final class Stft {

    /**
     * Receives computed columns, time-major: column j's bins at {@code block[j * bins …]}. Called from
     * executor threads, concurrently for disjoint frame ranges; the block is reused after the call returns.
     */
    @FunctionalInterface
    public interface ColumnSink {
        void accept(long firstFrame, int count, float[] block, float[] imagBlock);
    }

    private Stft() {
    }

    /**
     * Computes the spectrogram of samples {@code [startSample, endSample)} of {@code channel}
     * ({@link Recording#MEAN_CHANNEL} for the mean), in (frequency, time) layout.
     *
     * @param executor    runs the chunks (null: the calling thread)
     * @param parallelism how many chunks per thread of the executor to expect (≥ 1)
     * @param progress    receives the fraction done in [0, 1] on the calling thread (may be null)
     * @throws IllegalArgumentException if the range is shorter than one segment or the result is too large
     */
    public static Spectrogram spectrogram(Recording rec, int channel, long startSample, long endSample,
                                          StftParams params, Executor executor, int parallelism,
                                          DoubleConsumer progress) throws InterruptedException {
        checkRange(rec, startSample, endSample);
        long frames = params.frameCount(endSample - startSample);
        if (frames == 0) {
            throw new IllegalArgumentException("the selection (" + (endSample - startSample)
                    + " samples) is shorter than one segment (nperseg=" + params.nperseg() + ")");
        }
        int bins = params.bins();
        if (frames * bins > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("spectrogram of " + frames + " frames x " + bins
                    + " bins is too large for one array; choose a shorter range");
        }
        int t = (int) frames;
        float[] values = new float[t * bins];
        float[] imag = params.mode() == StftParams.Mode.COMPLEX ? new float[t * bins] : null;
        run(rec, channel, startSample, 0, frames, params, executor, parallelism, progress,
                (first, count, block, imagBlock) -> {
                    for (int j = 0; j < count; j++) {
                        int col = (int) first + j;
                        for (int k = 0; k < bins; k++) {
                            values[k * t + col] = block[j * bins + k];
                        }
                        if (imag != null) {
                            for (int k = 0; k < bins; k++) {
                                imag[k * t + col] = imagBlock[j * bins + k];
                            }
                        }
                    }
                });
        return new Spectrogram(params, rec.sampleRateHz(), startSample, bins, t, values, imag);
    }

    /**
     * Computes frames {@code [firstFrame, firstFrame + frameCount)} where frame k starts at sample
     * {@code originSample + k * hop}, and hands them to {@code sink} in blocks.
     *
     * @throws InterruptedException if interrupted while waiting; running chunks stop at their next block
     */
    public static void run(Recording rec, int channel, long originSample, long firstFrame, long frameCount,
                           StftParams params, Executor executor, int parallelism, DoubleConsumer progress,
                           ColumnSink sink) throws InterruptedException {
        if (frameCount <= 0) {
            return;
        }
        checkRange(rec, originSample + firstFrame * params.hop(),
                originSample + (firstFrame + frameCount - 1) * params.hop() + params.nperseg());
        AtomicBoolean cancelled = new AtomicBoolean();
        if (executor == null) {
            runChunk(rec, channel, originSample, firstFrame, frameCount, params, sink, cancelled);
            if (Thread.interrupted()) {
                throw new InterruptedException("STFT interrupted");
            }
            report(progress, 1);
            return;
        }
        int chunks = (int) Math.max(1, Math.min(Math.max(1, parallelism) * 4L,
                (frameCount + StftWorker.BLOCK_FRAMES - 1) / StftWorker.BLOCK_FRAMES));
        ExecutorCompletionService<Void> ecs = new ExecutorCompletionService<>(executor);
        List<Future<Void>> futures = new ArrayList<>(chunks);
        for (int c = 0; c < chunks; c++) {
            long a = firstFrame + frameCount * c / chunks;
            long b = firstFrame + frameCount * (c + 1) / chunks;
            futures.add(ecs.submit(() -> {
                runChunk(rec, channel, originSample, a, b - a, params, sink, cancelled);
                return null;
            }));
        }
        try {
            for (int done = 1; done <= chunks; done++) {
                ecs.take().get();
                report(progress, done / (double) chunks);
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } catch (CancellationException e) {
            throw new InterruptedException("STFT cancelled");
        } finally {
            cancelled.set(true);
            for (Future<Void> f : futures) {
                f.cancel(false);
            }
        }
    }

    private static void runChunk(Recording rec, int channel, long originSample, long first, long count,
                                 StftParams params, ColumnSink sink, AtomicBoolean cancelled) {
        StftWorker worker = new StftWorker(params);
        int bins = params.bins();
        float[] block = new float[StftWorker.BLOCK_FRAMES * bins];
        float[] imag = params.mode() == StftParams.Mode.COMPLEX ? new float[block.length] : null;
        for (long f = first; f < first + count; f += StftWorker.BLOCK_FRAMES) {
            if (cancelled.get() || Thread.currentThread().isInterrupted()) {
                return;
            }
            int n = (int) Math.min(StftWorker.BLOCK_FRAMES, first + count - f);
            worker.compute(rec, channel, originSample, f, n, rec.sampleRateHz(), block, imag, 0);
            sink.accept(f, n, block, imag);
        }
    }

    private static void report(DoubleConsumer progress, double fraction) {
        if (progress != null) {
            progress.accept(fraction);
        }
    }

    private static void checkRange(Recording rec, long start, long end) {
        if (start < 0 || end > rec.frames() || start > end) {
            throw new IllegalArgumentException("sample range [" + start + ", " + end + ") outside the recording "
                    + rec.path() + " of " + rec.frames() + " samples");
        }
    }
}
