package org.echoic.measure;

import org.echoic.audio.Recording;
import org.echoic.dsp.Stft;
import org.echoic.dsp.StftParams;
import org.echoic.segment.Annotation;

/**
 * Computes Raven Pro's robust measurements of a selection from the PSD of the recording's STFT (frames on the
 * recording's own grid: frame k covers samples {@code [k·hop, k·hop + nperseg)} and its centre is
 * {@code (nperseg/2 + k·hop)/fs}, scipy's {@code t}; bins at scipy's {@code rfftfreq(nfft, 1/fs)}).
 * <ul>
 *   <li>Frames count whose centre lies in [begin, end]; bins count whose frequency lies in [low, high] (0 and the
 *   Nyquist frequency when the selection has no band). A selection too short or narrow for any uses the one frame
 *   (bin) nearest its middle.</li>
 *   <li>The spectrum is the PSD summed over the counted frames; a percentile frequency (Freq 5 %, 25 %, Center Freq
 *   = 50 %, 75 %, 95 %) is the first bin where the cumulative energy reaches that share of the total. Time 5 %…95 %
 *   likewise over the frames' energies (PSD summed over the counted bins), as frame centres.</li>
 *   <li>Peak Freq, Peak Time and Peak Power Density are those of the largest PSD cell.</li>
 *   <li>Entropies are Shannon entropies in bits of the energy shares: Agg Entropy of the summed spectrum, Avg Entropy
 *   the mean over frames (frames without energy skipped).</li>
 *   <li>Energy is {@code 10·log10(Σ PSD · Δf · Δt)} over the counted cells, with {@code Δf = fs/nfft} and
 *   {@code Δt = hop/fs}.</li>
 * </ul>
 * Stateless; thread-safe; runs on the calling thread and starts no threads.
 */
public final class SpectralMeasurer {

    private SpectralMeasurer() {
    }

    /**
     * Measures {@code selection} in {@code channel} ({@link Recording#MEAN_CHANNEL} for the mean) of {@code rec}.
     *
     * @param params STFT settings; the mode is forced to PSD
     * @throws IllegalArgumentException if the recording is shorter than one STFT segment or the selection lies
     *                                  outside it
     * @throws InterruptedException     if the thread is interrupted
     */
    public static SpectralMeasurements measure(Recording rec, int channel, Annotation selection, StftParams params)
            throws InterruptedException {
        StftParams p = params.withMode(StftParams.Mode.PSD);
        double fs = rec.sampleRateHz();
        long totalFrames = p.frameCount(rec.frames());
        if (totalFrames == 0) {
            throw new IllegalArgumentException(rec.path() + ": shorter (" + rec.frames()
                    + " samples) than one STFT segment (nperseg=" + p.nperseg() + ")");
        }
        if (selection.startSeconds() > rec.durationSeconds() + 1e-9) {
            throw new IllegalArgumentException(rec.path() + ": selection at " + selection.startSeconds()
                    + " s begins after the end of the recording (" + rec.durationSeconds() + " s)");
        }
        long[] frames = frameRange(selection.startSeconds(), selection.endSeconds(), p, fs, totalFrames);
        double low = Double.isNaN(selection.lowHz()) ? 0 : selection.lowHz();
        double high = Double.isNaN(selection.highHz()) ? fs / 2 : selection.highHz();
        int[] bins = binRange(low, high, p, fs);
        Accumulator acc = new Accumulator(p.bins(), bins[0], bins[1] - bins[0], (int) (frames[1] - frames[0]),
                frames[0]);
        Stft.run(rec, channel, 0, frames[0], frames[1] - frames[0], p, null, 1, null, acc::accept);
        return acc.result(selection, low, high, p, fs);
    }

    /** Centre time in seconds of frame {@code k} on the recording's grid, as scipy computes it. */
    static double centreSeconds(long k, StftParams p, double fs) {
        return (p.nperseg() / 2.0 + (double) k * p.hop()) / fs;
    }

    /** Frequency in Hz of bin {@code k}, as numpy's {@code rfftfreq(nfft, 1/fs)} computes it. */
    static double binHz(int k, StftParams p, double fs) {
        return k * (1.0 / (p.nfft() * (1.0 / fs)));
    }

    /** Frames [first, end) whose centre lies in [begin, end] seconds (at least one, the nearest the middle). */
    static long[] frameRange(double beginSeconds, double endSeconds, StftParams p, double fs, long totalFrames) {
        long first = Math.max(0, (long) Math.ceil((beginSeconds * fs - p.nperseg() / 2.0) / p.hop()) - 1);
        while (first < totalFrames && centreSeconds(first, p, fs) < beginSeconds) {
            first++;
        }
        long last = Math.min(totalFrames - 1, (long) Math.floor((endSeconds * fs - p.nperseg() / 2.0) / p.hop()) + 1);
        while (last >= 0 && centreSeconds(last, p, fs) > endSeconds) {
            last--;
        }
        if (last < first) {
            double mid = (beginSeconds + endSeconds) / 2 * fs - p.nperseg() / 2.0;
            long k = Math.max(0, Math.min(totalFrames - 1, Math.round(mid / p.hop())));
            return new long[] {k, k + 1};
        }
        return new long[] {first, last + 1};
    }

    /** Bins [first, end) whose frequency lies in [low, high] Hz (at least one, the nearest the middle). */
    static int[] binRange(double lowHz, double highHz, StftParams p, double fs) {
        int n = p.bins();
        int first = 0;
        while (first < n && binHz(first, p, fs) < lowHz) {
            first++;
        }
        int last = n - 1;
        while (last >= 0 && binHz(last, p, fs) > highHz) {
            last--;
        }
        if (last < first) {
            int k = (int) Math.max(0, Math.min(n - 1, Math.round((lowHz + highHz) / 2 * p.nfft() / fs)));
            return new int[] {k, k + 1};
        }
        return new int[] {first, last + 1};
    }

    /** Running sums over the counted cells, fed frame blocks by the STFT. */
    private static final class Accumulator {
        private final int bins;
        private final int firstBin;
        private final int nBins;
        private final long firstFrame;
        private final double[] spectrum;
        private final double[] frameEnergy;
        private final double[] frameEntropy;
        private double peak = -1;
        private int peakBin;
        private long peakFrame;

        Accumulator(int bins, int firstBin, int nBins, int nFrames, long firstFrame) {
            this.bins = bins;
            this.firstBin = firstBin;
            this.nBins = nBins;
            this.firstFrame = firstFrame;
            spectrum = new double[nBins];
            frameEnergy = new double[nFrames];
            frameEntropy = new double[nFrames];
        }

        synchronized void accept(long first, int count, float[] block, float[] imag) {
            for (int j = 0; j < count; j++) {
                int off = j * bins + firstBin;
                double sum = 0;
                double plogp = 0;
                for (int b = 0; b < nBins; b++) {
                    double v = block[off + b];
                    spectrum[b] += v;
                    sum += v;
                    if (v > 0) {
                        plogp += v * Math.log(v);
                    }
                    if (v > peak) {
                        peak = v;
                        peakBin = b;
                        peakFrame = first + j;
                    }
                }
                int f = (int) (first + j - firstFrame);
                frameEnergy[f] = sum;
                frameEntropy[f] = sum > 0 ? (Math.log(sum) - plogp / sum) / Math.log(2) : Double.NaN;
            }
        }

        SpectralMeasurements result(Annotation sel, double low, double high, StftParams p, double fs) {
            double total = 0;
            for (double v : spectrum) {
                total += v;
            }
            double[] freqs = new double[SpectralMeasurements.SHARES.length];
            double[] times = new double[freqs.length];
            int[] fi = Percentiles.firstReaching(spectrum, total);
            int[] ti = Percentiles.firstReaching(frameEnergy, total);
            for (int i = 0; i < freqs.length; i++) {
                freqs[i] = fi[i] < 0 ? Double.NaN : binHz(firstBin + fi[i], p, fs);
                times[i] = ti[i] < 0 ? Double.NaN : centreSeconds(firstFrame + ti[i], p, fs);
            }
            double entropySum = 0;
            int entropyFrames = 0;
            for (double h : frameEntropy) {
                if (!Double.isNaN(h)) {
                    entropySum += h;
                    entropyFrames++;
                }
            }
            double cells = (double) nBins * frameEnergy.length;
            boolean any = total > 0;
            return new SpectralMeasurements(sel.startSeconds(), sel.endSeconds(), low, high, frameEnergy.length,
                    nBins, any ? binHz(firstBin + peakBin, p, fs) : Double.NaN,
                    any ? centreSeconds(peakFrame, p, fs) : Double.NaN, any ? db(peak) : Double.NaN,
                    any ? db(total / cells) : Double.NaN, any ? db(total * (fs / p.nfft()) * (p.hop() / fs)) : Double.NaN,
                    freqs, times, entropyFrames == 0 ? Double.NaN : entropySum / entropyFrames,
                    Percentiles.entropyBits(spectrum, total));
        }

        private static double db(double v) {
            return 10 * Math.log10(v);
        }
    }
}
