package org.echoic.io;

import org.echoic.segment.Agreement;

/**
 * JSON form of an {@link Agreement.Criterion}: {@code {"match": "onset-offset", "toleranceMs": 20}} or
 * {@code {"match": "overlap", "minIoU": 0.5}}. Immutable.
 */
public record AgreementDto(String match, Double toleranceMs, Double minIoU) {
    static final String ONSET_OFFSET = "onset-offset";
    static final String OVERLAP = "overlap";

    static AgreementDto from(Agreement.Criterion c) {
        return c.kind() == Agreement.Kind.OVERLAP ? new AgreementDto(OVERLAP, null, c.value())
                : new AgreementDto(ONSET_OFFSET, c.value() * 1000, null);
    }

    Agreement.Criterion toCore() {
        if (OVERLAP.equals(match)) {
            return Agreement.Criterion.overlap(minIoU == null ? Agreement.DEFAULT_MIN_IOU : minIoU);
        }
        if (match != null && !ONSET_OFFSET.equals(match)) {
            throw new IllegalArgumentException("agreement match must be '" + ONSET_OFFSET + "' or '" + OVERLAP
                    + "': " + match);
        }
        return Agreement.Criterion.onsetOffset(toleranceMs == null ? Agreement.DEFAULT_TOLERANCE_SECONDS
                : toleranceMs / 1000);
    }
}
