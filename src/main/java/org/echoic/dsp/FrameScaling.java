package org.echoic.dsp;

import java.util.Locale;

/**
 * How a segment's power spectrogram frames are mapped to [0, 1] for the model (RNNRBM.md, "Data"):
 * {@code log-db} clips 10·log10(power) to [max − range, max] of the segment and maps it linearly;
 * {@code linear-max} divides the power by the segment's maximum; {@code corpus-db} maps the dB above each bin's
 * noise floor of the whole corpus linearly over one corpus range ({@link CorpusLevels}), so that silence between
 * syllables is 0 and levels keep their relations across segments (the scaling of song models).
 */
public enum FrameScaling {
    LOG_DB("log-db"),
    LINEAR_MAX("linear-max"),
    CORPUS_DB("corpus-db");

    private final String id;

    FrameScaling(String id) {
        this.id = id;
    }

    /** The name used in files and on the command line ({@code log-db}, {@code linear-max}). */
    public String id() {
        return id;
    }

    /** Parses {@link #id()} (case-insensitive; '_' accepted for '-'). */
    public static FrameScaling parse(String s) {
        String k = s.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (FrameScaling f : values()) {
            if (f.id.equals(k)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown frame scaling '" + s + "' (log-db, linear-max or corpus-db)");
    }
}
