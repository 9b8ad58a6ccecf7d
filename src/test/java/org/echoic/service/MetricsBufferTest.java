package org.echoic.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Coalescing of batch metrics between two drains. */
class MetricsBufferTest {
    private static TrainingSession.Batch batch(int i, double cost, long frames) {
        return new TrainingSession.Batch(i / 10, i % 10, 10, new double[] {cost, -cost}, frames, 1e-3, false, 0, 1, 1,
                0.5);
    }

    @Test
    void manyBatchesAreMergedIntoBoundedFrameWeightedPoints() {
        MetricsBuffer b = new MetricsBuffer(64);
        double weighted = 0;
        long frames = 0;
        for (int i = 0; i < 10_000; i++) {
            long f = 1 + i % 7;
            b.add(batch(i, i % 13, f));
            weighted += (i % 13) * (double) f;
            frames += f;
        }
        MetricsBuffer.Drained d = b.drain();
        assertTrue(d.batches().size() <= 64 && d.batches().size() >= 32, "points: " + d.batches().size());
        assertEquals(10_000, d.batches().stream().mapToInt(MetricsBuffer.BatchPoint::batches).sum());
        double sum = d.batches().stream().mapToDouble(p -> p.value(0) * p.frames()).sum();
        assertEquals(weighted / frames, sum / frames, 1e-9);
        assertEquals(1000.0, d.batches().get(d.batches().size() - 1).position(), 1e-12);
        assertTrue(b.drain().isEmpty());
        assertEquals(10_000, b.batchCount());
    }

    @Test
    void skippedBatchesCountButDoNotShiftTheMean() {
        MetricsBuffer b = new MetricsBuffer(2);
        b.add(batch(0, 2, 10));
        b.add(new TrainingSession.Batch(0, 1, 10, new double[] {Double.NaN, Double.NaN}, 10, 1e-3, true, 1, 1, 1, 0.2));
        b.add(batch(2, 4, 10));
        MetricsBuffer.Drained d = b.drain();
        assertEquals(2, d.batches().size());
        assertEquals(2.0, d.batches().get(0).value(0), 1e-12);
        assertEquals(2, d.batches().get(0).batches());
        assertEquals(0.3, d.batches().get(1).position(), 1e-12);
    }
}
