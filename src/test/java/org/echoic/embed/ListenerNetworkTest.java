package org.echoic.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The listener network learns to reconstruct toy sequences (rising and falling sweeps) and embeds them apart. */
class ListenerNetworkTest {
    private static final int BANDS = 6;

    /** A sweep of a bright band moving up or down over {@code len} frames, with a little seeded noise. */
    private static SegmentFrames.Frames sweep(boolean rising, int len, Random rnd) {
        float[] v = new float[BANDS * len];
        for (int t = 0; t < len; t++) {
            double pos = (double) t / (len - 1) * (BANDS - 1);
            double centre = rising ? pos : BANDS - 1 - pos;
            for (int b = 0; b < BANDS; b++) {
                double x = Math.exp(-(b - centre) * (b - centre)) + 0.05 * rnd.nextDouble();
                v[b * len + t] = (float) Math.min(1, x);
            }
        }
        return new SegmentFrames.Frames(v, BANDS, len);
    }

    private static List<SegmentFrames.Frames> toy() {
        Random rnd = new Random(4);
        List<SegmentFrames.Frames> out = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            out.add(sweep(i % 2 == 0, 5 + i % 6, rnd));
        }
        return out;
    }

    private static ListenerParams params(int epochs) {
        return new ListenerParams(new FrameParams(8, 4, BANDS, 500, 0, 60, true), 3, 8, 16, epochs, 8, 1e-2, 5);
    }

    @Test
    void reconstructionErrorFallsAndTheSameSeedGivesTheSameEmbedding() throws InterruptedException {
        List<SegmentFrames.Frames> data = toy();
        ListenerNetwork net = ListenerNetwork.create(params(25));
        double before = net.loss(data);
        double[] epochs = net.train(data, null);
        double after = net.loss(data);
        assertEquals(25, epochs.length);
        assertTrue(after < 0.5 * before, "loss " + before + " -> " + after);
        float[][] z = net.embed(data);
        assertEquals(data.size(), z.length);
        assertEquals(8, z[0].length);
        double within = 0;
        double between = 0;
        for (int i = 0; i < z.length; i++) {
            for (int j = 0; j < z.length; j++) {
                double d = 0;
                for (int k = 0; k < 8; k++) {
                    d += (z[i][k] - z[j][k]) * (z[i][k] - z[j][k]);
                }
                if (i % 2 == j % 2) {
                    within += d;
                } else {
                    between += d;
                }
            }
        }
        assertTrue(between > 2 * within, "rising and falling sweeps embed apart: " + between + " vs " + within);

        ListenerNetwork again = ListenerNetwork.create(params(25));
        again.train(data, null);
        assertArrayEquals(z[3], again.embed(data)[3], 1e-6f, "seeded");
    }

    @Test
    void aStopRequestEndsTrainingAfterTheBatch() throws InterruptedException {
        int[] batches = {0};
        double[] losses = ListenerNetwork.create(params(10)).train(toy(), new ListenerNetwork.Listener() {
            @Override
            public void batch(int epoch, int batch, int count, double loss) {
                batches[0]++;
            }

            @Override
            public void epoch(int epoch, double meanLoss) {
            }

            @Override
            public boolean stopRequested() {
                return batches[0] >= 3;
            }
        });
        assertEquals(3, batches[0]);
        assertEquals(1, losses.length, "one whole epoch (two batches) before the stop in the second");
    }
}
