package org.echoic.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** HDBSCAN* on seeded Gaussian blobs: exact recovery, noise, epsilon, and the number of clusters chosen. */
class HdbscanTest {
    /** {@code perBlob} points around each centre (standard deviation {@code spread}), blob by blob. */
    static float[][] blobs(double[][] centres, int perBlob, double spread, long seed) {
        Random rnd = new Random(seed);
        int dims = centres[0].length;
        float[][] out = new float[centres.length * perBlob][dims];
        for (int c = 0; c < centres.length; c++) {
            for (int i = 0; i < perBlob; i++) {
                for (int d = 0; d < dims; d++) {
                    out[c * perBlob + i][d] = (float) (centres[c][d] + spread * rnd.nextGaussian());
                }
            }
        }
        return out;
    }

    @Test
    void separableBlobsAreRecoveredExactlyWithoutBeingToldHowMany() throws InterruptedException {
        float[][] points = blobs(new double[][] {{0, 0}, {10, 0}, {0, 10}, {10, 10}}, 50, 0.5, 3);
        int[] labels = Hdbscan.cluster(points, 10, 10, 0);
        int[] expected = new int[points.length];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = i / 50;
        }
        assertArrayEquals(expected, labels);
    }

    @Test
    void aFarAwayPointIsNoise() throws InterruptedException {
        float[][] blobs = blobs(new double[][] {{0, 0}, {8, 8}}, 40, 0.5, 5);
        float[][] points = java.util.Arrays.copyOf(blobs, blobs.length + 1);
        points[blobs.length] = new float[] {100, -100};
        int[] labels = Hdbscan.cluster(points, 10, 5, 0);
        assertEquals(Hdbscan.NOISE, labels[blobs.length]);
        assertEquals(0, labels[0]);
        assertEquals(1, labels[40]);
    }

    @Test
    void epsilonKeepsCloseBlobsTogether() throws InterruptedException {
        float[][] points = blobs(new double[][] {{0, 0}, {3, 0}, {40, 0}}, 60, 0.3, 11);
        int[] plain = Hdbscan.cluster(points, 10, 10, 0);
        assertNotEquals(plain[0], plain[60], "without epsilon the two close blobs are two clusters");
        int[] merged = Hdbscan.cluster(points, 10, 10, 5);
        assertEquals(merged[0], merged[60], "closer than epsilon: one cluster");
        assertNotEquals(merged[0], merged[120]);
    }

    @Test
    void tooFewPointsAreAllNoise() throws InterruptedException {
        int[] labels = Hdbscan.cluster(new float[][] {{0, 0}, {1, 1}, {2, 2}}, 5, 5, 0);
        assertArrayEquals(new int[] {-1, -1, -1}, labels);
    }
}
