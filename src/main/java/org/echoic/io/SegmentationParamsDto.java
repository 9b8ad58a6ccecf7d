package org.echoic.io;

import org.echoic.segment.SegmentationParams;

/**
 * JSON form of {@link SegmentationParams} in a project file. Unset thresholds and bands are {@code null} (JSON has
 * no NaN); a field missing from the file takes the default of {@link SegmentationParams#DEFAULTS}. Immutable.
 */
public record SegmentationParamsDto(Double windowMs, Double thresholdPercentile, Double thresholdDbfs,
                                    Double minSpacingMs, Double minLengthMs, Double maxLengthMs, Double bufferMs,
                                    Integer channel, Double bandLowHz, Double bandHighHz) {

    static SegmentationParamsDto from(SegmentationParams p) {
        return new SegmentationParamsDto(p.windowMs(), p.thresholdPercentile(), nanToNull(p.thresholdDbfs()),
                p.minSpacingMs(), p.minLengthMs(), p.maxLengthMs(), p.bufferMs(), p.channel(),
                nanToNull(p.bandLowHz()), nanToNull(p.bandHighHz()));
    }

    SegmentationParams toCore() {
        SegmentationParams d = SegmentationParams.DEFAULTS;
        return new SegmentationParams(or(windowMs, d.windowMs()), or(thresholdPercentile, d.thresholdPercentile()),
                nullToNan(thresholdDbfs), or(minSpacingMs, d.minSpacingMs()), or(minLengthMs, d.minLengthMs()),
                or(maxLengthMs, d.maxLengthMs()), or(bufferMs, d.bufferMs()),
                channel == null ? d.channel() : channel, nullToNan(bandLowHz), nullToNan(bandHighHz));
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
