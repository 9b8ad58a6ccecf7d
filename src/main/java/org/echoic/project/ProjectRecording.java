package org.echoic.project;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.echoic.segment.Agreement;
import org.echoic.segment.SegmentationFingerprint;
import org.echoic.segment.SegmentationParams;

/**
 * A recording of a project with what identifies its file and what the project keeps about it. Immutable value;
 * the {@code with…} methods make changed copies. Changing the segmentation parameters clears the fingerprint (it
 * belonged to the old parameters).
 *
 * @param path            absolute, normalised path at run time (stored relative to the project file)
 * @param sizeBytes       file size in bytes when last hashed, or -1 when not yet known
 * @param sha256          lower-case hex SHA-256 of the file, or null when not yet known
 * @param sampleRateHz    sample rate in Hz (positive)
 * @param channels        channel count (positive)
 * @param segmentation    the recording's segmentation parameters
 * @param fingerprint     what segmenting with {@code segmentation} gave when saved, or null when not recorded
 * @param annotationFiles reference annotation tables (Raven, Audacity, CSV), absolute paths
 * @param manualEdits     manual segment edits (typed by a later format version; kept as given)
 * @param agreement       how the references are matched with the segments (format 1.2; null = ± 20 ms)
 */
public record ProjectRecording(Path path, long sizeBytes, String sha256, double sampleRateHz, int channels,
                               SegmentationParams segmentation, SegmentationFingerprint fingerprint,
                               List<Path> annotationFiles, List<OpaqueItem> manualEdits,
                               Agreement.Criterion agreement) {

    /** A recording matched with the default criterion (± 20 ms on onsets and offsets). */
    public ProjectRecording(Path path, long sizeBytes, String sha256, double sampleRateHz, int channels,
                            SegmentationParams segmentation, SegmentationFingerprint fingerprint,
                            List<Path> annotationFiles, List<OpaqueItem> manualEdits) {
        this(path, sizeBytes, sha256, sampleRateHz, channels, segmentation, fingerprint, annotationFiles, manualEdits,
                null);
    }

    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    public ProjectRecording {
        if (path == null) {
            throw new IllegalArgumentException("a recording needs a path");
        }
        path = path.toAbsolutePath().normalize();
        if (sizeBytes < -1) {
            throw new IllegalArgumentException("size must be -1 (unknown) or non-negative: " + sizeBytes);
        }
        if (sha256 != null && !HEX64.matcher(sha256).matches()) {
            throw new IllegalArgumentException(path + ": SHA-256 must be 64 lower-case hex digits: " + sha256);
        }
        if (!(sampleRateHz > 0) || Double.isInfinite(sampleRateHz)) {
            throw new IllegalArgumentException(path + ": sample rate must be positive: " + sampleRateHz);
        }
        if (channels < 1) {
            throw new IllegalArgumentException(path + ": channel count must be positive: " + channels);
        }
        segmentation = segmentation == null ? SegmentationParams.DEFAULTS : segmentation;
        annotationFiles = annotationFiles == null ? List.of()
                : annotationFiles.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        manualEdits = manualEdits == null ? List.of() : List.copyOf(manualEdits);
        agreement = agreement == null ? Agreement.Criterion.DEFAULT : agreement;
    }

    /** A newly added recording: size and hash not yet known, default segmentation, nothing else. */
    public static ProjectRecording of(Path path, double sampleRateHz, int channels) {
        return new ProjectRecording(path, -1, null, sampleRateHz, channels, SegmentationParams.DEFAULTS, null,
                List.of(), List.of());
    }

    /** True when size and hash are known. */
    public boolean isHashed() {
        return sha256 != null && sizeBytes >= 0;
    }

    /** The file name shown to users. */
    public String name() {
        return path.getFileName() == null ? path.toString() : path.getFileName().toString();
    }

    public ProjectRecording withFile(Path newPath, long newSizeBytes, String newSha256) {
        return new ProjectRecording(newPath, newSizeBytes, newSha256, sampleRateHz, channels, segmentation,
                fingerprint, annotationFiles, manualEdits, agreement);
    }

    /** New parameters; the fingerprint is cleared when they differ from the current ones. */
    public ProjectRecording withSegmentation(SegmentationParams params) {
        return new ProjectRecording(path, sizeBytes, sha256, sampleRateHz, channels, params,
                params.equals(segmentation) ? fingerprint : null, annotationFiles, manualEdits, agreement);
    }

    public ProjectRecording withFingerprint(SegmentationFingerprint f) {
        return new ProjectRecording(path, sizeBytes, sha256, sampleRateHz, channels, segmentation, f,
                annotationFiles, manualEdits, agreement);
    }

    public ProjectRecording withFormat(double newSampleRateHz, int newChannels) {
        return new ProjectRecording(path, sizeBytes, sha256, newSampleRateHz, newChannels, segmentation, fingerprint,
                annotationFiles, manualEdits, agreement);
    }

    public ProjectRecording withAnnotationFiles(List<Path> files) {
        return new ProjectRecording(path, sizeBytes, sha256, sampleRateHz, channels, segmentation, fingerprint,
                files, manualEdits, agreement);
    }

    public ProjectRecording withAgreement(Agreement.Criterion criterion) {
        return new ProjectRecording(path, sizeBytes, sha256, sampleRateHz, channels, segmentation, fingerprint,
                annotationFiles, manualEdits, criterion);
    }

    public ProjectRecording withManualEdits(List<OpaqueItem> edits) {
        return new ProjectRecording(path, sizeBytes, sha256, sampleRateHz, channels, segmentation, fingerprint,
                annotationFiles, edits, agreement);
    }
}
