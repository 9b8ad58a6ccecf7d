package org.echoic.generate;

/**
 * Everything needed to generate one sequence again: the model (folder, SHA-256 of its weights, epoch, data
 * fingerprint), every generation parameter, the sequence's own seed, the primer and the resynthesis
 * settings. Immutable value; {@code io.GenerationSidecar} stores it as JSON.
 *
 * @param modelDir            the checkpoint folder as given
 * @param modelFingerprint    SHA-256 of the checkpoint's weights file
 * @param epoch               the checkpoint's epoch (epochs trained)
 * @param dataFingerprint     fingerprint of the training data
 * @param params              the batch's generation parameters (its seed is the batch seed)
 * @param count               sequences in the batch
 * @param index               this sequence's index in the batch
 * @param sequenceSeed        this sequence's seed ({@code params.seed() + index})
 * @param primeSource         the recording or data file of the primer, or null (zero state)
 * @param primeSegment        the primer's segment (or sequence) index, −1 for none
 * @param primeFrames         frames of the primer (0 for none)
 * @param sampleRateHz        rate of the audio (NaN when the model has no audio)
 * @param griffinLimIterations Griffin-Lim iterations (0 when no audio was made)
 * @param appVersion          the application's version
 * @param primeStartFrame     first sample frame of the primer's segment in its recording, −1 when not recorded
 * @param primeEndFrame       one past its last sample frame, −1 when not recorded
 * @param primeChannel        the channel its frames were taken from ({@code −1}: the mean of all)
 */
public record GenerationProvenance(String modelDir, String modelFingerprint, int epoch, String dataFingerprint,
                                   GenerationParams params, int count, int index, long sequenceSeed,
                                   String primeSource, int primeSegment, int primeFrames, double sampleRateHz,
                                   int griffinLimIterations, String appVersion, long primeStartFrame,
                                   long primeEndFrame, int primeChannel) {

    /** Provenance without the primer segment's sample range (a data-set primer, or an older sidecar). */
    public GenerationProvenance(String modelDir, String modelFingerprint, int epoch, String dataFingerprint,
                                GenerationParams params, int count, int index, long sequenceSeed, String primeSource,
                                int primeSegment, int primeFrames, double sampleRateHz, int griffinLimIterations,
                                String appVersion) {
        this(modelDir, modelFingerprint, epoch, dataFingerprint, params, count, index, sequenceSeed, primeSource,
                primeSegment, primeFrames, sampleRateHz, griffinLimIterations, appVersion, -1, -1, -1);
    }

    /** The parameters that generate this one sequence alone (batch of one with its own seed). */
    public GenerationParams sequenceParams() {
        return new GenerationParams(params.frames(), params.gibbsSteps(), params.temperature(),
                params.sampleFrames(), params.fromPrevious(), sequenceSeed);
    }
}
