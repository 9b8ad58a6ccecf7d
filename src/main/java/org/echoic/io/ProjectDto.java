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
                ViewStateDto.from(p.view()), storedPaths(fromItems(p.corpora()), "recordings", baseDir, true),
                fromItems(p.models()), storedPaths(fromItems(p.trainingRuns()), "folder", baseDir, true),
                storedPaths(fromItems(p.generatedItems()), "folder", baseDir, true));
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
                toItems(storedPaths(corpora, "recordings", baseDir, false)), toItems(models),
                toItems(storedPaths(trainingRuns, "folder", baseDir, false)),
                toItems(storedPaths(generatedItems, "folder", baseDir, false)),
                new OpaqueItem(extraFields));
    }

    /**
     * Converts the path field {@code key} (a string or a list of strings) of each item between run time
     * (absolute) and storage (relative to the project file); other values are left as they are.
     */
    static List<Map<String, Object>> storedPaths(List<Map<String, Object>> items, String key, Path baseDir,
                                                 boolean toStored) {
        if (items == null) {
            return null;
        }
        java.util.function.UnaryOperator<Object> conv = v -> v instanceof String s
                ? (toStored ? ProjectPaths.toStored(Path.of(s), baseDir) : ProjectPaths.toRuntime(s, baseDir).toString())
                : v;
        return items.stream().map(m -> {
            if (m == null || !m.containsKey(key)) {
                return m;
            }
            Map<String, Object> c = new java.util.LinkedHashMap<>(m);
            Object v = m.get(key);
            c.put(key, v instanceof List<?> l ? l.stream().map(conv).toList() : conv.apply(v));
            return c;
        }).toList();
    }

    static List<Map<String, Object>> fromItems(List<OpaqueItem> items) {
        return items.stream().map(OpaqueItem::fields).toList();
    }

    static List<OpaqueItem> toItems(List<Map<String, Object>> items) {
        return items == null ? List.of() : items.stream().map(OpaqueItem::new).toList();
    }
}
