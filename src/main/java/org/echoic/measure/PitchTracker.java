package org.echoic.measure;

import be.tarsos.dsp.pitch.McLeodPitchMethod;
import be.tarsos.dsp.pitch.PitchDetectionResult;
import be.tarsos.dsp.pitch.PitchDetector;
import be.tarsos.dsp.pitch.Yin;
import org.echoic.audio.Recording;
import org.echoic.segment.Annotation;

/**
 * F0 contours of selections with TarsosDSP's YIN or MPM detector. Frames lie on the recording's grid (frame k starts
 * at {@code k·hop}); those whose centre {@code (k·hop + window/2)/fs} lies in [begin, end] and that fit inside the
 * recording are analysed. Stateless; thread-safe (one detector per call); runs on the calling thread.
 */
public final class PitchTracker {

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
        double maxHz = Math.min(params.maxHz(), fs / 2);
        float[] buffer = new float[window];
        for (int i = 0; i < n; i++) {
            if (Thread.interrupted()) {
                throw new InterruptedException("pitch tracking interrupted");
            }
            long start = (first + i) * hop;
            rec.read(start, window, channel, buffer, 0);
            PitchDetectionResult r = detector.getPitch(buffer);
            double pitch = r.getPitch();
            double c = r.isPitched() ? Math.max(0, Math.min(1, r.getProbability())) : 0;
            times[i] = (start + window / 2.0) / fs;
            conf[i] = c;
            f0[i] = r.isPitched() && c >= params.minConfidence() && pitch >= params.minHz() && pitch <= maxHz
                    ? pitch : Double.NaN;
        }
        return new PitchContour(times, f0, conf);
    }
}
