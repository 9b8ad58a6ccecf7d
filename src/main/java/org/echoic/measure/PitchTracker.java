package org.echoic.measure;

import be.tarsos.dsp.pitch.McLeodPitchMethod;
import be.tarsos.dsp.pitch.PitchDetectionResult;
import be.tarsos.dsp.pitch.PitchDetector;
import be.tarsos.dsp.pitch.Yin;
import org.echoic.audio.Recording;
import org.echoic.segment.Annotation;
import org.echoic.segment.BandPassRecording;

/**
 * F0 contours of selections with TarsosDSP's YIN or MPM detector. Frames lie on the recording's grid (frame k starts
 * at {@code k·hop}); those whose centre {@code (k·hop + window/2)/fs} lies in [begin, end] and that fit inside the
 * recording are analysed. A selection with a band (Raven's Low/High Freq) is first band-passed to it (zero-phase
 * Butterworth, {@link BandPassRecording}) and only an F0 inside the band counts as voiced, so a louder neighbour
 * outside the box is not tracked. Stateless; thread-safe (one detector per call); runs on the calling thread.
 */
public final class PitchTracker {
    /** Frames read from the recording at once. */
    private static final int CHUNK_FRAMES = 2048;

    private PitchTracker() {
    }

    /**
     * The contour of {@code selection} in {@code channel} ({@link Recording#MEAN_CHANNEL} for the mean).
     *
     * @throws InterruptedException if the thread is interrupted (checked every frame)
     */
    public static PitchContour track(Recording rec, int channel, Annotation selection, PitchParams params)
            throws InterruptedException {
        double fs = rec.sampleRateHz();
        int window = params.windowSamples();
        int hop = params.hopSamples();
        long lastFit = rec.frames() - window;
        if (lastFit < 0) {
            return new PitchContour(new double[0], new double[0], new double[0]);
        }
        long first = Math.max(0, (long) Math.ceil((selection.startSeconds() * fs - window / 2.0) / hop));
        long last = Math.min(lastFit / hop, (long) Math.floor((selection.endSeconds() * fs - window / 2.0) / hop));
        int n = (int) Math.max(0, last - first + 1);
        double[] times = new double[n];
        double[] f0 = new double[n];
        double[] conf = new double[n];
        PitchDetector detector = params.algorithm() == PitchAlgorithm.YIN
                ? new Yin((float) fs, window) : new McLeodPitchMethod((float) fs, window);
        double minHz = params.minHz();
        double maxHz = Math.min(params.maxHz(), fs / 2);
        Recording source = rec;
        int ch = channel;
        if (selection.hasBand()) {
            double low = Double.isNaN(selection.lowHz()) ? 0 : selection.lowHz();
            double high = Double.isNaN(selection.highHz()) ? fs / 2 : selection.highHz();
            if (low < fs / 2 && high > low) {
                source = new BandPassRecording(rec, channel, low, high);
                ch = 0;
            }
            minHz = Math.max(minHz, low);
            maxHz = Math.min(maxHz, high);
        }
        float[] buffer = new float[window];
        float[] span = null;
        int spanFirst = 0;
        int spanFrames = 0;
        for (int i = 0; i < n; i++) {
            if (Thread.interrupted()) {
                throw new InterruptedException("pitch tracking interrupted");
            }
            if (i >= spanFirst + spanFrames) {
                spanFirst = i;
                spanFrames = Math.min(n - i, CHUNK_FRAMES);
                span = new float[(spanFrames - 1) * hop + window];
                source.read((first + i) * hop, span.length, ch, span, 0);
            }
            long start = (first + i) * hop;
            System.arraycopy(span, (i - spanFirst) * hop, buffer, 0, window);
            PitchDetectionResult r = detector.getPitch(buffer);
            double pitch = r.getPitch();
            double c = r.isPitched() ? Math.max(0, Math.min(1, r.getProbability())) : 0;
            times[i] = (start + window / 2.0) / fs;
            conf[i] = c;
            f0[i] = r.isPitched() && c >= params.minConfidence() && pitch >= minHz && pitch <= maxHz
                    ? pitch : Double.NaN;
        }
        return new PitchContour(times, f0, conf);
    }
}
