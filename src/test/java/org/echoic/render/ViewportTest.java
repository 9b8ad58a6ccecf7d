package org.echoic.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ViewportTest {

    @Property(tries = 200)
    void frameAndXRoundTrip(@ForAll @DoubleRange(min = 0, max = 1e9) double start,
                            @ForAll @DoubleRange(min = 0.02, max = 1e6) double fpp,
                            @ForAll @IntRange(min = 1, max = 4000) int width,
                            @ForAll @DoubleRange(min = -100, max = 5000) double x) {
        Viewport vp = new Viewport(start, fpp, width, 0, 22_050, Viewport.FrequencyScale.LINEAR);
        assertEquals(x, vp.frameToX(vp.xToFrame(x)), 1e-6 * Math.max(1, Math.abs(start / fpp)));
    }

    @Property(tries = 200)
    void hzAndYRoundTrip(@ForAll @DoubleRange(min = 0, max = 1) double f, @ForAll @IntRange(min = 1, max = 2000) int height,
                         @ForAll boolean log) {
        Viewport vp = Viewport.fitAll(1000, 192_000, 100)
                .withFrequencyRange(log ? 50 : 0, 96_000, log ? Viewport.FrequencyScale.LOG : Viewport.FrequencyScale.LINEAR);
        double hz = vp.yToHz(f * height, height);
        assertEquals(f * height, vp.hzToY(hz, height), 1e-6 * height);
    }

    @Test
    void axesPutFrequenciesWhereExpected() {
        Viewport vp = Viewport.fitAll(44_100, 44_100, 1000);
        assertEquals(44.1, vp.framesPerPixel(), 1e-12);
        assertEquals(0, vp.hzToY(22_050, 200), 1e-9);
        assertEquals(200, vp.hzToY(0, 200), 1e-9);
        Viewport log = vp.withFrequencyRange(100, 10_000, Viewport.FrequencyScale.LOG);
        assertEquals(100, log.hzToY(1000, 200), 1e-9);
    }

    @Test
    void zoomKeepsTheAnchorAndClampStaysInside() {
        Viewport vp = Viewport.fitAll(100_000, 8_000, 500);
        Viewport in = vp.zoomAround(4, 125);
        assertEquals(vp.xToFrame(125), in.xToFrame(125), 1e-9);
        assertEquals(vp.framesPerPixel() / 4, in.framesPerPixel(), 1e-12);
        Viewport out = in.zoomAround(1.0 / 100, 0).clampTo(100_000);
        assertEquals(0, out.startFrame());
        assertEquals(200, out.framesPerPixel(), 1e-12);
        Viewport scrolledPast = in.withStartFrame(1e9).clampTo(100_000);
        assertEquals(100_000, scrolledPast.endFrame(), 1e-6);
        Viewport deep = vp.zoomAround(1e9, 0);
        assertEquals(Viewport.MIN_FRAMES_PER_PIXEL, deep.framesPerPixel());
        Viewport range = vp.showRange(1000, 2000);
        assertEquals(1000, range.startFrame(), 1e-9);
        assertEquals(2000, range.endFrame(), 1e-9);
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new Viewport(0, 0, 10, 0, 1, Viewport.FrequencyScale.LINEAR));
        assertThrows(IllegalArgumentException.class, () -> new Viewport(0, 1, 0, 0, 1, Viewport.FrequencyScale.LINEAR));
        assertThrows(IllegalArgumentException.class, () -> new Viewport(0, 1, 10, 0, 1, Viewport.FrequencyScale.LOG));
    }
}
