package org.echoic.service;

import java.io.ByteArrayOutputStream;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.Control;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineListener;
import javax.sound.sampled.SourceDataLine;

/** A SourceDataLine that keeps what is written (up to a limit) and reports as played all but one buffer of it. */
final class FakeLine implements SourceDataLine {
    final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final int captureLimitBytes;
    private final int bufferFrames;
    private AudioFormat format;
    private volatile boolean open = true;
    private volatile boolean running;
    private volatile long framesWritten;
    volatile boolean drained;

    FakeLine(AudioFormat format, int captureLimitBytes, int bufferFrames) {
        this.format = format;
        this.captureLimitBytes = captureLimitBytes;
        this.bufferFrames = bufferFrames;
    }

    @Override
    public synchronized int write(byte[] b, int off, int len) {
        if (!open) {
            return 0;
        }
        if (captured.size() < captureLimitBytes) {
            captured.write(b, off, Math.min(len, captureLimitBytes - captured.size()));
        } else {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        framesWritten += len / 2;
        return len;
    }

    @Override
    public void open(AudioFormat f, int bufferSize) {
        format = f;
        open = true;
    }

    @Override
    public void open(AudioFormat f) {
        open(f, 0);
    }

    @Override
    public void drain() {
        drained = true;
    }

    @Override
    public void flush() {
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public boolean isActive() {
        return running;
    }

    @Override
    public AudioFormat getFormat() {
        return format;
    }

    @Override
    public int getBufferSize() {
        return bufferFrames * 2;
    }

    @Override
    public int available() {
        return bufferFrames * 2;
    }

    @Override
    public int getFramePosition() {
        return (int) getLongFramePosition();
    }

    @Override
    public long getLongFramePosition() {
        return Math.max(0, framesWritten - bufferFrames);
    }

    @Override
    public long getMicrosecondPosition() {
        return (long) (getLongFramePosition() * 1e6 / format.getSampleRate());
    }

    @Override
    public float getLevel() {
        return AudioSystemConstants.NOT_SPECIFIED;
    }

    @Override
    public javax.sound.sampled.Line.Info getLineInfo() {
        return new DataLine.Info(SourceDataLine.class, format);
    }

    @Override
    public void open() {
        open = true;
    }

    @Override
    public void close() {
        open = false;
        running = false;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public Control[] getControls() {
        return new Control[0];
    }

    @Override
    public boolean isControlSupported(Control.Type control) {
        return false;
    }

    @Override
    public Control getControl(Control.Type control) {
        throw new IllegalArgumentException("no controls");
    }

    @Override
    public void addLineListener(LineListener listener) {
    }

    @Override
    public void removeLineListener(LineListener listener) {
    }

    /** Constants of AudioSystem without touching the class in a field initialiser. */
    private static final class AudioSystemConstants {
        static final float NOT_SPECIFIED = -1f;
    }
}
