package org.echoic.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.echoic.audio.ArrayRecording;
import org.echoic.audio.SummaryPyramid;
import org.junit.jupiter.api.Test;

class WaveformRendererTest {
    private static final int W = 400;
    private static final int H = 101;

    private static SummaryPyramid pyramid(float[] x) throws InterruptedException {
        SummaryPyramid p = SummaryPyramid.create(new ArrayRecording(Path.of("t"), 44_100, x), 0);
        p.run(f -> { });
        return p;
    }

    private static float[] sine(int n, double amplitude, double hz) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / 44_100));
        }
        return x;
    }

    private static int[] render(SummaryPyramid p, Viewport vp, WaveformParams params) {
        int[] argb = new int[vp.widthPx() * H];
        new WaveformRenderer().render(p, vp, H, params, argb);
        return argb;
    }

    /** Rows painted with a waveform colour in column {@code x}: {first, last}, or null. */
    private static int[] paintedRows(int[] argb, int width, int x) {
        int first = -1;
        int last = -1;
        for (int y = 0; y < H; y++) {
            int c = argb[y * width + x];
            if (c == WaveformRenderer.ENVELOPE || c == WaveformRenderer.RMS || c == WaveformRenderer.SAMPLE_DOT) {
                first = first < 0 ? y : first;
                last = y;
            }
        }
        return first < 0 ? null : new int[] {first, last};
    }

    @Test
    void sineFillsTheRowsOfItsAmplitudeAtEveryZoom() throws InterruptedException {
        SummaryPyramid p = pyramid(sine(441_000, 0.5, 1000));
        for (double fpp : new double[] {441_000.0 / W, 64, 8}) {
            Viewport vp = new Viewport(1000, fpp, W, 0, 22_050, Viewport.FrequencyScale.LINEAR);
            int[] argb = render(p, vp, WaveformParams.DEFAULT);
            int top = H;
            int bottom = -1;
            for (int x = 0; x < W; x++) {
                int[] rows = paintedRows(argb, W, x);
                if (fpp > 44.1) {
                    assertEquals(25, rows[0], 1, "top at fpp " + fpp + " x " + x);
                    assertEquals(75, rows[1], 1, "bottom at fpp " + fpp + " x " + x);
                }
                top = Math.min(top, rows[0]);
                bottom = Math.max(bottom, rows[1]);
            }
            assertEquals(25, top, 1, "highest row at fpp " + fpp);
            assertEquals(75, bottom, 1, "lowest row at fpp " + fpp);
            if (fpp > 44.1) {
                int rmsRow = WaveformRenderer.toY(0.5 / Math.sqrt(2), H, WaveformParams.DEFAULT);
                assertEquals(WaveformRenderer.RMS, argb[(rmsRow + 1) * W + W / 2]);
                assertEquals(WaveformRenderer.ENVELOPE, argb[(rmsRow - 3) * W + W / 2]);
            }
        }
        int[] doubled = render(p, Viewport.fitAll(441_000, 44_100, W), WaveformParams.DEFAULT.withGain(2));
        assertEquals(0, paintedRows(doubled, W, 10)[0]);
        assertEquals(H - 1, paintedRows(doubled, W, 10)[1]);
    }

    @Test
    void silenceDrawsOnlyTheCentreLine() throws InterruptedException {
        SummaryPyramid p = pyramid(new float[100_000]);
        int[] argb = render(p, Viewport.fitAll(100_000, 44_100, W), WaveformParams.DEFAULT);
        for (int y = 0; y < H; y++) {
            int expected = y == 50 ? WaveformRenderer.ENVELOPE : WaveformRenderer.BACKGROUND;
            for (int x = 0; x < W; x++) {
                if (y != 50) {
                    assertEquals(expected, argb[y * W + x], "pixel " + x + "," + y);
                }
            }
        }
        assertEquals(new int[] {50, 50}[0], paintedRows(argb, W, 7)[0]);
    }

    @Test
    void singleClickIsVisibleAtFitAll() throws InterruptedException {
        float[] x = new float[3_000_000];
        x[1_234_567] = 0.8f;
        SummaryPyramid p = pyramid(x);
        Viewport vp = Viewport.fitAll(x.length, 44_100, W);
        int[] argb = render(p, vp, WaveformParams.DEFAULT);
        int col = (int) vp.frameToX(1_234_567);
        assertEquals(WaveformRenderer.toY(0.8, H, WaveformParams.DEFAULT), paintedRows(argb, W, col)[0]);
        assertEquals(50, paintedRows(argb, W, col + 5)[0]);
    }

    @Test
    void singleSamplesAreJoinedAndDotted() throws InterruptedException {
        float[] x = {0, 0.5f, -0.5f, 0, 0, 0};
        SummaryPyramid p = pyramid(x);
        Viewport vp = new Viewport(0, 1.0 / 50, 300, 0, 22_050, Viewport.FrequencyScale.LINEAR);
        int[] argb = new int[300 * H];
        new WaveformRenderer().render(p, vp, H, WaveformParams.DEFAULT, argb);
        assertEquals(WaveformRenderer.SAMPLE_DOT, argb[WaveformRenderer.toY(0.5, H, WaveformParams.DEFAULT) * 300 + 50]);
        for (int c = 50; c < 100; c++) {
            assertTrue(paintedRows(argb, 300, c) != null, "line between samples 1 and 2 at x " + c);
        }
        int[] between = paintedRows(argb, 300, 75);
        assertTrue(between[0] <= 50 && between[1] >= 50, "the line crosses zero half way");
    }

    @Test
    void unsummarisedColumnsArePending() {
        SummaryPyramid p = SummaryPyramid.create(new ArrayRecording(Path.of("t"), 44_100, sine(2_000_000, 0.5, 100)), 0);
        int[] argb = render(p, Viewport.fitAll(2_000_000, 44_100, W), WaveformParams.DEFAULT);
        assertEquals(WaveformRenderer.PENDING, argb[10 * W + 200]);
    }

    @Test
    void dbScaleMapsFullScaleToTheEdgeAndTheRangeToTheCentre() {
        WaveformParams db = WaveformParams.DEFAULT.withScale(WaveformParams.AmplitudeScale.DBFS);
        assertEquals(1, db.toAxis(1), 1e-12);
        assertEquals(0.5, db.toAxis(Math.pow(10, -30 / 20.0)), 1e-9);
        assertEquals(0, db.toAxis(1e-5), 1e-12);
        assertEquals(-0.5, db.toAxis(-Math.pow(10, -30 / 20.0)), 1e-9);
        assertEquals(0.01, db.fromAxis(db.toAxis(0.01)), 1e-12);
    }
}
