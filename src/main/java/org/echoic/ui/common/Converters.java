package org.echoic.ui.common;

import java.util.function.Function;

import javafx.util.StringConverter;

/** Display-only converters for choice boxes and spinners: how a value is shown; nothing is parsed back. */
public final class Converters {
    private Converters() {
    }

    /** Shows each value as {@code text} gives it (null as ""); converting text back is not supported. */
    public static <T> StringConverter<T> showing(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : text.apply(t);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException("not editable");
            }
        };
    }
}
