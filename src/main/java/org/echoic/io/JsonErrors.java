package org.echoic.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

/**
 * Jackson's failures in plain words: a parse error becomes "not valid JSON at line L, column C: the file ends too
 * early", a type mismatch becomes "recordings[2].sampleRateHz: must be a number, found text" — never Java class
 * names. Also the parser limits every reader shares (nesting depth, lengths of numbers and text). Stateless;
 * thread-safe.
 */
final class JsonErrors {
    /** Deepest nesting of lists and objects accepted (Echoic's files nest fewer than ten levels). */
    static final int MAX_NESTING = 200;
    /** Longest text value accepted, in characters. */
    static final int MAX_STRING = 1 << 24;

    private static final Pattern FROM = Pattern.compile("from (\\w+)(?: value)?");
    private static final Pattern NOISE = Pattern.compile("\\s*\\((?:start marker at )?\\[Source:.*?\\]\\)|\\[Source:"
            + ".*?\\]|\\s*\\(code \\d+\\)|\\s*\\(for [^)]*\\)");

    private JsonErrors() {
    }

    /** The JSON factory of every mapper in {@code io}: limits on nesting and on lengths. */
    static JsonFactory factory() {
        return JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING).maxNumberLength(400).maxStringLength(MAX_STRING).build()).build();
    }

    /** Parses {@code bytes} of {@code file} into a tree, refusing malformed JSON in plain words. */
    static JsonNode parse(ObjectMapper mapper, Path file, byte[] bytes) throws InvalidFileException {
        try {
            JsonNode root = mapper.readTree(bytes);
            if (root == null || root.isMissingNode()) {
                throw new InvalidFileException(file, null, bytes.length == 0 ? "is empty" : "holds no JSON value");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw describe(file, e);
        } catch (IOException e) {
            throw new InvalidFileException(file, null, "cannot be read: " + e.getMessage(), e);
        }
    }

    /** {@code e} as a one-line problem of {@code file}. */
    static InvalidFileException describe(Path file, JsonProcessingException e) {
        if (e instanceof JsonMappingException m && !(e.getCause() instanceof StreamConstraintsException)
                && !m.getPath().isEmpty()) {
            return new InvalidFileException(file, path(m.getPath()), mappingProblem(m), e);
        }
        if (e instanceof StreamConstraintsException || e.getCause() instanceof StreamConstraintsException) {
            return new InvalidFileException(file, null, "not valid JSON for Echoic: it nests lists or objects more "
                    + "than " + MAX_NESTING + " deep, or holds a number or text of absurd length", e);
        }
        JsonLocation at = e.getLocation();
        String where = at == null || at.getLineNr() < 0 ? "" : " at line " + at.getLineNr() + ", column "
                + at.getColumnNr();
        return new InvalidFileException(file, null, "not valid JSON" + where + ": " + parseProblem(e), e);
    }

    /** A field path such as {@code recordings[2].path} from Jackson's path of references. */
    static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder s = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                if (s.length() > 0) {
                    s.append('.');
                }
                s.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                s.append('[').append(r.getIndex()).append(']');
            }
        }
        return s.toString();
    }

    private static String mappingProblem(JsonMappingException m) {
        if (m instanceof ValueInstantiationException && m.getCause() != null && m.getCause().getMessage() != null) {
            return m.getCause().getMessage();
        }
        if (m instanceof InvalidFormatException f) {
            return "must be " + expected(f.getTargetType()) + ", found '" + f.getValue() + "'";
        }
        if (m instanceof MismatchedInputException mi && mi.getTargetType() != null) {
            Matcher from = FROM.matcher(String.valueOf(m.getOriginalMessage()));
            String found = from.find() ? found(from.group(1)) : "a value of another kind";
            return "must be " + expected(mi.getTargetType()) + ", found " + found;
        }
        return "has a value of the wrong kind";
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "another kind of value";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (type == String.class || type.isEnum()) {
            return "text";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            return "a whole number";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        return "an object";
    }

    private static String found(String token) {
        return switch (token) {
            case "String" -> "text";
            case "Array", "START_ARRAY" -> "a list";
            case "Object", "START_OBJECT" -> "an object";
            case "Integer", "Floating", "Double", "Number", "VALUE_NUMBER_INT", "VALUE_NUMBER_FLOAT" -> "a number";
            case "Boolean", "VALUE_TRUE", "VALUE_FALSE" -> "true or false";
            case "Null", "VALUE_NULL" -> "null";
            default -> "a value of another kind";
        };
    }

    private static String parseProblem(JsonProcessingException e) {
        String msg = String.valueOf(e.getOriginalMessage());
        if (msg.contains("end-of-input")) {
            return "the file ends too early (truncated?)";
        }
        if (msg.contains("Invalid UTF-8") || msg.contains("Invalid UTF-32") || msg.contains("UTF8")) {
            return "it is not UTF-8 text";
        }
        String plain = NOISE.matcher(msg).replaceAll("").replace('\n', ' ').trim();
        int cut = plain.indexOf(": was expecting");
        if (cut > 0) {
            plain = plain.substring(0, cut);
        }
        return plain.length() > 160 ? plain.substring(0, 160) + "…" : plain;
    }
}
