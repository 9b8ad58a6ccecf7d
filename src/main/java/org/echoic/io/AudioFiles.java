package org.echoic.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.echoic.audio.Recording;

/**
 * Opens audio files as {@link Recording}s: the entry point for every reader of the workbench. The format is
 * detected from the first bytes, not the name: WAV (RIFF, RIFX, RF64/BW64), Sony Wave64, AIFF, AIFF-C and
 * FLAC. PCM files are memory-mapped; FLAC is decoded once to a temporary float file that is mapped and deleted
 * on close. Stateless; thread-safe.
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
        if (!Files.exists(file)) {
            throw new AudioFileException(file, "does not exist");
        }
        if (!Files.isReadable(file)) {
            throw new AudioFileException(file, "cannot be read (permission denied)");
        }
        try (FileBytes in = FileBytes.open(file)) {
            return detect(in);
        } catch (AudioFileException e) {
            throw e;
        } catch (NoSuchFileException e) {
            throw new AudioFileException(file, "does not exist", e);
        } catch (AccessDeniedException e) {
            throw new AudioFileException(file, "cannot be read (permission denied)", e);
        } catch (IOException e) {
            throw new AudioFileException(file, "cannot be read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new AudioFileException(file, "is malformed and cannot be read (an internal check failed; --verbose "
                    + "shows where)", e);
        }
    }

    private static Recording detect(FileBytes in) throws IOException {
        long size = in.size();
        if (size == 0) {
            throw in.error("is empty (0 bytes)");
        }
        if (size < 12) {
            throw in.error("is too short for an audio header (" + size + " bytes)");
        }
        ByteBuffer head = in.read(0, (int) Math.min(size, 16), ByteOrder.BIG_ENDIAN, "file header");
        for (String riff : new String[] {"RIFF", "RIFX", "RF64", "BW64"}) {
            if (FileBytes.startsWith(head, riff)) {
                String form = FileBytes.fourCc(head, 8);
                if (!form.equals("WAVE")) {
                    throw in.error("is a " + riff + " file of type '" + form + "', not WAVE audio");
                }
                return WavReader.read(in, riff);
            }
        }
        if (size >= 16 && WavReader.isWave64(head)) {
            return WavReader.readWave64(in);
        }
        if (FileBytes.startsWith(head, "FORM")) {
            String form = FileBytes.fourCc(head, 8);
            if (form.equals("AIFF") || form.equals("AIFC")) {
                return AiffReader.read(in, form.equals("AIFC"));
            }
            throw in.error("is an IFF file of type '" + form + "', not AIFF audio");
        }
        if (FileBytes.startsWith(head, "fLaC")) {
            return FlacReader.read(in);
        }
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            hex.append(String.format("%02X ", head.get(i) & 0xFF));
        }
        throw in.error("is not a recognised audio file (it starts with bytes " + hex.toString().trim()
                + "; WAV, RF64, Wave64, AIFF, AIFF-C and FLAC are supported)");
    }
}
