package org.echoic.ui.lanes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.echoic.render.FrequencyAxis;
import org.echoic.render.WaveformParams;
import org.junit.jupiter.api.Test;

/** Ruler ticks: round values far enough apart, the bottom of a mel axis at 0 Hz; amplitude labels without noise. */
class FrequencyRulerTest {
    @Test
    void melTicksStartAtZeroNotOneHertz() {
        List<Double> ticks = new FrequencyRuler(FrequencyAxis.MEL, 0, 22_050, 280).ticks();
        assertEquals(0.0, ticks.get(ticks.size() - 1), "the bottom tick is 0 Hz");
        assertFalse(ticks.contains(1.0), "no '1 Hz' squeezed against 0: " + ticks);
        assertTrue(ticks.contains(1000.0) && ticks.contains(10_000.0), ticks.toString());
    }

    @Test
    void linearTicksAreRoundStepsAtLeastTheGapApart() {
        FrequencyRuler r = new FrequencyRuler(FrequencyAxis.LINEAR, 0, 22_050, 280);
        List<Double> ticks = r.ticks();
        assertTrue(ticks.get(0) >= 20_000, "the top tick near Nyquist: " + ticks);
        for (int i = 1; i < ticks.size(); i++) {
            assertTrue(r.hzToY(ticks.get(i)) - r.hzToY(ticks.get(i - 1)) >= FrequencyRuler.MIN_GAP_PX - 1e-9);
            assertEquals(0, ticks.get(i) % 1000, 1e-9, "1-2-5 steps of kHz: " + ticks);
        }
    }

    @Test
    void amplitudeLabelsCarryNoSpuriousDigits() {
        assertEquals("+1", WaveformLane.axisLabel(WaveformParams.DEFAULT, 1));
        assertEquals("+0.5", WaveformLane.axisLabel(WaveformParams.DEFAULT, 0.5));
        assertEquals("0", WaveformLane.axisLabel(WaveformParams.DEFAULT, 0));
        assertEquals("\u22120.25", WaveformLane.axisLabel(WaveformParams.DEFAULT.withGain(2), -0.5));
    }
}
