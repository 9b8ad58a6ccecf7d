package org.echoic.dsp;

/**
 * A heterodyne bat detector in software: the input is multiplied by a carrier 2·cos(2π·f_c·t), which moves a
 * component at f to |f − f_c| and f + f_c, then low-passed to the audible band and resampled to the output
 * rate, which removes the sum frequency (a 45 kHz call with a 40 kHz carrier is heard at 5 kHz). The carrier
 * phase and the filter state carry over between blocks. Stateful and not thread-safe: one instance per stream.
 */
public final class Heterodyne {
    /** Default top of the audible band kept after mixing, in Hz. */
    public static final double DEFAULT_AUDIO_CUTOFF_HZ = 15_000;

    /** The carrier is a unit phasor rotated by one step per sample and renormalised every 1024 samples. */
    private static final int RENORMALISE_MASK = 1023;

    private final double stepCos;
    private final double stepSin;
    private final Resampler lowPass;
    private double carrierCos = 1;
    private double carrierSin;
    private long sampleCount;
    private float[] mixed = new float[0];

    /**
     * @param inputRateHz   rate of the recording in Hz
     * @param carrierHz     carrier frequency in Hz, below the input Nyquist frequency
     * @param outputRateHz  rate of the audible output in Hz
     * @param audioCutoffHz low-pass cut-off in Hz, below both Nyquist frequencies
     */
    public Heterodyne(double inputRateHz, double carrierHz, double outputRateHz, double audioCutoffHz) {
        if (!(carrierHz >= 0) || carrierHz >= inputRateHz / 2) {
            throw new IllegalArgumentException("carrier " + carrierHz + " Hz must lie in [0, " + inputRateHz / 2
                    + ") Hz for a recording at " + inputRateHz + " Hz");
        }
        double phaseStep = 2 * Math.PI * carrierHz / inputRateHz;
        this.stepCos = Math.cos(phaseStep);
        this.stepSin = Math.sin(phaseStep);
        this.lowPass = new Resampler(inputRateHz, outputRateHz, audioCutoffHz);
    }

    /** The resampler that low-passes and decimates the mixed signal. */
    public Resampler resampler() {
        return lowPass;
    }

    /** See {@link Resampler#maxOutputFrames(int)}. */
    public int maxOutputFrames(int inputFrames) {
        return lowPass.maxOutputFrames(inputFrames);
    }

    /** Mixes, filters and resamples one block; returns the output frames written (see {@link Resampler#process}). */
    public int process(float[] in, int inOffset, int frames, float[] out, int outOffset) {
        if (mixed.length < frames) {
            mixed = new float[frames];
        }
        double c = carrierCos;
        double s = carrierSin;
        for (int i = 0; i < frames; i++) {
            mixed[i] = (float) (2 * in[inOffset + i] * c);
            double next = c * stepCos - s * stepSin;
            s = s * stepCos + c * stepSin;
            c = next;
            if ((++sampleCount & RENORMALISE_MASK) == 0) {
                double norm = 1 / Math.sqrt(c * c + s * s);
                c *= norm;
                s *= norm;
            }
        }
        carrierCos = c;
        carrierSin = s;
        return lowPass.process(mixed, 0, frames, out, outOffset);
    }
}
