package org.echoic.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The colour tables: matplotlib's values at the ends, the maps for white backgrounds, parsing by name. */
class ColorMapTest {
    @Test
    void tablesMatchMatplotlibAtTheEnds() {
        assertEquals(0xff440154, ColorMap.VIRIDIS.table()[0]);
        assertEquals(0xff00224d, ColorMap.CIVIDIS.table()[0], "cividis starts at (0, 0.135, 0.305)");
        assertEquals(0xff08306b, ColorMap.BLUES.table()[255]);
        assertEquals(0xff000000, ColorMap.GREYS.table()[255]);
        for (int i = 0; i < 256; i++) {
            int g = ColorMap.GREY.table()[i] & 0xff;
            int r = ColorMap.GRAY_R.table()[255 - i] & 0xff;
            assertEquals(g, r, 1, "gray_r is gray reversed (to matplotlib's rounding) at " + i);
        }
    }

    @Test
    void whiteBackgroundMapsStartWhite() {
        for (ColorMap m : new ColorMap[] {ColorMap.GRAY_R, ColorMap.GREYS, ColorMap.BLUES}) {
            assertTrue(m.lightBackground(), m + " starts near white");
        }
        for (ColorMap m : new ColorMap[] {ColorMap.VIRIDIS, ColorMap.MAGMA, ColorMap.INFERNO, ColorMap.GREY,
            ColorMap.CIVIDIS}) {
            assertFalse(m.lightBackground(), m + " starts dark");
        }
    }

    @Test
    void parsesMatplotlibAndEnumNamesIgnoringCase() {
        assertEquals(ColorMap.GREYS, ColorMap.parse("Greys"));
        assertEquals(ColorMap.GREYS, ColorMap.parse("greys"));
        assertEquals(ColorMap.GRAY_R, ColorMap.parse("gray_r"));
        assertEquals(ColorMap.GREY, ColorMap.parse("grey"));
        assertEquals(ColorMap.CIVIDIS, ColorMap.parse(ColorMap.CIVIDIS.name().toLowerCase(java.util.Locale.ROOT)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ColorMap.parse("jet"));
        assertTrue(e.getMessage().contains("cividis"), e.getMessage());
    }
}
