package org.echoic.corpus;

import java.util.Locale;

/** Which segments of a recording a corpus takes. */
public enum SegmentSource {
    /** The segmenter's result for the recording's parameters. */
    AUTOMATIC,
    /** The segmenter's result with the recording's manual edits applied. */
    EDITED,
    /** The recording's reference annotation tables. */
    REFERENCE,
    /** The recording's reference table (the project's first, else one beside it) when there is one, else AUTOMATIC. */
    TABLES;

    /** The lower-case name used in files and on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@link #id()} (case-insensitive). */
    public static SegmentSource parse(String s) {
        for (SegmentSource v : values()) {
            if (v.id().equalsIgnoreCase(s.trim())) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown segment source '" + s + "' (automatic, edited, reference or tables)");
    }
}
