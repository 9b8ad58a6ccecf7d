package org.echoic.segment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A format-neutral annotation of a time range (and optionally a frequency band) of a recording, as read
 * from or written to Raven selection tables, Audacity labels and CSV. Times are seconds from the start
 * of the recording; an unset frequency is NaN; attributes are further named text values (column order
 * kept). Immutable.
 */
public record Annotation(double startSeconds, double endSeconds, double lowHz, double highHz, String label,
                         Map<String, String> attributes) {

    public Annotation {
        if (!Double.isFinite(startSeconds) || !Double.isFinite(endSeconds) || endSeconds < startSeconds) {
            throw new IllegalArgumentException("bad time range " + startSeconds + "–" + endSeconds + " s");
        }
        label = label == null ? "" : label;
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes == null ? Map.of() : attributes));
    }

    /** A time range with a label, no band, no attributes. */
    public Annotation(double startSeconds, double endSeconds, String label) {
        this(startSeconds, endSeconds, Double.NaN, Double.NaN, label, Map.of());
    }

    /** The annotation of a segment of a recording at {@code sampleRateHz}. */
    public static Annotation of(Segment segment, double sampleRateHz) {
        return new Annotation(segment.startSeconds(sampleRateHz), segment.endSeconds(sampleRateHz), segment.label());
    }

    /** The frames [round(start·rate), round(end·rate)) as a segment. */
    public Segment toSegment(double sampleRateHz) {
        return new Segment(Math.round(startSeconds * sampleRateHz), Math.round(endSeconds * sampleRateHz), label);
    }

    public boolean hasBand() {
        return !Double.isNaN(lowHz) || !Double.isNaN(highHz);
    }
}
