package org.echoic.service;

import java.util.List;

import org.echoic.generate.GeneratedSequence;
import org.echoic.generate.GenerationProvenance;
import org.echoic.generate.Resynthesis;
import org.echoic.segment.Segment;

/**
 * A generated sequence with its sound and what the segmenter finds in it. Immutable by convention.
 *
 * @param sequence   the frames (primer first, marked)
 * @param audio      the resynthesised sound, or null when the model has no audio
 * @param segments   segments found in the sound (empty without audio)
 * @param provenance how to generate it again
 */
public record GeneratedItem(GeneratedSequence sequence, Resynthesis.Audio audio, List<Segment> segments,
                            GenerationProvenance provenance) {

    public GeneratedItem {
        segments = List.copyOf(segments);
    }

    /** A short name for lists and files: {@code gen-s<seed>}. */
    public String name() {
        return "gen-s" + sequence.seed();
    }
}
