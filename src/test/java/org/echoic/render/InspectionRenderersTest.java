package org.echoic.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.echoic.dsp.ColorMap;
import org.junit.jupiter.api.Test;

/** Activation maps and template galleries, pixel by pixel. */
class InspectionRenderersTest {
    private static final ColorMap MAP = ColorMap.GREY;

    @Test
    void activationMapPutsFrameTUnderTheSameColumnsAsTheSpectrogramAndUnitsTopDown() {
        // 4 frames x 2 units: unit 0 is on only in frame 1, unit 1 is on in every frame from 2.
        float[][] h = {{0, 0}, {1, 0}, {0, 1}, {0, 1}};
        int[] img = ActivationMapRenderer.paint(h, null, 0, 1, false, MAP, 40, 10);
        int on = MAP.argb(1);
        int off = MAP.argb(0);
        for (int x = 0; x < 40; x++) {
            int t = x / 10;
            assertEquals(t == 1 ? on : off, img[2 * 40 + x], "unit 0 (top half) at x " + x);
            assertEquals(t >= 2 ? on : off, img[7 * 40 + x], "unit 1 (bottom half) at x " + x);
        }
        assertEquals(1, ActivationMapRenderer.frameAtX(ActivationMapRenderer.xOfFrame(1, 4, 40), 4, 40));
        assertEquals(0, ActivationMapRenderer.frameAtX(ActivationMapRenderer.xOfFrame(1, 3, 40) - 1, 3, 40));
    }

    @Test
    void rowOrderAndBottomUpFramesAreHonoured() {
        float[][] v = {{0.0f, 0.5f, 1.0f}};
        int[] up = ActivationMapRenderer.paint(v, null, 0, 1, true, MAP, 1, 3);
        assertEquals(MAP.argb(1), up[0], "highest bin at the top");
        assertEquals(MAP.argb(0), up[2], "bin 0 at the bottom");
        int[] ordered = ActivationMapRenderer.paint(v, new int[] {2, 0}, 0, 1, false, MAP, 1, 2);
        assertEquals(MAP.argb(1), ordered[0]);
        assertEquals(MAP.argb(0), ordered[1]);
        int[] states = ActivationMapRenderer.paint(new float[][] {{-1, 1}}, null, -1, 1, false, MAP, 1, 2);
        assertEquals(MAP.argb(0), states[0]);
        assertEquals(MAP.argb(1), states[1]);
    }

    @Test
    void galleryCellsShowTemplatesWithFrequencyUpwardsAndTheSelectionFramed() {
        TemplateGalleryRenderer g = new TemplateGalleryRenderer(10, 20, 2);
        float[][] templates = new float[5][8];
        templates[0][7] = 1; // unit 0: a high-frequency template
        templates[1][0] = -2; // unit 1: negative at the lowest bin
        templates[3][3] = 0.5f;
        int width = 40;
        assertEquals(3, g.columns(width));
        assertEquals(2 + 2 * 22, g.height(5, width));
        int[] order = {1, 0, 3, 2, 4};
        int[] img = g.paint(templates, order, 0, MAP, width);
        assertEquals(width * g.height(5, width), img.length);
        // cell 0 shows unit 1: its bottom row is the lowest colour with the trace at the left
        int bottom = (2 + 19) * width + 2;
        assertEquals(MAP.argb(0), img[bottom + 3]);
        assertEquals(TemplateGalleryRenderer.TRACE, img[bottom + 1]);
        // cell 1 shows unit 0: top row highest colour, bottom row mid colour
        int cell1 = 2 + 12;
        assertEquals(MAP.argb(1), img[2 * width + cell1 + 2]);
        assertEquals(MAP.argb(0.5), img[(2 + 19) * width + cell1 + 2]);
        assertEquals(TemplateGalleryRenderer.HIGHLIGHT, img[1 * width + cell1 + 3], "selected unit framed");
        assertNotEquals(TemplateGalleryRenderer.HIGHLIGHT, img[1 * width + 2 + 3], "others not framed");
        assertEquals(TemplateGalleryRenderer.BACKGROUND, img[0]);
        assertEquals(1, g.cellAt(cell1 + 1, 5, 5, width));
        assertEquals(3, g.cellAt(3, 25, 5, width));
        assertEquals(-1, g.cellAt(1, 5, 5, width), "in the gap");
        assertEquals(-1, g.cellAt(cell1 + 12 + 1, 25, 5, width), "past the last cell");
        long distinct = java.util.Arrays.stream(img).distinct().count();
        assertTrue(distinct > 3, "more than background: " + distinct);
    }
}
