package org.echoic.io;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * JSON for the front ends (CLI lines, bench reports) without exposing Jackson outside {@code io}:
 * records, maps, lists and numbers in, one-line JSON out. No default typing. Thread-safe.
 */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonErrors.factory())
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private Json() {
    }

    /** One line of JSON for {@code value} (a record, map, list, string or number). */
    public static String line(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shared mapper for readers and writers inside {@code io}. */
    static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Parses a JSON text into maps, lists, strings, numbers and booleans (for tests and tools). */
    public static Object parse(String text) throws IOException {
        return MAPPER.readValue(text, Object.class);
    }
}
