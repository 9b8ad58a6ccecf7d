package org.echoic.generate;

import org.echoic.rnnrbm.RnnRbm;
import org.echoic.rnnrbm.SequenceStepper;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Generates frames from a trained RNN-RBM: from zero recurrent state or primed with real frames, each new
 * frame drawn from its conditional RBM and fed back. Uses its own generator seeded from the parameters, so
 * generation never disturbs the model's training stream. Honours interruption between frames. Stateless.
 */
public final class Generator {
    private Generator() {
    }

    /** Progress of a generation, called after each frame. */
    @FunctionalInterface
    public interface Progress {
        void framesDone(int done, int total);
    }

    /**
     * Generates {@code params.frames()} frames (values in [0,1]).
     *
     * @param primer real frames to prime the recurrent state with, or null for zero state
     */
    public static float[][] generate(RnnRbm model, GenerationParams params, float[][] primer, Progress progress)
            throws InterruptedException {
        float[][] out = new float[params.frames()][];
        try (Random rng = Nd4j.getRandomFactory().getNewRandomInstance(params.seed());
             SequenceStepper stepper = new SequenceStepper(model, rng)) {
            if (primer != null) {
                stepper.prime(primer);
            }
            for (int t = 0; t < out.length; t++) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("generation interrupted");
                }
                out[t] = stepper.next(params.gibbsSteps(), params.temperature(), params.sampleFrames(),
                        params.fromPrevious());
                if (progress != null) {
                    progress.framesDone(t + 1, out.length);
                }
            }
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            if (e instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e);
        }
        return out;
    }
}
