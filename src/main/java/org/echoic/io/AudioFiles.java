package org.echoic.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

import org.echoic.audio.ArrayRecording;
import org.echoic.audio.Recording;

/**
 * Opens audio files as {@link Recording}s. Entry point for every reader of the workbench.
 * Stateless; thread-safe.
 */
public final class AudioFiles {
    private AudioFiles() {
    }

    /**
     * Opens {@code file} for reading.
     *
     * @throws AudioFileException naming the file and the problem when it cannot be read as audio
     */
    public static Recording open(Path file) throws AudioFileException {
        if (Files.isDirectory(file)) {
            throw new AudioFileException(file, "is a directory, not an audio file");
        }
        if (!Files.isReadable(file)) {
            throw new AudioFileException(file, Files.exists(file) ? "cannot be read (permission denied)" : "does not exist");
        }
        try (AudioInputStream in = AudioSystem.getAudioInputStream(file.toFile())) {
            AudioFormat src = in.getFormat();
            AudioFormat dst = new AudioFormat(AudioFormat.Encoding.PCM_FLOAT, src.getSampleRate(), 32,
                    src.getChannels(), 4 * src.getChannels(), src.getSampleRate(), false);
            byte[] bytes = AudioSystem.getAudioInputStream(dst, in).readAllBytes();
            int channels = src.getChannels();
            int frames = bytes.length / (4 * channels);
            float[][] samples = new float[channels][frames];
            java.nio.FloatBuffer fb = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
            for (int i = 0; i < frames; i++) {
                for (int c = 0; c < channels; c++) {
                    samples[c][i] = fb.get();
                }
            }
            return new ArrayRecording(file, src.getSampleRate(), samples);
        } catch (UnsupportedAudioFileException | IllegalArgumentException e) {
            throw new AudioFileException(file, "not a supported audio file", e);
        } catch (IOException e) {
            throw new AudioFileException(file, "cannot be read: " + e.getMessage(), e);
        }
    }
}
