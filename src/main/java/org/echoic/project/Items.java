package org.echoic.project;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Reading typed values out of an {@link OpaqueItem}'s fields, with messages naming the field. */
final class Items {
    private Items() {
    }

    static String string(Map<String, Object> f, String key, String dflt) {
        Object v = f.get(key);
        if (v == null) {
            if (dflt == null) {
                throw new IllegalArgumentException("missing field '" + key + "'");
            }
            return dflt;
        }
        return String.valueOf(v);
    }

    static Number number(Map<String, Object> f, String key, Number dflt) {
        Object v = f.get(key);
        if (v == null) {
            if (dflt == null) {
                throw new IllegalArgumentException("missing field '" + key + "'");
            }
            return dflt;
        }
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException("field '" + key + "' must be a number: " + v);
        }
        return n;
    }

    static boolean bool(Map<String, Object> f, String key, boolean dflt) {
        Object v = f.get(key);
        return v == null ? dflt : Boolean.TRUE.equals(v) || "true".equals(v);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> f, String key) {
        Object v = f.get(key);
        if (v == null) {
            return Map.of();
        }
        if (!(v instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("field '" + key + "' must be an object");
        }
        return (Map<String, Object>) v;
    }

    static List<?> list(Map<String, Object> f, String key) {
        Object v = f.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> l)) {
            throw new IllegalArgumentException("field '" + key + "' must be a list");
        }
        return l;
    }

    static Path path(Map<String, Object> f, String key) {
        return Path.of(string(f, key, null)).toAbsolutePath().normalize();
    }
}
