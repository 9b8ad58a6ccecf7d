package org.echoic.project;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An entry of a project section this version does not type yet (corpus definitions, model configurations,
 * training runs, generated items, manual edits): the entry's fields as plain JSON-like values (strings, numbers,
 * booleans, null, lists and string-keyed maps of these), kept exactly so that a project written by a newer minor
 * version loses nothing when saved by this one. Immutable (deep copy); thread-safe.
 */
public record OpaqueItem(Map<String, Object> fields) {

    public OpaqueItem {
        fields = copyMap(fields == null ? Map.of() : fields);
    }

    private static Map<String, Object> copyMap(Map<?, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                throw new IllegalArgumentException("field names must be strings: " + e.getKey());
            }
            out.put(key, copyValue(e.getValue()));
        }
        return Collections.unmodifiableMap(out);
    }

    private static Object copyValue(Object v) {
        if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean) {
            return v;
        }
        if (v instanceof Map<?, ?> m) {
            return copyMap(m);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object x : l) {
                out.add(copyValue(x));
            }
            return Collections.unmodifiableList(out);
        }
        throw new IllegalArgumentException("not a JSON value: " + v.getClass().getName());
    }
}
