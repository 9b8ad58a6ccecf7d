package org.echoic.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Nice steps (1, 2, 5 × 10^k), whole ticks for counts, bounds and labels. */
class NiceScaleTest {
    @Test
    void stepsAreOneTwoFiveTimesAPowerOfTen() {
        assertEquals(0.5, NiceScale.step(3.3, 8, false), 1e-12);
        assertEquals(2.0, NiceScale.step(16.18, 10, false), 1e-12);
        assertEquals(20.0, NiceScale.step(130, 8, false), 1e-12);
        assertEquals(0.002, NiceScale.step(0.01, 6, false), 1e-15);
    }

    @Test
    void integerScalesNeverTickBetweenWholeNumbers() {
        NiceScale s = NiceScale.of(0, 3, 12, true, false);
        assertEquals(1.0, s.step(), 0, "three epochs on a wide axis: one tick per epoch, not 0.25");
        assertEquals(List.of(0.0, 1.0, 2.0, 3.0), s.ticks());
        NiceScale wide = NiceScale.of(0, 16.18, 5, true, false);
        for (double t : wide.ticks()) {
            assertEquals(Math.rint(t), t, 0, "whole epoch " + t);
        }
        assertTrue(wide.ticks().size() <= 5);
        assertEquals("10", wide.label(10));
    }

    @Test
    void extendRoundsBoundsOutToWholeSteps() {
        NiceScale s = NiceScale.of(0.37, 9.2, 6, false, true);
        assertEquals(2.0, s.step(), 0);
        assertEquals(0.0, s.lower(), 0);
        assertEquals(10.0, s.upper(), 0);
        NiceScale tight = NiceScale.of(0.37, 9.2, 6, false, false);
        assertEquals(0.37, tight.lower(), 0);
        assertEquals(2.0, tight.ticks().get(0), 0, "bounds are not ticks unless on a step");
    }

    @Test
    void labelsCarryTheDecimalsOfTheStepAndATrueMinus() {
        NiceScale s = NiceScale.of(-0.05, 0.05, 6, false, false);
        assertEquals(0.02, s.step(), 1e-15);
        assertEquals("\u22120.04", s.label(-0.04));
        assertEquals("0.00", s.label(-1e-17), "no minus zero");
        assertEquals("1e\u22126", NiceAxis.logLabel(-6));
        assertEquals("0.002", NiceAxis.logLabel(Math.log10(0.002)));
        assertEquals("5000", NiceAxis.logLabel(Math.log10(5000)));
    }

    @Test
    void flatRangesWidenAroundTheirValue() {
        NiceScale s = NiceScale.of(4, 4, 5, false, true);
        assertTrue(s.lower() < 4 && s.upper() > 4, s.toString());
        List<Double> logs = NiceAxis.logTicks(-3, 1, 8);
        assertEquals(List.of(-3.0, -2.0, -1.0, 0.0, 1.0), logs, "decades");
        List<Double> narrow = NiceAxis.logTicks(Math.log10(0.15), Math.log10(0.9), 8);
        assertEquals(List.of("0.2", "0.4", "0.6", "0.8"), narrow.stream().map(NiceAxis::logLabel).toList(),
                "within one decade: 2, 4, 6, 8 × 10^k");
    }
}
