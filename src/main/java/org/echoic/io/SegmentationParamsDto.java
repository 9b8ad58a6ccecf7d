package org.echoic.io;

import org.echoic.segment.SegmentationParams;

/**
 * JSON form of {@link SegmentationParams} in a project file. Unset thresholds, bands and the high-pass are
 * {@code null} (JSON has no NaN). A field missing from the file takes the value of
 * {@link SegmentationParams#ORIGINAL}: files written before format 1.2 (no high-pass, no threshold above the noise
 * floor, no overlap-free padding) mean what they meant when they were written. Immutable.
 */
public record SegmentationParamsDto(Double windowMs, Double thresholdPercentile, Double thresholdDbfs,
                                    Double minSpacingMs, Double minLengthMs, Double maxLengthMs, Double bufferMs,
                                    Integer channel, Double bandLowHz, Double bandHighHz, Double highPassHz,
                                    Double aboveNoiseDb, Boolean overlapFree) {

    static SegmentationParamsDto from(SegmentationParams p) {
        return new SegmentationParamsDto(p.windowMs(), p.thresholdPercentile(), nanToNull(p.thresholdDbfs()),
                p.minSpacingMs(), p.minLengthMs(), p.maxLengthMs(), p.bufferMs(), p.channel(),
                nanToNull(p.bandLowHz()), nanToNull(p.bandHighHz()), nanToNull(p.highPassHz()),
                nanToNull(p.aboveNoiseDb()), p.overlapFree());
    }

    SegmentationParams toCore() {
        SegmentationParams d = SegmentationParams.ORIGINAL;
        return new SegmentationParams(or(windowMs, d.windowMs()), or(thresholdPercentile, d.thresholdPercentile()),
                nullToNan(thresholdDbfs), or(minSpacingMs, d.minSpacingMs()), or(minLengthMs, d.minLengthMs()),
                or(maxLengthMs, d.maxLengthMs()), or(bufferMs, d.bufferMs()),
                channel == null ? d.channel() : channel, nullToNan(bandLowHz), nullToNan(bandHighHz),
                nullToNan(highPassHz), nullToNan(aboveNoiseDb), overlapFree != null && overlapFree);
    }

    static Double nanToNull(double v) {
        return Double.isNaN(v) ? null : v;
    }

    static double nullToNan(Double v) {
        return v == null ? Double.NaN : v;
    }

    private static double or(Double v, double fallback) {
        return v == null ? fallback : v;
    }
}
