package org.echoic.ui.segmentation;

/**
 * The band-pass the Segmentation tab offers (not applies) for a recording without one, from its Nyquist frequency:
 * 1–8 kHz suits birds but not ultrasound, where a 250 kHz deer-mouse recording needs about 20–100 kHz.
 * Stateless; thread-safe.
 */
final class BandSuggestion {
    private BandSuggestion() {
    }

    /** {low, high} in Hz: 20 kHz to 80 % of Nyquist above 48 kHz Nyquist (ultrasound), else 1–8 kHz within it. */
    static double[] forNyquistHz(double nyquistHz) {
        if (nyquistHz > 48_000) {
            return new double[] {20_000, Math.round(0.8 * nyquistHz)};
        }
        return new double[] {Math.min(1000, nyquistHz / 4), Math.min(8000, Math.round(0.9 * nyquistHz))};
    }
}
