package org.echoic.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Compact times: as short as the recording allows, decimals as the ruler's step needs. */
class TimeFormatTest {
    @Test
    void readoutsAreSecondsThenMinutesThenHours() {
        assertEquals("5.000 s", TimeFormat.readout(5, 30));
        assertEquals("1:05.120", TimeFormat.readout(65.12, 600));
        assertEquals("1:02:03.500", TimeFormat.readout(3723.5, 7200));
        assertEquals("0:05.000", TimeFormat.readout(5, 600), "the same width through a long recording");
    }

    @Test
    void rulerLabelsDropDecimalsTheirStepDoesNotNeed() {
        assertEquals("5", TimeFormat.tick(5, 1, 30));
        assertEquals("5.5", TimeFormat.tick(5.5, 0.5, 30));
        assertEquals("0.25", TimeFormat.tick(0.25, 0.05, 30));
        assertEquals("1:05", TimeFormat.tick(65, 5, 600));
        assertEquals("1:00:00", TimeFormat.tick(3600, 600, 7200));
        assertEquals("m:ss", TimeFormat.tickUnit(600));
    }

    @Test
    void durationsReadNaturally() {
        assertEquals("250 ms", TimeFormat.duration(0.25));
        assertEquals("30.000 s", TimeFormat.duration(30));
        assertEquals("1:05.1", TimeFormat.duration(65.1));
        assertEquals("2:00:00", TimeFormat.duration(7200));
    }
}
