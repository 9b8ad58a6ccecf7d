package org.echoic.ui.segmentation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** The band the Segmentation tab offers for a recording without one fits the recording's rate. */
class SegmentationBandSuggestionTest {
    @Test
    void ultrasonicRecordingsAreOfferedAnUltrasonicBand() {
        assertArrayEquals(new double[] {20_000, 100_000}, BandSuggestion.forNyquistHz(125_000), 0,
                "250 kHz deer-mouse pups call at 20-100 kHz, not 1-8 kHz");
        assertArrayEquals(new double[] {20_000, 120_000}, BandSuggestion.forNyquistHz(150_000), 0);
    }

    @Test
    void audibleRecordingsKeepOneToEightKilohertzWithinNyquist() {
        assertArrayEquals(new double[] {1000, 8000}, BandSuggestion.forNyquistHz(22_050), 0);
        assertArrayEquals(new double[] {1000, 8000}, BandSuggestion.forNyquistHz(16_000), 0);
        assertArrayEquals(new double[] {1000, 7200}, BandSuggestion.forNyquistHz(8_000), 0);
    }
}
