package org.echoic.io;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.echoic.project.OpaqueItem;
import org.echoic.project.Project;
import org.echoic.project.ProjectRecording;

/**
 * JSON form of a {@link Project}: the format version ("MAJOR.MINOR"), what wrote it, the recordings, spectrogram
 * settings, view state and the sections typed by later minor versions (corpora, models, training runs, generated
 * items), which this version keeps as plain JSON. Top-level fields this version does not know are handled by
 * {@link ProjectFiles} (kept and written back). Immutable.
 */
public record ProjectDto(String formatVersion, String writtenBy, List<RecordingDto> recordings,
                         SpectrogramSettingsDto spectrogram, ViewStateDto view, List<Map<String, Object>> corpora,
                         List<Map<String, Object>> models, List<Map<String, Object>> trainingRuns,
                         List<Map<String, Object>> generatedItems) {

    static ProjectDto from(Project p, Path baseDir, String writtenBy) {
        List<RecordingDto> recs = p.recordings().stream().map(r -> RecordingDto.from(r, baseDir)).toList();
        return new ProjectDto(ProjectFiles.FORMAT_VERSION, writtenBy, recs, SpectrogramSettingsDto.from(p.spectrogram()),
                ViewStateDto.from(p.view()), fromItems(p.corpora()), fromItems(p.models()),
                fromItems(p.trainingRuns()), fromItems(p.generatedItems()));
    }

    /** The core project; {@code extraFields} are the top-level fields this version does not know. */
    Project toCore(Path baseDir, Map<String, Object> extraFields) {
        List<ProjectRecording> recs = new java.util.ArrayList<>();
        List<RecordingDto> given = recordings == null ? List.of() : recordings;
        for (int i = 0; i < given.size(); i++) {
            RecordingDto r = given.get(i);
            if (r == null) {
                throw new IllegalArgumentException("recording " + (i + 1) + " is null");
            }
            try {
                recs.add(r.toCore(baseDir));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("recording " + (i + 1)
                        + (r.path() == null ? "" : " (" + r.path() + ")") + ": " + e.getMessage(), e);
            }
        }
        return new Project(recs, spectrogram == null ? null : spectrogram.toCore(), view == null ? null : view.toCore(),
                toItems(corpora), toItems(models), toItems(trainingRuns), toItems(generatedItems),
                new OpaqueItem(extraFields));
    }

    static List<Map<String, Object>> fromItems(List<OpaqueItem> items) {
        return items.stream().map(OpaqueItem::fields).toList();
    }

    static List<OpaqueItem> toItems(List<Map<String, Object>> items) {
        return items == null ? List.of() : items.stream().map(OpaqueItem::new).toList();
    }
}
