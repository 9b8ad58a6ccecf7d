package org.echoic.ui;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.echoic.audio.Recording;
import org.echoic.service.Playback;
import org.echoic.service.PlaybackParams;
import org.echoic.service.PlaybackUnavailableException;

/**
 * Playback for GUI tests: plays nothing, records each request's frame range, and — made with
 * {@link #noOutput()} — refuses like a machine without a sound card. Thread-safe.
 */
public final class TestPlayback implements Playback {
    private final boolean noOutput;
    private final List<long[]> played = new CopyOnWriteArrayList<>();

    private TestPlayback(boolean noOutput) {
        this.noOutput = noOutput;
    }

    /** Accepts every request silently. */
    public static TestPlayback silent() {
        return new TestPlayback(false);
    }

    /** Refuses every request with "No audio output available" (each attempt is still recorded). */
    public static TestPlayback noOutput() {
        return new TestPlayback(true);
    }

    /** The {start, end} frames of every request so far, in order. */
    public List<long[]> played() {
        return played;
    }

    /** How many requests were made. */
    public int calls() {
        return played.size();
    }

    @Override
    public void play(Recording recording, int channel, long startFrame, long endFrame, PlaybackParams params)
            throws PlaybackUnavailableException {
        played.add(new long[] {startFrame, endFrame});
        if (noOutput) {
            throw new PlaybackUnavailableException("No audio output available", null);
        }
    }

    @Override
    public void stop() {
    }

    @Override
    public boolean isPlaying() {
        return false;
    }

    @Override
    public long playheadFrame() {
        return -1;
    }

    @Override
    public void close() {
    }
}
