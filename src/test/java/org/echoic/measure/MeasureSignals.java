package org.echoic.measure;

import java.nio.file.Path;
import java.util.Random;

import org.echoic.audio.ArrayRecording;

/** Analytic test signals for the measurements: tones, linear chirps and seeded noise placed in silence. */
final class MeasureSignals {
    private MeasureSignals() {
    }

    /** A sine of {@code hz} and amplitude {@code amp} over [from, to) seconds of a {@code seconds}-long recording. */
    static float[] tone(double fs, double seconds, double from, double to, double hz, double amp) {
        float[] x = new float[(int) Math.round(seconds * fs)];
        for (int i = (int) Math.round(from * fs); i < Math.round(to * fs); i++) {
            x[i] = (float) (amp * Math.sin(2 * Math.PI * hz * i / fs));
        }
        return x;
    }

    /** A linear chirp from f0 to f1 Hz over [from, to) seconds (phase continuous), amplitude 0.5. */
    static float[] chirp(double fs, double seconds, double from, double to, double f0, double f1) {
        float[] x = new float[(int) Math.round(seconds * fs)];
        double rate = (f1 - f0) / (to - from);
        for (int i = (int) Math.round(from * fs); i < Math.round(to * fs); i++) {
            double t = i / fs - from;
            x[i] = (float) (0.5 * Math.sin(2 * Math.PI * (f0 * t + rate * t * t / 2)));
        }
        return x;
    }

    /** Seeded Gaussian white noise of standard deviation {@code sd} over the whole recording. */
    static float[] noise(double fs, double seconds, double sd, long seed) {
        Random rnd = new Random(seed);
        float[] x = new float[(int) Math.round(seconds * fs)];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (sd * rnd.nextGaussian());
        }
        return x;
    }

    static ArrayRecording recording(double fs, float[] x) {
        return new ArrayRecording(Path.of("signal.wav"), fs, x);
    }
}
