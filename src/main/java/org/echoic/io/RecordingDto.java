package org.echoic.io;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.echoic.project.ProjectRecording;

/**
 * JSON form of a {@link ProjectRecording}: paths relative to the project file's folder (with {@code /} separators
 * and {@code ..} as needed; absolute only when no relative path exists, e.g. another drive), size and hash
 * ({@code null} when not known), rate and channels, parameters, fingerprint, reference annotation tables and manual
 * edits (kept as plain JSON until a later format version types them), the agreement criterion (1.2; absent: ± 20 ms).
 * Immutable.
 */
public record RecordingDto(String path, Long sizeBytes, String sha256, double sampleRateHz, int channels,
                           SegmentationParamsDto segmentation, FingerprintDto fingerprint,
                           List<String> annotationFiles, List<Map<String, Object>> manualEdits,
                           AgreementDto agreement) {

    static RecordingDto from(ProjectRecording r, Path baseDir) {
        return new RecordingDto(ProjectPaths.toStored(r.path(), baseDir), r.sizeBytes() < 0 ? null : r.sizeBytes(),
                r.sha256(), r.sampleRateHz(), r.channels(), SegmentationParamsDto.from(r.segmentation()),
                FingerprintDto.from(r.fingerprint()),
                r.annotationFiles().stream().map(p -> ProjectPaths.toStored(p, baseDir)).toList(),
                ProjectDto.fromItems(r.manualEdits()), AgreementDto.from(r.agreement()));
    }

    ProjectRecording toCore(Path baseDir) {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("a recording has no path");
        }
        return new ProjectRecording(ProjectPaths.toRuntime(path, baseDir), sizeBytes == null ? -1 : sizeBytes,
                sha256, sampleRateHz, channels, segmentation == null ? null : segmentation.toCore(),
                fingerprint == null ? null : fingerprint.toCore(),
                annotationFiles == null ? List.of()
                        : annotationFiles.stream().map(p -> ProjectPaths.toRuntime(p, baseDir)).toList(),
                ProjectDto.toItems(manualEdits), agreement == null ? null : agreement.toCore());
    }
}
