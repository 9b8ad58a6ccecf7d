package org.echoic.cli;

import static org.echoic.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.echoic.io.Json;
import org.echoic.io.WavWriter;
import org.echoic.segment.Agreement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code segment --reference --match onset-offset|overlap --tolerance-ms --min-iou}: parsing and JSON. */
class SegmentMatchOptionsTest {
    @TempDir
    Path dir;

    /** Five 100 ms tones at 0.25 + 0.5 k s; references: one 30 ms early, one exact, one past the end. */
    private String[] agreement(String... extra) throws Exception {
        double rate = 16000;
        float[] x = new float[16000 * 3];
        for (int k = 0; k < 5; k++) {
            int start = 4000 + k * 8000;
            for (int i = 0; i < 1600; i++) {
                x[start + i] = (float) (0.5 * Math.sin(2 * Math.PI * 2000 * i / rate));
            }
        }
        Path f = dir.resolve("c.wav");
        WavWriter.write(f, x, rate, WavWriter.Format.PCM16);
        Path ref = dir.resolve("ref.csv");
        Files.writeString(ref, "onset_s,offset_s,label\n0.22,0.35,a\n0.75,0.85,b\n5,6,c\n");
        String[] base = {"segment", f.toString(), "--threshold-dbfs", "-30", "--buffer-ms", "0", "--reference",
            ref.toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return run(args);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String[] r) throws Exception {
        assertEquals("0", r[0], r[2]);
        return (Map<String, Object>) Json.parse(r[1]);
    }

    @Test
    void defaultIsOnsetOffsetWithinTwentyMilliseconds() throws Exception {
        Map<String, Object> m = json(agreement());
        assertEquals(1, ((Number) m.get("matches")).intValue(), "the reference 30 ms early does not match");
        assertEquals("onset-offset", m.get("match"));
        assertEquals(0.020, ((Number) m.get("toleranceSeconds")).doubleValue(), 1e-12);
        assertEquals(2, ((Number) json(agreement("--tolerance-ms", "40")).get("matches")).intValue());
    }

    @Test
    void overlapMatchesByIntersectionOverUnion() throws Exception {
        Map<String, Object> m = json(agreement("--match", "overlap"));
        assertEquals(2, ((Number) m.get("matches")).intValue(), "IoU 0.1 / 0.13 = 0.77 for the early one");
        assertEquals("overlap", m.get("match"));
        assertEquals(0.5, ((Number) m.get("minIoU")).doubleValue(), 0);
        assertTrue(!m.containsKey("toleranceSeconds"), m.toString());
        assertEquals(0.015, ((Number) m.get("meanOnsetErrorSeconds")).doubleValue(), 0.003);
        Map<String, Object> strict = json(agreement("--match", "overlap", "--min-iou", "0.8"));
        assertEquals(1, ((Number) strict.get("matches")).intValue());
        assertEquals(0.8, ((Number) strict.get("minIoU")).doubleValue(), 0);
    }

    @Test
    void autotuneScoresWithTheChosenCriterion() throws Exception {
        Map<String, Object> m = json(agreement("--autotune", "--match", "overlap", "--min-iou", "0.6"));
        assertEquals("overlap", m.get("match"));
        assertEquals(0.6, ((Number) m.get("minIoU")).doubleValue(), 0);
        // 2 of 3 references (one lies past the end) and 5 calls: the best is 2 matches of 5 detections
        assertEquals(2 * (2.0 / 5) * (2.0 / 3) / (2.0 / 5 + 2.0 / 3), ((Number) m.get("f1")).doubleValue(), 1e-9);
    }

    @Test
    void inconsistentOrBadOptionsAreRefused() throws Exception {
        String[] bad = agreement("--match", "iou");
        assertEquals("2", bad[0]);
        assertTrue(bad[2].contains("--match must be onset-offset or overlap: iou"), bad[2]);
        bad = agreement("--min-iou", "0.3");
        assertTrue(bad[2].contains("--min-iou needs --match overlap"), bad[2]);
        bad = agreement("--match", "overlap", "--tolerance-ms", "30");
        assertTrue(bad[2].contains("--tolerance-ms needs --match onset-offset"), bad[2]);
        bad = agreement("--match", "overlap", "--min-iou", "0");
        assertTrue(bad[2].contains("--min-iou must be in (0, 1]"), bad[2]);
        MatchOptions o = new MatchOptions();
        o.match = "overlap";
        assertEquals(Agreement.Criterion.overlap(0.5), o.criterion());
    }
}
