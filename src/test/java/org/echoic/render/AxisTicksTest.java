package org.echoic.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.ToDoubleFunction;

import org.echoic.dsp.StftParams;
import org.junit.jupiter.api.Test;

/** Tick choice: nice uniform steps whose labels never overlap, decades first on log axes, kHz up to Nyquist. */
class AxisTicksTest {
    private static final ToDoubleFunction<String> WIDTH = s -> 7.0 * s.length();

    private static void noOverlap(List<AxisTicks.Tick> ticks, ToDoubleFunction<String> extent) {
        for (int i = 1; i < ticks.size(); i++) {
            double need = (extent.applyAsDouble(ticks.get(i).label()) + extent.applyAsDouble(ticks.get(i - 1).label())) / 2;
            assertTrue(Math.abs(ticks.get(i).px() - ticks.get(i - 1).px()) >= need, "labels overlap: " + ticks);
        }
    }

    @Test
    void uniformTicksAreNiceStepsAndLabelsDoNotOverlap() {
        List<AxisTicks.Tick> t = AxisTicks.uniform(0, 30, 1, v -> v * 1000 / 30, WIDTH, 20);
        assertEquals(List.of("0", "2", "4"), t.subList(0, 3).stream().map(AxisTicks.Tick::label).toList());
        noOverlap(t, WIDTH);
        List<AxisTicks.Tick> narrow = AxisTicks.uniform(0, 30, 1, v -> v * 100 / 30, WIDTH, 20);
        assertTrue(narrow.size() < t.size() && narrow.size() >= 2, "fewer ticks on a narrower axis: " + narrow);
        noOverlap(narrow, WIDTH);
        List<AxisTicks.Tick> ms = AxisTicks.uniform(0.25, 0.45, 1e-3, v -> (v - 0.25) * 5000, WIDTH, 20);
        assertEquals("260", ms.get(1).label());
        assertEquals("\u22121.5", AxisTicks.format(-1.5, 1));
        assertEquals("0", AxisTicks.format(-0.0001, 0));
    }

    @Test
    void longSpansGetClockLabelsAtWholeClockSteps() {
        List<AxisTicks.Tick> hour = AxisTicks.clock(0, 3600, true, v -> v * 1200 / 3600, WIDTH, 20);
        noOverlap(hour, WIDTH);
        assertEquals("0:00:00", hour.get(0).label());
        assertEquals("1:00:00", hour.get(hour.size() - 1).label());
        double step = hour.get(1).value() - hour.get(0).value();
        assertTrue(step == 300 || step == 600 || step == 900, "a whole-minute clock step: " + step);
        assertEquals(hour.get(1).value() * 1200 / 3600, hour.get(1).px(), 1e-9, "ticks placed by the mapping");
        List<AxisTicks.Tick> minutes = AxisTicks.clock(30, 300, false, v -> (v - 30) * 4, WIDTH, 20);
        noOverlap(minutes, WIDTH);
        assertTrue(minutes.stream().allMatch(t -> t.label().matches("\\d+:\\d\\d")), minutes.toString());
        assertEquals("4:30", AxisTicks.clockLabel(270, false));
        assertEquals("1:01:05", AxisTicks.clockLabel(3665, true));
        assertEquals("Time (h:mm:ss)", FigureAxes.time(0, 3600L * 44100, 44100, 0).title());
        assertEquals("Time (m:ss)", FigureAxes.time(0, 300L * 44100, 44100, 0).title());
        assertEquals("Time (s)", FigureAxes.time(0, 30L * 44100, 44100, 0).title());
    }

    @Test
    void logAndMelFrequencyTicksPreferDecadesAndReachTheDeermouseNyquist() {
        StftParams p = StftParams.DEFAULT;
        ToDoubleFunction<String> height = s -> 15;
        List<AxisTicks.Tick> log = FigureAxes.frequency(p, 44_100, 20, 22_050, FrequencyAxis.LOG).ticks(300, height);
        List<Double> values = log.stream().map(AxisTicks.Tick::value).toList();
        assertTrue(values.contains(100.0) && values.contains(1000.0) && values.contains(10_000.0), "decades: " + values);
        noOverlap(log, height);
        List<AxisTicks.Tick> lin = FigureAxes.frequency(p, 250_000, 0, 125_000, FrequencyAxis.LINEAR).ticks(300, height);
        assertEquals("0", lin.get(0).label());
        assertTrue(lin.get(lin.size() - 1).value() >= 100_000, "kHz labels up the 125 kHz axis: " + lin);
        for (AxisTicks.Tick t : lin) {
            assertEquals(Math.floor(t.px()), Math.floor(SpectrogramRenderer.hzToY(t.value(), p, 250_000, 0, 125_000,
                    FrequencyAxis.LINEAR, 300)), 0.0, "ticks come from the painter's mapping");
        }
        assertEquals("Frequency (kHz)", FigureAxes.frequency(p, 250_000, 0, 125_000, FrequencyAxis.MEL).title());
    }
}
