package org.echoic.embed;

import org.echoic.audio.Recording;
import org.echoic.dsp.SpectralFrames;
import org.echoic.dsp.Spectrogram;
import org.echoic.dsp.Stft;
import org.echoic.rnnrbm.RnnRbm;
import org.echoic.segment.Segment;
import org.echoic.train.ModelInspector;

/**
 * An RNN-RBM's view of a segment: its frames exactly as the model was trained on them ({@link SpectralFrames} of
 * the checkpoint), each frame's hidden means p(h | v_t) given the recurrent state of the frames before it, and
 * their mean over the segment: one value in [0, 1] per hidden unit. A segment shorter than one STFT window is
 * widened around its centre. Holds the model's ND4J arrays through the inspector: use from one thread.
 */
public final class RbmEmbedding {
    private final ModelInspector inspector;
    private final SpectralFrames frames;
    private final int hidden;

    public RbmEmbedding(RnnRbm model, SpectralFrames frames) {
        this.inspector = new ModelInspector(model);
        this.frames = frames;
        this.hidden = model.config().nHidden();
    }

    /** The mean hidden activations of {@code segment} of {@code recording}'s {@code channel}. */
    public float[] of(Recording recording, int channel, Segment segment) throws InterruptedException {
        int nperseg = frames.stft().nperseg();
        long start = segment.startFrame();
        long end = Math.min(segment.endFrame(), recording.frames());
        if (end - start < nperseg) {
            start = Math.max(0, Math.min(recording.frames() - nperseg, (start + end) / 2 - nperseg / 2));
            end = Math.min(recording.frames(), start + nperseg);
        }
        Spectrogram psd = Stft.spectrogram(recording, channel, start, end, frames.stft(), null, 1, null);
        if (frames.nVisible(recording.sampleRateHz()) != inspector.templates()[0].length) {
            throw new IllegalArgumentException(recording.path() + ": frames of " + frames.nVisible(
                    recording.sampleRateHz()) + " values at " + recording.sampleRateHz() + " Hz, but the model has "
                    + inspector.templates()[0].length + " visible units");
        }
        float[][] h = inspector.activations(frames.scale(psd)).hidden();
        float[] mean = new float[hidden];
        for (float[] row : h) {
            for (int j = 0; j < hidden; j++) {
                mean[j] += row[j] / h.length;
            }
        }
        return mean;
    }
}
