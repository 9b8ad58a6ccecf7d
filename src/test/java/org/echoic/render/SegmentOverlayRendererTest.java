package org.echoic.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.echoic.segment.Segment;
import org.echoic.segment.SegmentEdits;
import org.junit.jupiter.api.Test;

/** Segment spans over a lane: clipping to the view, joining sub-pixel neighbours, blending into ARGB. */
class SegmentOverlayRendererTest {
    private static SegmentEdits.Item item(long s, long e, boolean edited) {
        return new SegmentEdits.Item(new Segment(s, e), edited);
    }

    @Test
    void spansAreClippedAndEditedSegmentsKeptApart() {
        Viewport vp = Viewport.fitAll(1000, 1000, 100);
        List<SegmentEdits.Item> items = List.of(item(0, 95, false), item(200, 300, true), item(950, 1000, false));
        SegmentOverlayRenderer.Spans s = SegmentOverlayRenderer.layout(items, vp, 100);
        assertEquals(3, s.count());
        assertEquals(0, s.x0()[0], 1e-9);
        assertEquals(9.5, s.x1()[0], 1e-9);
        assertTrue(s.edited()[1]);
        assertEquals(1, s.firstIndex()[1]);
        SegmentOverlayRenderer.Spans zoomed = SegmentOverlayRenderer.layout(items, vp.showRange(250, 960), 100);
        assertEquals(2, zoomed.count(), "only visible segments");
        assertEquals(0, zoomed.x0()[0], 1e-9, "clipped at the left edge");
    }

    @Test
    void manySmallSegmentsBecomeAboutOneSpanPerColumn() {
        List<SegmentEdits.Item> items = new ArrayList<>();
        for (long f = 0; f < 3_600_000; f += 400) {
            items.add(item(f, f + 100, false));
        }
        SegmentOverlayRenderer.Spans s = SegmentOverlayRenderer.layout(items, Viewport.fitAll(3_600_000, 1000, 800), 800);
        assertTrue(s.count() <= 800, "spans: " + s.count());
        int[] argb = new int[800 * 10];
        java.util.Arrays.fill(argb, 0xFF000000);
        SegmentOverlayRenderer.fill(argb, 800, 10, s, 0x80FF0000, 0x8000FF00, 0x0000FF);
        assertEquals(0xFF800000, argb[400], "half-transparent red over black");
    }

    @Test
    void wideSpansGetEdges() {
        Viewport vp = Viewport.fitAll(100, 1000, 100);
        SegmentOverlayRenderer.Spans s = SegmentOverlayRenderer.layout(List.of(item(10, 30, true)), vp, 100);
        int[] argb = new int[100 * 2];
        SegmentOverlayRenderer.fill(argb, 100, 2, s, 0x80FF0000, 0xFF00FF00, 0x0000FF);
        assertEquals(0xFF0000FF, argb[10], "left edge");
        assertEquals(0xFF0000FF, argb[29], "right edge");
        assertEquals(0xFF00FF00, argb[20], "edited colour inside");
        assertEquals(0, argb[40], "outside untouched");
    }
}
