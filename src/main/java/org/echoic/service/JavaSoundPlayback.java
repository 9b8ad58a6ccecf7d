package org.echoic.service;

import java.util.ArrayList;
import java.util.List;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

import org.echoic.audio.Recording;
import org.echoic.io.WavWriter;

/**
 * {@link Playback} through Java Sound: a 16-bit mono {@link SourceDataLine} fed block by block by a
 * {@link PlaybackStream} on one named daemon thread per play. The line runs at the rate the sound is heard at
 * when the device accepts it, else at 48 or 44.1 kHz (resampled). Thread-safe: every method may be called from
 * any thread and returns at once.
 */
public final class JavaSoundPlayback implements Playback {

    /** Opens (but does not start) a line for a format; the default asks {@link AudioSystem}. */
    @FunctionalInterface
    interface LineOpener {
        SourceDataLine open(AudioFormat format, int bufferBytes) throws LineUnavailableException;
    }

    static final double[] DEVICE_RATES_HZ = {48_000, 44_100};
    static final int BUFFER_MS = 120;
    static final int BLOCK_MS = 20;

    private final LineOpener opener;
    private final Object lock = new Object();
    private Session session;

    public JavaSoundPlayback() {
        this(JavaSoundPlayback::openDefaultLine);
    }

    JavaSoundPlayback(LineOpener opener) {
        this.opener = opener;
    }

    @Override
    public void play(Recording recording, int channel, long startFrame, long endFrame, PlaybackParams params)
            throws PlaybackUnavailableException {
        PlaybackStream.validate(recording, channel, startFrame, endFrame, params);
        stop();
        Throwable failure = null;
        for (double rateHz : candidateRatesHz(recording.sampleRateHz(), params)) {
            AudioFormat format = new AudioFormat((float) rateHz, 16, 1, true, false);
            int bufferBytes = 2 * (int) Math.ceil(rateHz * BUFFER_MS / 1000);
            SourceDataLine line;
            try {
                line = opener.open(format, bufferBytes);
            } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
                failure = e;
                continue;
            }
            PlaybackStream stream = new PlaybackStream(recording, channel, startFrame, endFrame, params, rateHz);
            Session s = new Session(line, stream);
            synchronized (lock) {
                session = s;
            }
            s.thread.start();
            return;
        }
        throw new PlaybackUnavailableException(userMessage(failure), failure);
    }

    /**
     * What the user reads when no line opened: Java Sound's own text ("No line matching interface SourceDataLine
     * supporting format …") stays in the cause.
     */
    static String userMessage(Throwable failure) {
        if (failure instanceof LineUnavailableException) {
            return "The audio output device is busy or refuses 16-bit mono";
        }
        if (failure instanceof SecurityException) {
            return "Audio output is not permitted here";
        }
        return "No audio output device";
    }

    @Override
    public void stop() {
        Session s;
        synchronized (lock) {
            s = session;
            session = null;
        }
        if (s != null) {
            s.cancel();
        }
    }

    @Override
    public boolean isPlaying() {
        Session s = current();
        return s != null && s.running;
    }

    @Override
    public long playheadFrame() {
        Session s = current();
        if (s == null || !s.running) {
            return -1;
        }
        return s.stream.sourceFrameAt(s.line.getLongFramePosition());
    }

    @Override
    public void close() {
        stop();
    }

    /** Line rates to try, best first: the rate the sound is heard at (if plausible for a device), then 48 and 44.1 kHz. */
    static List<Double> candidateRatesHz(double recordingRateHz, PlaybackParams params) {
        List<Double> rates = new ArrayList<>();
        double nominal = PlaybackStream.nominalRateHz(recordingRateHz, params);
        if (params.mode() != PlaybackParams.Mode.HETERODYNE && nominal >= 4_000 && nominal <= 192_000
                && nominal == Math.rint(nominal)) {
            rates.add(nominal);
        }
        for (double r : DEVICE_RATES_HZ) {
            if (!rates.contains(r)) {
                rates.add(r);
            }
        }
        return rates;
    }

    private Session current() {
        synchronized (lock) {
            return session;
        }
    }

    private static SourceDataLine openDefaultLine(AudioFormat format, int bufferBytes)
            throws LineUnavailableException {
        SourceDataLine line = AudioSystem.getSourceDataLine(format);
        line.open(format, bufferBytes);
        return line;
    }

    /** One play: the line, the stream that feeds it, and the thread that writes. */
    private static final class Session {
        final SourceDataLine line;
        final PlaybackStream stream;
        final Thread thread;
        volatile boolean running = true;

        Session(SourceDataLine line, PlaybackStream stream) {
            this.line = line;
            this.stream = stream;
            this.thread = new Thread(this::pump, "echoic-playback");
            this.thread.setDaemon(true);
        }

        private void pump() {
            int blockFrames = Math.max(64, (int) (stream.outputRateHz() * BLOCK_MS / 1000));
            float[] block = new float[blockFrames];
            byte[] bytes = new byte[2 * blockFrames];
            try {
                line.start();
                while (running) {
                    int n = stream.read(block, 0, blockFrames);
                    if (n < 0) {
                        line.drain();
                        break;
                    }
                    for (int i = 0; i < n; i++) {
                        short v = WavWriter.toPcm16(block[i]);
                        bytes[2 * i] = (byte) v;
                        bytes[2 * i + 1] = (byte) (v >> 8);
                    }
                    int off = 0;
                    while (running && off < 2 * n) {
                        int written = line.write(bytes, off, 2 * n - off);
                        if (written <= 0 && !line.isOpen()) {
                            return;
                        }
                        off += written;
                    }
                }
            } catch (RuntimeException e) {
                if (running) {
                    System.getLogger(JavaSoundPlayback.class.getName())
                            .log(System.Logger.Level.WARNING, "playback stopped: " + e, e);
                }
            } finally {
                running = false;
                line.close();
            }
        }

        void cancel() {
            running = false;
            line.stop();
            line.flush();
            line.close();
        }
    }
}
