package org.echoic.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.echoic.SharedData;
import org.echoic.audio.Recording;
import org.echoic.io.AnnotationFormat;
import org.echoic.io.AudioFiles;
import org.junit.jupiter.api.Test;

/**
 * On the real spinetail recording (18 songs of 0.27–2.5 s; skipped without the shared folder) overlap matching at
 * IoU 0.5 after auto-tune agrees far better than onsets and offsets within 20 ms after auto-tune.
 */
class AutoTuneOverlapRealTest {
    @Test
    void overlapAgreementOnLongSongsIsClearlyHigherThanTwentyMilliseconds() throws Exception {
        try (Recording rec = AudioFiles.open(SharedData.recording("spinetail/spinetail.wav"));
             SegmentationModel m = new SegmentationModel(rec)) {
            List<Annotation> refs = AnnotationFormat.readAny(SharedData.recording("spinetail/spinetail.txt"));
            assertEquals(18, refs.size());
            List<AutoTune.Target> targets = List.of(new AutoTune.Target(m, refs));
            AutoTune.Result strict = AutoTune.search(targets, SegmentationParams.DEFAULTS,
                    Agreement.Criterion.DEFAULT, null, null);
            AutoTune.Result overlap = AutoTune.search(targets, SegmentationParams.DEFAULTS,
                    Agreement.Criterion.overlap(0.5), null, null);
            System.out.printf("spinetail: auto-tuned F1 onset/offset ±20 ms %.3f (%s); overlap IoU ≥ 0.5 %.3f (%s)%n",
                    strict.bestF1(), strict.best(), overlap.bestF1(), overlap.best());
            assertTrue(overlap.bestF1() > strict.bestF1() + 0.2, "overlap F1 " + overlap.bestF1()
                    + " vs onset/offset F1 " + strict.bestF1());
            List<Annotation> det = m.segments(overlap.best(), null, null).segments().stream()
                    .map(s -> Annotation.of(s, rec.sampleRateHz())).toList();
            Agreement.Result a = Agreement.compare(refs, det, Agreement.Criterion.overlap(0.5));
            assertEquals(overlap.bestF1(), a.f1(), 1e-12);
            System.out.printf("spinetail overlap: %d of %d matched, %d detections, onset error %.0f ms, "
                    + "offset error %.0f ms%n", a.matches(), a.references(), a.detections(),
                    1000 * a.meanOnsetErrorSeconds(), 1000 * a.meanOffsetErrorSeconds());
        }
    }
}
