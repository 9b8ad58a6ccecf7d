package org.echoic.cli;

import org.echoic.generate.GenerationParams;

/** Defaults shared by the model commands. */
final class GenerateDefaults {
    /** Gibbs steps per predicted or generated frame. */
    static final int GIBBS_STEPS = GenerationParams.DEFAULT_GIBBS_STEPS;

    private GenerateDefaults() {
    }
}
