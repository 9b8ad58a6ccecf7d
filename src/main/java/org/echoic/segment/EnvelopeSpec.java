package org.echoic.segment;

/**
 * What an envelope depends on: the smoothing window, the channel (or the mean), the optional band and the optional
 * high-pass (used only without a band). Equal specs give equal envelopes of the same recording. Immutable.
 *
 * @param windowMs   moving-average length in ms
 * @param channel    0-based channel or -1 for the mean of all channels
 * @param bandLowHz  lower band edge in Hz, NaN = no band-pass
 * @param bandHighHz upper band edge in Hz, NaN = no band-pass
 * @param highPassHz high-pass edge in Hz when there is no band, NaN = none
 */
public record EnvelopeSpec(double windowMs, int channel, double bandLowHz, double bandHighHz, double highPassHz) {

    /** A spec without a high-pass. */
    public EnvelopeSpec(double windowMs, int channel, double bandLowHz, double bandHighHz) {
        this(windowMs, channel, bandLowHz, bandHighHz, Double.NaN);
    }

    /** True when the signal is band-passed before rectification. */
    public boolean hasBand() {
        return !Double.isNaN(bandLowHz);
    }

    /** True when the signal is high-passed (and not band-passed) before rectification. */
    public boolean hasHighPass() {
        return !hasBand() && !Double.isNaN(highPassHz);
    }

    /** True when the signal is filtered (band or high-pass) before rectification. */
    public boolean filtered() {
        return hasBand() || hasHighPass();
    }

    /**
     * The box length in frames: {@code w = round(windowMs · rate / 1000)}, plus one when even (so at
     * least 1 and always odd, centred on its sample).
     */
    public int windowFrames(double sampleRateHz) {
        long w = Math.round(windowMs * sampleRateHz / 1000.0);
        if (w % 2 == 0) {
            w++;
        }
        if (w > 1 << 24) {
            throw new IllegalArgumentException("window of " + windowMs + " ms is too long (" + w + " frames)");
        }
        return (int) w;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EnvelopeSpec s && Double.compare(windowMs, s.windowMs) == 0 && channel == s.channel
                && Double.compare(bandLowHz, s.bandLowHz) == 0 && Double.compare(bandHighHz, s.bandHighHz) == 0
                && Double.compare(highPassHz, s.highPassHz) == 0;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(windowMs, channel, bandLowHz, bandHighHz, highPassHz);
    }
}
