package org.echoic.cli;

import org.echoic.segment.Agreement;

import picocli.CommandLine.Option;

/** The agreement criterion options of {@code segment --reference}: --match, --tolerance-ms and --min-iou. */
final class MatchOptions {
    @Option(names = "--match", defaultValue = "onset-offset", description = "How a reference and a detection may match: "
            + "onset-offset (both within --tolerance-ms) or overlap (intersection over union at least --min-iou) "
            + "(default: ${DEFAULT-VALUE}).")
    String match;

    @Option(names = "--tolerance-ms", description = "Onset/offset tolerance for --match onset-offset (default: 20).")
    Double toleranceMs;

    @Option(names = "--min-iou", description = "Minimum intersection over union for --match overlap, in (0, 1] "
            + "(default: 0.5).")
    Double minIoU;

    /** The agreement criterion from --match, --tolerance-ms and --min-iou. */
    Agreement.Criterion criterion() {
        switch (match) {
            case "onset-offset" -> {
                if (minIoU != null) {
                    throw new IllegalArgumentException("--min-iou needs --match overlap");
                }
                double ms = toleranceMs == null ? Agreement.DEFAULT_TOLERANCE_SECONDS * 1000 : toleranceMs;
                if (!(ms >= 0 && Double.isFinite(ms))) {
                    throw new IllegalArgumentException("--tolerance-ms must be a number ≥ 0: " + toleranceMs);
                }
                return Agreement.Criterion.onsetOffset(ms / 1000);
            }
            case "overlap" -> {
                if (toleranceMs != null) {
                    throw new IllegalArgumentException("--tolerance-ms needs --match onset-offset");
                }
                double iou = minIoU == null ? Agreement.DEFAULT_MIN_IOU : minIoU;
                if (!(iou > 0 && iou <= 1)) {
                    throw new IllegalArgumentException("--min-iou must be in (0, 1]: " + minIoU);
                }
                return Agreement.Criterion.overlap(iou);
            }
            default -> throw new IllegalArgumentException("--match must be onset-offset or overlap: " + match);
        }
    }
}
