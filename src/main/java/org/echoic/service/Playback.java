package org.echoic.service;

import org.echoic.audio.Recording;

/**
 * Plays a range of a recording through the sound output, on its own thread. All methods return at once and
 * may be called from any thread (the JavaFX thread included); the play head is polled, never pushed.
 */
public interface Playback extends AutoCloseable {

    /**
     * Starts playing frames [startFrame, endFrame) of one channel (or {@link Recording#MEAN_CHANNEL}),
     * stopping whatever was playing.
     *
     * @throws PlaybackUnavailableException when there is no usable audio output (message for the user)
     */
    void play(Recording recording, int channel, long startFrame, long endFrame, PlaybackParams params)
            throws PlaybackUnavailableException;

    /** Stops playing; harmless when nothing plays. */
    void stop();

    boolean isPlaying();

    /** The source frame now being heard, or -1 when nothing plays. */
    long playheadFrame();

    @Override
    void close();
}
