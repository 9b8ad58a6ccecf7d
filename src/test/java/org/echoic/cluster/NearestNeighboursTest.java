package org.echoic.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Exact neighbours against sorting every distance, with ties (points on a grid) broken by index. */
class NearestNeighboursTest {
    @Test
    void matchesSortingAllDistances() throws InterruptedException {
        Random rnd = new Random(2);
        float[][] p = new float[60][3];
        for (float[] row : p) {
            for (int d = 0; d < 3; d++) {
                row[d] = rnd.nextInt(4);
            }
        }
        NearestNeighbours.Graph g = NearestNeighbours.of(p, 7);
        for (int i = 0; i < p.length; i++) {
            int fi = i;
            Integer[] order = new Integer[p.length - 1];
            for (int j = 0, c = 0; j < p.length; j++) {
                if (j != i) {
                    order[c++] = j;
                }
            }
            Arrays.sort(order, (a, b) -> {
                int byDistance = Double.compare(dist2(p[fi], p[a]), dist2(p[fi], p[b]));
                return byDistance != 0 ? byDistance : Integer.compare(a, b);
            });
            int[] expected = new int[7];
            for (int m = 0; m < 7; m++) {
                expected[m] = order[m];
                assertEquals(Math.sqrt(dist2(p[i], p[order[m]])), g.distances()[i][m], 1e-5);
            }
            assertArrayEquals(expected, g.indices()[i], "point " + i);
        }
    }

    private static double dist2(float[] a, float[] b) {
        double s = 0;
        for (int d = 0; d < a.length; d++) {
            s += (a[d] - b[d]) * (a[d] - b[d]);
        }
        return s;
    }
}
