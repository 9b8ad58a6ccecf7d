package org.echoic.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.echoic.audio.Recording;
import org.echoic.io.AudioFiles;

/** Background sound for synthetic songs: recordings read whole (mean of channels) and joined end to end. */
final class BackgroundNoise {
    /** At most this many frames are read from all files together (10 minutes at 32 kHz). */
    private static final long MAX_FRAMES = 32_000L * 600;

    private BackgroundNoise() {
    }

    /**
     * The samples of {@code files} joined, or null when there are none.
     *
     * @throws IllegalArgumentException naming the file when its rate is not {@code sampleRateHz}
     */
    static float[] read(List<Path> files, double sampleRateHz) throws IOException {
        if (files.isEmpty()) {
            return null;
        }
        float[][] parts = new float[files.size()][];
        long total = 0;
        for (int f = 0; f < files.size(); f++) {
            try (Recording rec = AudioFiles.open(files.get(f))) {
                if (rec.sampleRateHz() != sampleRateHz) {
                    throw new IllegalArgumentException(files.get(f) + ": sample rate " + rec.sampleRateHz()
                            + " Hz; --background needs " + sampleRateHz + " Hz recordings");
                }
                int n = (int) Math.min(rec.frames(), MAX_FRAMES - total);
                parts[f] = new float[Math.max(0, n)];
                rec.read(0, parts[f].length, Recording.MEAN_CHANNEL, parts[f], 0);
                total += parts[f].length;
            }
        }
        float[] out = new float[(int) total];
        int at = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
