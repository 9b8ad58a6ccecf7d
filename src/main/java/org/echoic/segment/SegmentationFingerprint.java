package org.echoic.segment;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What a segmentation produced, in a form small enough to store in a project and compare later: the number of
 * segments and a SHA-256 over their boundaries (each segment's start and end frame as two big-endian 64-bit
 * integers, in order). Labels do not count. Immutable value.
 *
 * @param segmentCount     number of segments
 * @param boundariesSha256 lower-case hex SHA-256 of the boundaries
 */
public record SegmentationFingerprint(int segmentCount, String boundariesSha256) {

    public SegmentationFingerprint {
        if (segmentCount < 0) {
            throw new IllegalArgumentException("segment count must be non-negative: " + segmentCount);
        }
        if (boundariesSha256 == null || !boundariesSha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("boundaries hash must be 64 lower-case hex digits: " + boundariesSha256);
        }
    }

    /** The fingerprint of {@code segments} (in the order given). */
    public static SegmentationFingerprint of(List<Segment> segments) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
        ByteBuffer b = ByteBuffer.allocate(16);
        for (Segment s : segments) {
            b.clear();
            b.putLong(s.startFrame()).putLong(s.endFrame());
            sha.update(b.array());
        }
        return new SegmentationFingerprint(segments.size(), HexFormat.of().formatHex(sha.digest()));
    }
}
