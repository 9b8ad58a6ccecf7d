package org.echoic.generate;

import java.util.ArrayList;
import java.util.List;

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
     * Generates {@code count} sequences; sequence i is drawn with seed {@code params.seed() + i}, so each one can
     * be generated again alone. Each sequence starts with the primer's frames (marked by
     * {@link GeneratedSequence#primedFrames()}) followed by {@code params.frames()} generated frames.
     *
     * @param primer   real frames to prime every sequence with, or null for zero state
     * @param progress receives (frames done, frames in all) over the whole batch; may be null
     */
    public static List<GeneratedSequence> generateBatch(RnnRbm model, GenerationParams params, int count,
                                                        float[][] primer, Progress progress)
            throws InterruptedException {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1: " + count);
        }
        int primed = primer == null ? 0 : primer.length;
        int total = count * params.frames();
        List<GeneratedSequence> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int before = i * params.frames();
            GenerationParams p = new GenerationParams(params.frames(), params.gibbsSteps(), params.temperature(),
                    params.sampleFrames(), params.fromPrevious(), params.seed() + i);
            float[][] gen = generate(model, p, primer, progress == null ? null
                    : (done, n) -> progress.framesDone(before + done, total));
            float[][] all = new float[primed + gen.length][];
            for (int t = 0; t < primed; t++) {
                all[t] = primer[t].clone();
            }
            System.arraycopy(gen, 0, all, primed, gen.length);
            out.add(new GeneratedSequence(i, p.seed(), all, primed));
        }
        return out;
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
