package org.echoic.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * The recordings of a project file that {@link RecordingFolders} does not let it open: taken out of the project
 * before anything opens, hashes or reads them (so the rest of the workbench never sees their paths), reported one line
 * each, and kept aside in the project's extra fields so that saving the project writes them back unchanged (at their
 * places, their paths relative to the file saved; an entry the project has again, opened by the user meanwhile, is not
 * written twice). Stateless; thread-safe.
 */
final class WithheldRecordings {
    /** Key of the withheld entries in {@code Project.extraFields()}; never written as a field of its own. */
    static final String KEY = "(recordings withheld)";

    private WithheldRecordings() {
    }

    /**
     * Removes from {@code root}'s recordings those that {@code folders} refuse, puts them into {@code extra} under
     * {@link #KEY} and moves the view's selection accordingly.
     *
     * @return one line per skipped recording, naming it and the reason
     */
    static List<String> apply(ObjectNode root, Path file, Path baseDir, RecordingFolders folders,
                              Map<String, Object> extra) {
        JsonNode recs = root.get("recordings");
        List<String> skipped = new ArrayList<>();
        if (recs == null || !recs.isArray()) {
            return skipped;
        }
        List<Object> kept = new ArrayList<>();
        ArrayNode arr = (ArrayNode) recs;
        int selected = root.path("view").path("selectedRecording").asInt(-1);
        int newSelected = selected;
        for (int i = arr.size() - 1; i >= 0; i--) {
            JsonNode r = arr.get(i);
            String reason = reason(r, baseDir, folders);
            if (reason == null) {
                continue;
            }
            skipped.add(0, file.getFileName() + ": recording " + (i + 1) + " skipped: " + reason);
            ObjectNode entry = ((ObjectNode) r).deepCopy();
            absolute(entry, baseDir);
            Map<String, Object> stash = new LinkedHashMap<>();
            stash.put("index", i);
            stash.put("entry", Json.mapper().convertValue(entry, Map.class));
            kept.add(0, stash);
            arr.remove(i);
            newSelected = selected == i ? -1 : selected > i && newSelected >= 0 ? newSelected - 1 : newSelected;
        }
        if (!kept.isEmpty()) {
            extra.put(KEY, kept);
            if (root.get("view") instanceof ObjectNode view && view.has("selectedRecording")) {
                view.put("selectedRecording", newSelected);
            }
        }
        return skipped;
    }

    /** Puts the withheld entries of {@code extraFields} back into {@code node}'s recordings, paths against {@code baseDir}. */
    static void restore(ObjectNode node, Map<String, Object> extraFields, Path baseDir) {
        if (!(extraFields.get(KEY) instanceof List<?> kept) || !(node.get("recordings") instanceof ArrayNode arr)) {
            return;
        }
        java.util.Set<String> present = new java.util.HashSet<>();
        for (JsonNode r : arr) {
            if (r.path("path").isTextual()) {
                present.add(ProjectPaths.toRuntime(r.get("path").asText(), baseDir).toString());
            }
        }
        for (Object o : kept) {
            if (o instanceof Map<?, ?> m && m.get("entry") instanceof Map<?, ?> entry
                    && !present.contains(String.valueOf(entry.get("path")))) {
                ObjectNode e = Json.mapper().valueToTree(entry);
                stored(e, baseDir);
                int at = m.get("index") instanceof Number n ? Math.max(0, Math.min(n.intValue(), arr.size())) : arr.size();
                arr.insert(at, e);
            }
        }
    }

    private static String reason(JsonNode r, Path baseDir, RecordingFolders folders) {
        if (!r.isObject() || !r.path("path").isTextual()) {
            return null;
        }
        String path = r.get("path").asText();
        try {
            String why = folders.refusal(baseDir, ProjectPaths.toRuntime(path, baseDir));
            if (why != null) {
                return path + " " + why;
            }
            for (JsonNode a : r.path("annotationFiles")) {
                if (a.isTextual()) {
                    String whyTable = folders.refusal(baseDir, ProjectPaths.toRuntime(a.asText(), baseDir));
                    if (whyTable != null) {
                        return "its reference table " + a.asText() + " " + whyTable;
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return null;
    }

    private static void absolute(ObjectNode e, Path baseDir) {
        convert(e, p -> ProjectPaths.toRuntime(p, baseDir).toString());
    }

    private static void stored(ObjectNode e, Path baseDir) {
        convert(e, p -> ProjectPaths.toStored(baseDir.getFileSystem().getPath(p), baseDir));
    }

    private static void convert(ObjectNode e, java.util.function.UnaryOperator<String> conv) {
        if (e.path("path").isTextual()) {
            e.set("path", TextNode.valueOf(conv.apply(e.get("path").asText())));
        }
        if (e.get("annotationFiles") instanceof ArrayNode files) {
            for (int i = 0; i < files.size(); i++) {
                if (files.get(i).isTextual()) {
                    files.set(i, TextNode.valueOf(conv.apply(files.get(i).asText())));
                }
            }
        }
    }
}
