package org.echoic.service;

/**
 * How to play: normally, slowed down by a time-expansion factor (rate / N, for ultrasound), or heterodyned
 * (mixed with a carrier and low-passed to the audible band, as bat detectors do); optionally looping.
 *
 * @param timeExpansionFactor N in rate / N; used in {@link Mode#TIME_EXPANSION} (2, 5, 10, 20 are offered)
 * @param carrierHz           heterodyne carrier frequency in Hz; used in {@link Mode#HETERODYNE}
 */
public record PlaybackParams(Mode mode, int timeExpansionFactor, double carrierHz, boolean loop) {

    /** Playback modes. */
    public enum Mode { NORMAL, TIME_EXPANSION, HETERODYNE }

    public static final PlaybackParams NORMAL = new PlaybackParams(Mode.NORMAL, 10, 45_000, false);

    public PlaybackParams {
        if (timeExpansionFactor < 1) {
            throw new IllegalArgumentException("time expansion factor must be at least 1: " + timeExpansionFactor);
        }
        if (!(carrierHz >= 0)) {
            throw new IllegalArgumentException("carrier must be a non-negative frequency: " + carrierHz);
        }
    }
}
