package org.echoic.service;

import java.util.List;
import java.util.function.DoubleConsumer;

import org.echoic.cluster.ClusterParams;
import org.echoic.cluster.Discovery;
import org.echoic.embed.FrameParams;
import org.echoic.embed.SegmentFrames;
import org.echoic.embed.SpectrogramEmbedding;

/**
 * What the Map tab shows: segments, their embeddings, the 2-D map, the clusters and a small spectrogram of each
 * segment for hovering. Built off the JavaFX thread ({@link #compute}); immutable once built (arrays are not
 * copied: do not change them).
 *
 * @param items       the segments
 * @param embeddings  one row per segment
 * @param map         (x, y) per segment
 * @param clusters    cluster per segment from 0, −1 for noise
 * @param thumbnails  per segment a {@link #THUMB_BANDS} × {@link #THUMB_COLUMNS} row-major image in [0, 1]
 *                    (log-mel, low bands first, time-normalised)
 * @param method      the embedding method's id
 */
public record CallTypeMap(List<SegmentEmbeddings.Item> items, float[][] embeddings, float[][] map, int[] clusters,
                          int clusterCount, int noise, float[][] thumbnails, String method) {
    public static final int THUMB_BANDS = 32;
    public static final int THUMB_COLUMNS = 32;

    public CallTypeMap {
        items = List.copyOf(items);
    }

    /** Maps, clusters and draws thumbnails of {@code items} embedded as {@code embeddings}. */
    public static CallTypeMap compute(List<SegmentEmbeddings.Item> items, int channel, float[][] embeddings,
                                      ClusterParams params, String method, DoubleConsumer progress)
            throws InterruptedException {
        Discovery.Result r = Discovery.run(embeddings, params, progress == null ? null : p -> progress.accept(0.8 * p));
        FrameParams f = FrameParams.DEFAULTS;
        List<SegmentFrames.Frames> frames = SegmentEmbeddings.frames(items, channel,
                new FrameParams(f.windowMs(), f.hopMs(), THUMB_BANDS, f.fminHz(), f.fmaxHz(), f.rangeDb(), false),
                null);
        float[][] thumbs = new float[items.size()][];
        for (int i = 0; i < thumbs.length; i++) {
            thumbs[i] = SpectrogramEmbedding.resample(frames.get(i), THUMB_COLUMNS);
        }
        if (progress != null) {
            progress.accept(1);
        }
        return new CallTypeMap(items, embeddings, r.map(), r.labels(), r.clusters(), r.noise(), thumbs, method);
    }

    /** The segment whose embedding is closest to its cluster's mean embedding (the cluster's exemplar), or −1. */
    public int exemplar(int cluster) {
        int dims = embeddings.length == 0 ? 0 : embeddings[0].length;
        double[] mean = new double[dims];
        int n = 0;
        for (int i = 0; i < clusters.length; i++) {
            if (clusters[i] == cluster) {
                for (int d = 0; d < dims; d++) {
                    mean[d] += embeddings[i][d];
                }
                n++;
            }
        }
        int best = -1;
        double bestD = Double.POSITIVE_INFINITY;
        for (int i = 0; i < clusters.length && n > 0; i++) {
            if (clusters[i] != cluster) {
                continue;
            }
            double d = 0;
            for (int k = 0; k < dims; k++) {
                double x = embeddings[i][k] - mean[k] / n;
                d += x * x;
            }
            if (d < bestD) {
                bestD = d;
                best = i;
            }
        }
        return best;
    }
}
