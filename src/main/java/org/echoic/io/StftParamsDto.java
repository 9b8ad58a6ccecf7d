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
                detrend == null ? d.detrend() : StftParams.Detrend.valueOf(upper(detrend, "detrend")),
                scaling == null ? d.scaling() : StftParams.Scaling.valueOf(upper(scaling, "scaling")),
                mode == null ? d.mode() : StftParams.Mode.valueOf(upper(mode, "mode")));
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    static String upper(String s, String what) {
        String u = s.toUpperCase(Locale.ROOT);
        if (!u.matches("[A-Z_]+")) {
            throw new IllegalArgumentException("bad " + what + ": '" + s + "'");
        }
        return u;
    }
}
