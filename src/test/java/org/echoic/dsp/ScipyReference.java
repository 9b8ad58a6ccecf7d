package org.echoic.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;

import org.echoic.audio.ArrayRecording;
import org.echoic.io.NpyReader;

/** Loads the committed reference arrays of src/test/resources/scipy and compares with them. */
final class ScipyReference {
    static final double FS = 8000;

    private ScipyReference() {
    }

    static NpyReader.NpyArray load(String name) {
        try {
            return NpyReader.read(Path.of(ScipyReference.class.getResource("/scipy/" + name).toURI()));
        } catch (IOException | URISyntaxException | NullPointerException e) {
            throw new AssertionError("reference " + name + " unreadable", e);
        }
    }

    static ArrayRecording signal() {
        return new ArrayRecording(Path.of("signal_8000hz.npy"), FS, load("signal_8000hz.npy").toFloats());
    }

    /** Relative error ≤ tol wherever |expected| > 1e-10 of the maximum, absolute elsewhere. */
    static void assertClose(double[] expected, float[] actual, double tol, String what) {
        assertTrue(expected.length == actual.length, what + ": length " + actual.length + " != " + expected.length);
        double max = 0;
        for (double v : expected) {
            max = Math.max(max, Math.abs(v));
        }
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            double e = expected[i];
            double err = Math.abs(actual[i] - e);
            if (Math.abs(e) > 1e-10 * max) {
                worst = Math.max(worst, err / Math.abs(e));
            } else {
                assertTrue(err <= 1e-9 * max, what + ": tiny value " + i + " off by " + err);
            }
        }
        assertTrue(worst <= tol, what + ": worst relative error " + worst + " > " + tol);
    }

    static void assertShape(NpyReader.NpyArray ref, int rows, int cols) {
        assertArrayEquals(new int[] {rows, cols}, ref.shape());
    }
}
