package org.echoic.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checked access to the fields of one JSON object of a file: every accessor checks presence, type and range before the
 * value is used, and refuses with an {@link InvalidFileException} naming the file, the field's path (such as
 * {@code model.cdSteps} or {@code history[3].trainCost}) and the problem in plain words. The shared way for readers in
 * {@code io} to turn a parsed tree into validated values. Immutable; thread-safe.
 */
final class JsonFields {
    private final Path file;
    private final JsonNode node;
    private final String path;

    private JsonFields(Path file, JsonNode node, String path) {
        this.file = file;
        this.node = node;
        this.path = path;
    }

    /** The top-level object of {@code file}; refused when the document is not an object. */
    static JsonFields root(Path file, JsonNode root, String what) throws InvalidFileException {
        if (root == null || !root.isObject()) {
            throw new InvalidFileException(file, null, "is not " + what + " (its JSON is " + kind(root)
                    + ", not an object)");
        }
        return new JsonFields(file, root, "");
    }

    Path file() {
        return file;
    }

    /** The underlying node (for readers that stream or convert it). */
    JsonNode node() {
        return node;
    }

    /** The path of field {@code name} of this object. */
    String path(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** True when field {@code name} is present and not null. */
    boolean has(String name) {
        return node.hasNonNull(name);
    }

    /** The problem {@code problem} of field {@code name}. */
    InvalidFileException error(String name, String problem) {
        return new InvalidFileException(file, name == null ? path : path(name), problem);
    }

    private JsonNode required(String name, String expected) throws InvalidFileException {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            throw error(name, "missing (expected " + expected + ")");
        }
        return v;
    }

    /** The object in field {@code name}. */
    JsonFields object(String name) throws InvalidFileException {
        JsonNode v = required(name, "an object");
        if (!v.isObject()) {
            throw error(name, "must be an object, found " + kind(v));
        }
        return new JsonFields(file, v, path(name));
    }

    /** The object in field {@code name}, or null when absent or null. */
    JsonFields objectOrNull(String name) throws InvalidFileException {
        return has(name) ? object(name) : null;
    }

    /** The elements of the list in field {@code name}: at most {@code maxCount}, each checked by the caller. */
    List<JsonNode> list(String name, int maxCount) throws InvalidFileException {
        JsonNode v = required(name, "a list");
        if (!v.isArray()) {
            throw error(name, "must be a list, found " + kind(v));
        }
        if (v.size() > maxCount) {
            throw error(name, "has " + v.size() + " entries, more than the " + maxCount + " allowed");
        }
        List<JsonNode> out = new ArrayList<>(v.size());
        v.forEach(out::add);
        return out;
    }

    /** The objects of the list in field {@code name} (at most {@code maxCount}), each with its own path. */
    List<JsonFields> objects(String name, int maxCount) throws InvalidFileException {
        List<JsonNode> items = list(name, maxCount);
        List<JsonFields> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            String p = path(name) + "[" + i + "]";
            if (!items.get(i).isObject()) {
                throw new InvalidFileException(file, p, "must be an object, found " + kind(items.get(i)));
            }
            out.add(new JsonFields(file, items.get(i), p));
        }
        return out;
    }

    /** The whole number in field {@code name}, from {@code min} to {@code max}. */
    long whole(String name, long min, long max) throws InvalidFileException {
        JsonNode v = required(name, "a whole number");
        return wholeOf(v, path(name), min, max);
    }

    /** The whole number in field {@code name}, or {@code absent} when the field is absent or null. */
    long whole(String name, long min, long max, long absent) throws InvalidFileException {
        return has(name) ? whole(name, min, max) : absent;
    }

    /** The whole number in field {@code name} as an int, from {@code min} to {@code max}. */
    int integer(String name, int min, int max) throws InvalidFileException {
        return (int) whole(name, min, max);
    }

    /** The whole number in field {@code name} as an int, or {@code absent}. */
    int integer(String name, int min, int max, int absent) throws InvalidFileException {
        return (int) whole(name, min, max, absent);
    }

    /** A whole number element {@code v} at {@code fieldPath}. */
    long wholeOf(JsonNode v, String fieldPath, long min, long max) throws InvalidFileException {
        boolean integral = v.isIntegralNumber() && v.canConvertToLong()
                || v.isFloatingPointNumber() && v.asDouble() == Math.rint(v.asDouble())
                && Math.abs(v.asDouble()) < 9.0e18;
        if (!integral) {
            String found = v.isNumber() ? (v.isIntegralNumber() ? "a number too large" : "the fraction " + v.asText())
                    : kind(v);
            throw new InvalidFileException(file, fieldPath, "must be a whole number from " + min + " to " + max
                    + ", found " + found);
        }
        long x = v.isIntegralNumber() ? v.asLong() : (long) v.asDouble();
        if (x < min || x > max) {
            throw new InvalidFileException(file, fieldPath, "must be a whole number from " + min + " to " + max
                    + ", found " + v.asText());
        }
        return x;
    }

    /** The finite number in field {@code name}, from {@code min} to {@code max}. */
    double number(String name, double min, double max) throws InvalidFileException {
        JsonNode v = required(name, "a number");
        return numberOf(v, path(name), min, max);
    }

    /** The number in field {@code name}, or {@code absent} when the field is absent or null. */
    double number(String name, double min, double max, double absent) throws InvalidFileException {
        return has(name) ? number(name, min, max) : absent;
    }

    /** A finite number element {@code v} at {@code fieldPath}, from {@code min} to {@code max}. */
    InvalidFileException checkNumber(JsonNode v, String fieldPath, double min, double max) {
        if (!v.isNumber()) {
            return new InvalidFileException(file, fieldPath, "must be a number, found " + kind(v));
        }
        double x = v.asDouble();
        if (!(x >= min && x <= max)) {
            return new InvalidFileException(file, fieldPath, "must be a number from " + num(min) + " to " + num(max)
                    + ", found " + v.asText());
        }
        return null;
    }

    double numberOf(JsonNode v, String fieldPath, double min, double max) throws InvalidFileException {
        InvalidFileException e = checkNumber(v, fieldPath, min, max);
        if (e != null) {
            throw e;
        }
        return v.asDouble();
    }

    /** The value of field {@code name}: true or false. */
    boolean bool(String name) throws InvalidFileException {
        JsonNode v = required(name, "true or false");
        if (!v.isBoolean()) {
            throw error(name, "must be true or false, found " + kind(v));
        }
        return v.asBoolean();
    }

    /** The value of field {@code name} (true or false), or {@code absent}. */
    boolean bool(String name, boolean absent) throws InvalidFileException {
        return has(name) ? bool(name) : absent;
    }

    /** The text in field {@code name}, at most {@code maxLength} characters. */
    String text(String name, int maxLength) throws InvalidFileException {
        JsonNode v = required(name, "text");
        if (!v.isTextual()) {
            throw error(name, "must be text, found " + kind(v));
        }
        if (v.asText().length() > maxLength) {
            throw error(name, "is " + v.asText().length() + " characters long, more than the " + maxLength + " allowed");
        }
        return v.asText();
    }

    /** The text in field {@code name}, or {@code absent} when the field is absent or null. */
    String text(String name, int maxLength, String absent) throws InvalidFileException {
        return has(name) ? text(name, maxLength) : absent;
    }

    /** The constant of {@code type} named by field {@code name}. */
    <E extends Enum<E>> E choice(String name, Class<E> type) throws InvalidFileException {
        String t = text(name, 100);
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(t)) {
                return e;
            }
        }
        throw error(name, "must be one of " + Arrays.toString(type.getEnumConstants()) + ", found '" + t + "'");
    }

    /** A value in words for messages: {@code text 'abc'}, {@code the number 3}, {@code a list}, {@code nothing}. */
    static String kind(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "nothing";
        }
        if (v.isNull()) {
            return "null";
        }
        if (v.isTextual()) {
            String t = v.asText();
            return "text '" + (t.length() > 40 ? t.substring(0, 40) + "…" : t) + "'";
        }
        if (v.isNumber()) {
            return "the number " + v.asText();
        }
        if (v.isBoolean()) {
            return v.asText();
        }
        return v.isArray() ? "a list" : v.isObject() ? "an object" : "a value of another kind";
    }

    private static String num(double x) {
        if (Double.isInfinite(x)) {
            return x > 0 ? "any size" : "any";
        }
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : String.format(Locale.ROOT, "%g", x);
    }
}
