package org.echoic.measure;

/**
 * Raven-style measurements of one selection, from the PSD of its STFT frames and bins (see
 * {@link SpectralMeasurer} for the definitions). Frequencies in Hz, times in seconds from the start of the recording,
 * power densities in dB FS/Hz (10·log10 of the PSD of full-scale-normalised samples), energy in dB FS (10·log10 of the
 * PSD integrated over the selection's time and band, FS²·s), entropies in bits. A measure that is undefined (a silent
 * selection has no percentile frequencies) is NaN. Immutable.
 *
 * @param beginSeconds      the selection's begin time
 * @param endSeconds        the selection's end time
 * @param lowHz             lower edge of the band measured (0 when the selection has none)
 * @param highHz            upper edge of the band measured (the Nyquist frequency when the selection has none)
 * @param frames            STFT frames that counted (centre in [begin, end])
 * @param bins              frequency bins that counted (frequency in [low, high])
 * @param peakHz            frequency of the largest PSD cell
 * @param peakSeconds       centre time of the frame holding the largest PSD cell
 * @param peakDb            the largest PSD cell (dB FS/Hz)
 * @param avgPowerDb        the mean PSD over the cells (dB FS/Hz)
 * @param energyDb          the PSD integrated over the cells (dB FS)
 * @param freqHz            Freq 5 %, 25 %, 50 % (Center Freq), 75 %, 95 % of the summed spectrum
 * @param timeSeconds       Time 5 %, 25 %, 50 % (Center Time), 75 %, 95 % of the energy over frames
 * @param avgEntropyBits    mean over frames of each frame's spectral entropy
 * @param aggEntropyBits    entropy of the summed spectrum
 */
public record SpectralMeasurements(double beginSeconds, double endSeconds, double lowHz, double highHz, int frames,
                                   int bins, double peakHz, double peakSeconds, double peakDb, double avgPowerDb,
                                   double energyDb, double[] freqHz, double[] timeSeconds, double avgEntropyBits,
                                   double aggEntropyBits) {

    /** The energy shares of {@link #freqHz} and {@link #timeSeconds}: 5 %, 25 %, 50 %, 75 %, 95 %. */
    public static final double[] SHARES = {0.05, 0.25, 0.50, 0.75, 0.95};

    public SpectralMeasurements {
        freqHz = freqHz.clone();
        timeSeconds = timeSeconds.clone();
        if (freqHz.length != SHARES.length || timeSeconds.length != SHARES.length) {
            throw new IllegalArgumentException("expected " + SHARES.length + " percentiles");
        }
    }

    @Override
    public double[] freqHz() {
        return freqHz.clone();
    }

    @Override
    public double[] timeSeconds() {
        return timeSeconds.clone();
    }

    public double freq5Hz() {
        return freqHz[0];
    }

    public double freq25Hz() {
        return freqHz[1];
    }

    public double centerFreqHz() {
        return freqHz[2];
    }

    public double freq75Hz() {
        return freqHz[3];
    }

    public double freq95Hz() {
        return freqHz[4];
    }

    /** BW 90 %: Freq 95 % − Freq 5 %. */
    public double bandwidth90Hz() {
        return freqHz[4] - freqHz[0];
    }

    /** IQR BW: Freq 75 % − Freq 25 %. */
    public double iqrBandwidthHz() {
        return freqHz[3] - freqHz[1];
    }

    public double time5Seconds() {
        return timeSeconds[0];
    }

    public double time25Seconds() {
        return timeSeconds[1];
    }

    public double centerTimeSeconds() {
        return timeSeconds[2];
    }

    public double time75Seconds() {
        return timeSeconds[3];
    }

    public double time95Seconds() {
        return timeSeconds[4];
    }

    /** Dur 90 %: Time 95 % − Time 5 %. */
    public double duration90Seconds() {
        return timeSeconds[4] - timeSeconds[0];
    }

    /** IQR Dur: Time 75 % − Time 25 %. */
    public double iqrDurationSeconds() {
        return timeSeconds[3] - timeSeconds[1];
    }
}
