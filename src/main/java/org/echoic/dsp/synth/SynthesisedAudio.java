package org.echoic.dsp.synth;

import java.util.List;

/**
 * A synthesised mono recording and where its calls truly are. Immutable except for {@code samples}, which is
 * handed over without copying (callers must not change it).
 *
 * @param samples      mono samples in [-1, 1]
 * @param sampleRateHz rate of {@code samples} in Hz
 * @param calls        the calls in time order
 */
public record SynthesisedAudio(float[] samples, double sampleRateHz, List<Call> calls) {

    /** One synthesised call: [onsetSeconds, offsetSeconds) of the recording, with its kind as label. */
    public record Call(double onsetSeconds, double offsetSeconds, String label) {
    }

    public SynthesisedAudio {
        calls = List.copyOf(calls);
    }

    public double durationSeconds() {
        return samples.length / sampleRateHz;
    }
}
