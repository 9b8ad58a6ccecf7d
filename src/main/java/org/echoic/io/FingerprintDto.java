package org.echoic.io;

import org.echoic.segment.SegmentationFingerprint;

/** JSON form of a {@link SegmentationFingerprint} in a project file. Immutable. */
public record FingerprintDto(int segmentCount, String boundariesSha256) {

    static FingerprintDto from(SegmentationFingerprint f) {
        return f == null ? null : new FingerprintDto(f.segmentCount(), f.boundariesSha256());
    }

    SegmentationFingerprint toCore() {
        return new SegmentationFingerprint(segmentCount, boundariesSha256);
    }
}
