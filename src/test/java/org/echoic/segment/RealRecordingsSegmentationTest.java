package org.echoic.segment;

import static org.junit.jupiter.api.Assertions.assertFalse;

import org.echoic.SharedData;
import org.echoic.audio.Recording;
import org.echoic.io.AudioFiles;
import org.junit.jupiter.api.Test;

/** The fast path equals the reference on the real recordings (skipped when the shared folder is absent). */
class RealRecordingsSegmentationTest {
    private static void check(String name, SegmentationParams... params) throws Exception {
        try (Recording rec = AudioFiles.open(SharedData.recording(name)); SegmentationModel m = new SegmentationModel(rec)) {
            for (SegmentationParams p : params) {
                SegmentationResult r = m.segments(p, null, null);
                SegmentationModelTest.assertSameAsReference(rec, p, r);
            }
        }
    }

    @Test
    void spinetail() throws Exception {
        SegmentationParams d = SegmentationParams.DEFAULTS;
        check("spinetail/spinetail.wav", d, d.withPercentile(97).withMinSpacingMs(10), d.withThresholdDbfs(-35),
                d.withBand(2000, 9000));
    }

    @Test
    void chorusAndMice() throws Exception {
        check("chorus-raven/Recording_1_Segment_07-snippet.wav", SegmentationParams.DEFAULTS,
                SegmentationParams.DEFAULTS.withWindowMs(10).withPercentile(80));
        check("deermouse-usv/deermouse-go.wav", SegmentationParams.DEFAULTS.withWindowMs(2));
        try (Recording rec = AudioFiles.open(SharedData.recording("deermouse-usv/deermouse-go.wav"));
             SegmentationModel m = new SegmentationModel(rec)) {
            assertFalse(m.segments(SegmentationParams.DEFAULTS.withWindowMs(2).withPercentile(70), null, null)
                    .segments().isEmpty(), "mouse calls are found");
        }
    }
}
