package org.echoic.service;

import org.echoic.audio.Recording;
import org.echoic.dsp.Heterodyne;
import org.echoic.dsp.Resampler;

/**
 * The audible signal of a range of a recording at a device's output rate, produced block by block (memory does
 * not grow with the length of the range): the samples as they are (resampled when the rates differ), slowed down
 * by time expansion (played as if the rate were rate / N), or heterodyned. Maps output frames back to the source
 * frames heard. Core logic of {@link JavaSoundPlayback}, without any device. Not thread-safe.
 */
public final class PlaybackStream {
    static final int SOURCE_BLOCK_FRAMES = 8192;

    private final Recording recording;
    private final int channel;
    private final long startFrame;
    private final long endFrame;
    private final boolean loop;
    private final double outputRateHz;
    private final Resampler resampler;
    private final Heterodyne heterodyne;
    private final double sourceFramesPerOutputFrame;
    private final double delaySourceFrames;

    private final float[] source = new float[SOURCE_BLOCK_FRAMES];
    private final float[] pending;
    private int pendingStart;
    private int pendingLength;
    private long position;
    private long tailFrames;

    /**
     * @param outputRateHz the rate of the produced signal (the device's rate) in Hz
     * @throws IllegalArgumentException for a range outside the recording, a bad channel, or a carrier above the
     *                                  recording's Nyquist frequency
     */
    public PlaybackStream(Recording recording, int channel, long startFrame, long endFrame, PlaybackParams params,
                          double outputRateHz) {
        validate(recording, channel, startFrame, endFrame, params);
        this.recording = recording;
        this.channel = channel;
        this.startFrame = startFrame;
        this.endFrame = endFrame;
        this.loop = params.loop();
        this.outputRateHz = outputRateHz;
        double nominalRateHz = nominalRateHz(recording.sampleRateHz(), params);
        if (params.mode() == PlaybackParams.Mode.HETERODYNE) {
            double cutoffHz = Math.min(Heterodyne.DEFAULT_AUDIO_CUTOFF_HZ,
                    0.45 * Math.min(outputRateHz, recording.sampleRateHz()));
            this.heterodyne = new Heterodyne(recording.sampleRateHz(), params.carrierHz(), outputRateHz, cutoffHz);
            this.resampler = heterodyne.resampler();
        } else {
            this.heterodyne = null;
            this.resampler = nominalRateHz == outputRateHz ? null : new Resampler(nominalRateHz, outputRateHz);
        }
        if (resampler == null) {
            this.sourceFramesPerOutputFrame = 1;
            this.delaySourceFrames = 0;
            this.pending = new float[SOURCE_BLOCK_FRAMES];
        } else {
            this.sourceFramesPerOutputFrame = (double) resampler.downFactor() / resampler.upFactor();
            this.delaySourceFrames = resampler.delayInputFrames();
            this.pending = new float[resampler.maxOutputFrames(SOURCE_BLOCK_FRAMES)];
        }
        this.position = startFrame;
        this.tailFrames = (long) Math.ceil(delaySourceFrames) + 1;
    }

    /** The rate at which the source frames are heard, in Hz: the recording's rate, or rate / N in time expansion. */
    public static double nominalRateHz(double recordingRateHz, PlaybackParams params) {
        return params.mode() == PlaybackParams.Mode.TIME_EXPANSION
                ? recordingRateHz / params.timeExpansionFactor() : recordingRateHz;
    }

    /** Checks a play request; throws {@link IllegalArgumentException} with a message for the user. */
    public static void validate(Recording recording, int channel, long startFrame, long endFrame,
                                PlaybackParams params) {
        if (startFrame < 0 || endFrame > recording.frames() || startFrame >= endFrame) {
            throw new IllegalArgumentException("cannot play frames [" + startFrame + ", " + endFrame + ") of "
                    + recording.path() + ", which has " + recording.frames() + " frames");
        }
        if (channel != Recording.MEAN_CHANNEL && (channel < 0 || channel >= recording.channels())) {
            throw new IllegalArgumentException("cannot play channel " + channel + " of " + recording.path()
                    + ", which has " + recording.channels() + " channels");
        }
        if (params.mode() == PlaybackParams.Mode.HETERODYNE && params.carrierHz() >= recording.sampleRateHz() / 2) {
            throw new IllegalArgumentException("the heterodyne carrier " + params.carrierHz() + " Hz must lie below "
                    + recording.sampleRateHz() / 2 + " Hz, half the rate of " + recording.path());
        }
    }

    public double outputRateHz() {
        return outputRateHz;
    }

    /** Source frames advanced per output frame (1 / N at the device rate in time expansion). */
    public double sourceFramesPerOutputFrame() {
        return sourceFramesPerOutputFrame;
    }

    /** Output frames added after the range so that the filter's delayed tail is heard (0 without filtering). */
    public long tailOutputFrames() {
        return resampler == null ? 0 : (long) Math.floor((Math.ceil(delaySourceFrames) + 1) / sourceFramesPerOutputFrame);
    }

    /**
     * Writes up to {@code length} output frames to {@code out[offset …]}.
     *
     * @return the frames written (at least one), or -1 once a non-looping range has been played out
     */
    public int read(float[] out, int offset, int length) {
        while (pendingLength == 0) {
            if (!refill()) {
                return -1;
            }
        }
        int n = Math.min(length, pendingLength);
        System.arraycopy(pending, pendingStart, out, offset, n);
        pendingStart += n;
        pendingLength -= n;
        return n;
    }

    /**
     * The source frame heard when output frame {@code outputFrame} (counted from the start of the stream) sounds,
     * accounting for the filter delay; wraps around the range when looping.
     */
    public long sourceFrameAt(long outputFrame) {
        double offset = outputFrame * sourceFramesPerOutputFrame - delaySourceFrames;
        long frames = endFrame - startFrame;
        long whole = (long) Math.floor(Math.max(0, offset));
        return loop ? startFrame + whole % frames : Math.min(endFrame - 1, startFrame + whole);
    }

    private boolean refill() {
        int n;
        if (position < endFrame) {
            n = (int) Math.min(SOURCE_BLOCK_FRAMES, endFrame - position);
            recording.read(position, n, channel, source, 0);
            position += n;
            if (loop && position == endFrame) {
                position = startFrame;
            }
        } else if (resampler != null && tailFrames > 0) {
            n = (int) Math.min(SOURCE_BLOCK_FRAMES, tailFrames);
            java.util.Arrays.fill(source, 0, n, 0f);
            tailFrames -= n;
        } else {
            return false;
        }
        pendingStart = 0;
        if (heterodyne != null) {
            pendingLength = heterodyne.process(source, 0, n, pending, 0);
        } else if (resampler != null) {
            pendingLength = resampler.process(source, 0, n, pending, 0);
        } else {
            System.arraycopy(source, 0, pending, 0, n);
            pendingLength = n;
        }
        return true;
    }
}
