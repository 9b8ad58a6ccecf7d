package org.echoic.generate;

/**
 * How to generate frames. Immutable.
 *
 * @param frames       number of new frames
 * @param gibbsSteps   k Gibbs steps of each frame's conditional RBM (default 20)
 * @param temperature  divides every pre-activation (1 = the model)
 * @param sampleFrames true to output Bernoulli samples, false for mean-field values (default)
 * @param fromPrevious start each frame's chain at the previous frame instead of zeros (default: the previous frame,
 *                     {@link #DEFAULT_FROM_PREVIOUS})
 * @param seed         seed of all draws of this generation
 */
public record GenerationParams(int frames, int gibbsSteps, double temperature, boolean sampleFrames,
                               boolean fromPrevious, long seed) {
    /** Default Gibbs steps per generated frame. */
    public static final int DEFAULT_GIBBS_STEPS = 20;
    /**
     * Default chain start: the previous frame. From zeros, every frame's chain of a song model falls to a different
     * mode (sound or silence) and free-running generation flickers frame by frame into a steady band; started at
     * the previous frame, the chain stays in a syllable or a silence until the recurrent state moves it (README
     * "Song models from recordings").
     */
    public static final boolean DEFAULT_FROM_PREVIOUS = true;

    public GenerationParams {
        if (frames < 1 || gibbsSteps < 1 || !(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("need frames ≥ 1, Gibbs steps ≥ 1 and a positive temperature; got "
                    + frames + ", " + gibbsSteps + ", " + temperature);
        }
    }

    /** Defaults: k = 20, temperature 1, mean-field frames, chains from the previous frame. */
    public static GenerationParams of(int frames, long seed) {
        return new GenerationParams(frames, DEFAULT_GIBBS_STEPS, 1.0, false, DEFAULT_FROM_PREVIOUS, seed);
    }
}
