package org.echoic.measure;

import java.util.Locale;

/** The F0 estimators of TarsosDSP that Echoic offers: YIN (de Cheveigné &amp; Kawahara 2002) and MPM (McLeod 2005). */
public enum PitchAlgorithm {
    /** TarsosDSP's {@code Yin}: confidence is 1 − the aperiodicity at the chosen lag (threshold 0.20). */
    YIN,
    /** TarsosDSP's {@code McLeodPitchMethod}: confidence is the clarity (normalised autocorrelation peak). */
    MPM;

    /** Parses {@code yin} or {@code mpm} (any case). */
    public static PitchAlgorithm parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("pitch algorithm must be yin or mpm: " + text, e);
        }
    }
}
