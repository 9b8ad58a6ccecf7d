package org.echoic.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** UMAP's curve against umap-learn's find_ab_params, and the map + clusters of separable blobs in 20 dimensions. */
class UmapTest {
    @Test
    void curveMatchesUmapLearn() {
        UmapCurve c = UmapCurve.fit(0.1, 1.0);
        assertEquals(1.577, c.a(), 0.01);
        assertEquals(0.895, c.b(), 0.005);
        UmapCurve tight = UmapCurve.fit(0.0, 1.0);
        assertEquals(1.929, tight.a(), 0.01);
        assertEquals(0.7915, tight.b(), 0.005);
    }

    @Test
    void blobsInTwentyDimensionsBecomeThreeClustersOnTheMap() throws InterruptedException {
        double[][] centres = new double[3][20];
        for (int c = 0; c < 3; c++) {
            centres[c][c] = 6;
        }
        float[][] points = HdbscanTest.blobs(centres, 60, 0.5, 7);
        Discovery.Result r = Discovery.run(points, ClusterParams.DEFAULTS, null);
        assertEquals(3, r.clusters());
        for (int c = 0; c < 3; c++) {
            Set<Integer> labels = new HashSet<>();
            for (int i = 0; i < 60; i++) {
                labels.add(r.labels()[c * 60 + i]);
            }
            assertEquals(Set.of(c), labels, "blob " + c);
        }
    }

    @Test
    void aTypeRarerThanTheDefaultMinimumStillBecomesACluster() throws InterruptedException {
        double[][] centres = new double[2][10];
        centres[1][0] = 8;
        float[][] common = HdbscanTest.blobs(new double[][] {centres[0]}, 14, 0.4, 3);
        float[][] rare = HdbscanTest.blobs(new double[][] {centres[1]}, 4, 0.4, 4);
        float[][] points = java.util.Arrays.copyOf(common, 18);
        System.arraycopy(rare, 0, points, 14, 4);
        Discovery.Result r = Discovery.run(points, ClusterParams.DEFAULTS, null);
        assertEquals(2, r.clusters(), "four of eighteen segments are their own type");
        for (int i = 15; i < 18; i++) {
            assertEquals(r.labels()[14], r.labels()[i]);
        }
        assertEquals(true, r.labels()[0] != r.labels()[14]);
        Discovery.Result fixed = Discovery.run(points, ClusterParams.DEFAULTS.withMinClusterSize(5), null);
        assertEquals(0, fixed.clusters(), "a size the user chose is kept");
    }

    @Test
    void theSameSeedGivesTheSameMapAndAnotherSeedAnother() throws InterruptedException {
        float[][] points = HdbscanTest.blobs(new double[][] {{0, 0, 0, 0}, {5, 5, 0, 0}}, 40, 1, 9);
        float[][] a = Umap.project(points, 2, 10, 0.1, 42);
        float[][] b = Umap.project(points, 2, 10, 0.1, 42);
        float[][] c = Umap.project(points, 2, 10, 0.1, 43);
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(a[i], b[i]);
        }
        boolean differs = false;
        for (int i = 0; i < a.length; i++) {
            differs |= a[i][0] != c[i][0];
        }
        assertEquals(true, differs);
    }
}
