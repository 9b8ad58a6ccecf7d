package org.echoic.io;

import java.util.Locale;

import org.echoic.dsp.StftParams;
import org.echoic.dsp.WindowFunction;

/**
 * JSON form of {@link StftParams}: the window by its scipy name ({@code hann}, {@code tukey:0.25}), the enums in
 * lower case. A missing field takes the value of {@link StftParams#DEFAULT}. Immutable.
 */
public record StftParamsDto(Integer nperseg, Integer noverlap, Integer nfft, String window, String detrend,
                            String scaling, String mode) {

    static StftParamsDto from(StftParams p) {
        return new StftParamsDto(p.nperseg(), p.noverlap(), p.nfft(), p.window().label(), lower(p.detrend()),
                lower(p.scaling()), lower(p.mode()));
    }

    StftParams toCore() {
        StftParams d = StftParams.DEFAULT;
        return new StftParams(nperseg == null ? d.nperseg() : nperseg, noverlap == null ? d.noverlap() : noverlap,
                nfft == null ? d.nfft() : nfft, window == null ? d.window() : WindowFunction.parse(window),
                detrend == null ? d.detrend() : choice(StftParams.Detrend.class, detrend, "detrend"),
                scaling == null ? d.scaling() : choice(StftParams.Scaling.class, scaling, "scaling"),
                mode == null ? d.mode() : choice(StftParams.Mode.class, mode, "mode"));
    }

    /** The constant of {@code type} named {@code s} (any case), or an error listing the choices. */
    static <E extends Enum<E>> E choice(Class<E> type, String s, String what) {
        String u = s.toUpperCase(Locale.ROOT);
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(u)) {
                return e;
            }
        }
        StringBuilder names = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            names.append(names.length() == 0 ? "" : ", ").append(lower(e));
        }
        throw new IllegalArgumentException(what + " must be one of " + names + ", found '" + s + "'");
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
