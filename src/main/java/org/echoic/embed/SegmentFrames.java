package org.echoic.embed;

import org.echoic.audio.Recording;
import org.echoic.dsp.GammatoneFilterbank;
import org.echoic.dsp.MelFilterbank;
import org.echoic.dsp.Spectrogram;
import org.echoic.dsp.Stft;
import org.echoic.dsp.StftParams;
import org.echoic.segment.Segment;

/**
 * The frames of segments of one recording under {@link FrameParams}: (bands, frames) row-major values in [0, 1].
 * A segment shorter than one window is widened around its centre to one window (within the recording). Holds
 * the filterbank of the recording's rate; immutable; thread-safe.
 */
public final class SegmentFrames {
    /**
     * Frames of one segment.
     *
     * @param values row-major (bands, frames)
     */
    public record Frames(float[] values, int bands, int frames) {
        public float get(int band, int frame) {
            return values[band * frames + frame];
        }
    }

    private final Recording recording;
    private final int channel;
    private final FrameParams params;
    private final StftParams stft;
    private final float[] filters;

    /** Frames of {@code recording}'s {@code channel} ({@link Recording#MEAN_CHANNEL} for the mean). */
    public SegmentFrames(Recording recording, int channel, FrameParams params) {
        this.recording = recording;
        this.channel = channel;
        this.params = params;
        double fs = recording.sampleRateHz();
        this.stft = params.stft(fs);
        double lo = params.fminHz(fs);
        double hi = params.fmaxHz(fs);
        this.filters = params.gammatone()
                ? GammatoneFilterbank.matrix(fs, stft.nfft(), params.bands(), Math.max(lo, 1), hi)
                : MelFilterbank.matrix(fs, stft.nfft(), params.bands(), lo, hi, MelFilterbank.Scale.SLANEY,
                        MelFilterbank.Norm.SLANEY);
    }

    /** The STFT used. */
    public StftParams stft() {
        return stft;
    }

    /** The frames of {@code segment}, scaled to [0, 1] by the segment's own maximum. */
    public Frames of(Segment segment) throws InterruptedException {
        long start = segment.startFrame();
        long end = Math.min(segment.endFrame(), recording.frames());
        int nperseg = stft.nperseg();
        if (end - start < nperseg) {
            long centre = (start + end) / 2;
            start = Math.max(0, centre - nperseg / 2);
            end = Math.min(recording.frames(), start + nperseg);
            start = Math.max(0, end - nperseg);
        }
        if (end - start < nperseg) {
            throw new IllegalArgumentException("the recording (" + recording.frames() + " samples) is shorter than "
                    + "one window of " + nperseg + " samples");
        }
        Spectrogram s = Stft.spectrogram(recording, channel, start, end, stft, null, 1, null);
        int bands = params.bands();
        float[] power = MelFilterbank.apply(filters, bands, s);
        return new Frames(logScale(power, params.rangeDb()), bands, s.frames());
    }

    /** {@code 10 log10(power)} clipped to the maximum minus {@code rangeDb}, mapped to [0, 1]. */
    static float[] logScale(float[] power, double rangeDb) {
        float[] out = new float[power.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < power.length; i++) {
            double db = 10 * Math.log10(Math.max(power[i], 1e-30));
            out[i] = (float) db;
            max = Math.max(max, db);
        }
        double floor = max - rangeDb;
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) ((Math.max(out[i], floor) - floor) / rangeDb);
        }
        return out;
    }
}
