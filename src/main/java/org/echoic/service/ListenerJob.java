package org.echoic.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.echoic.embed.ListenerNetwork;
import org.echoic.embed.ListenerParams;
import org.echoic.embed.SegmentFrames;
import org.echoic.io.ListenerFiles;

/**
 * The listener network's training as a {@link TrainableJob}, so that it runs on the training service's model
 * thread with live curves (reconstruction loss per batch and per epoch) like the RNN-RBM: frames the segments,
 * trains a new network, writes its checkpoint ({@link ListenerFiles}) after every epoch and on a stop, and at the
 * end embeds every segment ({@link #embeddings()}, also after a stop). Model thread only; the embeddings are
 * published for other threads once {@code train} returns.
 */
public final class ListenerJob implements TrainableJob {
    /** Its curves. */
    public static final TrainingCurves CURVES = new TrainingCurves(List.of("Reconstruction loss"),
            List.of("Reconstruction loss (epoch)"), List.of("Reconstruction loss (epoch)"));

    private final List<SegmentEmbeddings.Item> items;
    private final int channel;
    private final ListenerParams params;
    private final Path runDir;
    private volatile float[][] embeddings;

    public ListenerJob(List<SegmentEmbeddings.Item> items, int channel, ListenerParams params, Path runDir) {
        this.items = List.copyOf(items);
        this.channel = channel;
        this.params = params;
        this.runDir = runDir;
    }

    @Override
    public TrainingCurves curves() {
        return CURVES;
    }

    @Override
    public Path runDir() {
        return runDir;
    }

    /** The segments' embeddings once training ended, else null. */
    public float[][] embeddings() {
        return embeddings;
    }

    /** The segments this job embeds. */
    public List<SegmentEmbeddings.Item> items() {
        return items;
    }

    @Override
    public Outcome train(TrainingSession session) throws IOException {
        try {
            List<SegmentFrames.Frames> frames = SegmentEmbeddings.frames(items, channel, params.frames(), null);
            ListenerNetwork net = ListenerNetwork.create(params);
            session.begin(0, params.epochs(), params.epochs(), 0);
            long t0 = System.nanoTime();
            Curves curves = new Curves(session, net, t0, frames.size());
            double[] losses = net.train(frames, curves);
            if (curves.failure != null) {
                throw curves.failure;
            }
            embeddings = net.embed(frames);
            if (losses.length < params.epochs()) {
                ListenerFiles.save(runDir, net, losses.length, curves.lastLoss);
                session.checkpointWritten(runDir);
                return Outcome.STOPPED;
            }
            return Outcome.COMPLETED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.STOPPED;
        }
    }

    /** Hands the network's losses to the session and checkpoints after every epoch. Model thread. */
    private final class Curves implements ListenerNetwork.Listener {
        private final TrainingSession session;
        private final ListenerNetwork net;
        private final long startNanos;
        private final int segments;
        private double lastLoss = Double.NaN;
        private IOException failure;

        Curves(TrainingSession session, ListenerNetwork net, long startNanos, int segments) {
            this.session = session;
            this.net = net;
            this.startNanos = startNanos;
            this.segments = segments;
        }

        @Override
        public void batch(int epoch, int batch, int batches, double loss) {
            lastLoss = loss;
            double elapsed = (System.nanoTime() - startNanos) / 1e9;
            double done = (epoch + (batch + 1.0) / batches) / Math.max(1, params.epochs());
            double remaining = done > 0 ? elapsed * (1 - done) / done : Double.NaN;
            session.batch(new TrainingSession.Batch(epoch, batch, batches, new double[] {loss},
                    Math.max(1, segments / Math.max(1, batches)), params.learningRate(), !Double.isFinite(loss), 0,
                    elapsed, remaining, done));
        }

        @Override
        public void epoch(int epoch, double meanLoss) {
            try {
                ListenerFiles.save(runDir, net, epoch + 1, meanLoss);
                session.checkpointWritten(runDir);
            } catch (IOException e) {
                failure = e;
            }
            session.epoch(epoch, new double[] {meanLoss});
        }

        @Override
        public boolean stopRequested() {
            return failure != null || session.stopRequested();
        }
    }
}
