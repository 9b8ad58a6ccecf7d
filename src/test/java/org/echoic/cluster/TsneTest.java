package org.echoic.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** t-SNE: separable blobs in 20 dimensions become as many clusters on its map; the same seed, the same map. */
class TsneTest {
    @Test
    void blobsBecomeClustersAndTheMapIsSeeded() throws InterruptedException {
        double[][] centres = new double[4][20];
        for (int c = 0; c < 4; c++) {
            centres[c][c] = 6;
        }
        float[][] points = HdbscanTest.blobs(centres, 40, 0.5, 8);
        Discovery.Result r = Discovery.run(points, ClusterParams.DEFAULTS.withProjection(
                ClusterParams.Projection.TSNE), null);
        assertEquals(4, r.clusters());
        for (int c = 0; c < 4; c++) {
            Set<Integer> labels = new HashSet<>();
            for (int i = 0; i < 40; i++) {
                labels.add(r.labels()[c * 40 + i]);
            }
            assertEquals(Set.of(c), labels, "blob " + c);
        }
        float[][] again = Tsne.project(points, 30, 1);
        assertArrayEquals(r.map()[17], again[17]);
    }
}
