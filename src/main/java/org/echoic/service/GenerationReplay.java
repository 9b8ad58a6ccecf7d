package org.echoic.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.echoic.audio.Recording;
import org.echoic.corpus.Corpus;
import org.echoic.generate.GenerationProvenance;
import org.echoic.io.AudioFiles;
import org.echoic.io.SequenceDatasetReader;
import org.echoic.segment.Segment;
import org.echoic.segment.SegmentationParams;
import org.echoic.train.SequenceDataset;

/**
 * Priming from a file and replaying a provenance sidecar, shared by the CLI ({@code generate --prime},
 * {@code --replay}) and the workbench ({@link GenerationService#replay}). Stateless; any thread (reads files).
 */
public final class GenerationReplay {
    private GenerationReplay() {
    }

    /**
     * A primer from a file: sequence {@code index} of a JSON data set, or segment {@code index} of a recording
     * segmented with the original parameters (SEGMENTATION.md, as sidecars were written); its first {@code frames}
     * frames (at least one).
     */
    public static GenerationRequest.Primer primer(Path source, int index, int frames, GenerationPipeline.ModelInfo info)
            throws IOException, InterruptedException {
        if (source.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
            SequenceDataset d = SequenceDatasetReader.read(source);
            if (index < 0 || index >= d.size()) {
                throw new IllegalArgumentException(source + ": no sequence " + index + " (it has " + d.size() + ")");
            }
            float[][] s = d.sequences().get(index);
            return new GenerationRequest.Primer(source.toString(), index,
                    Arrays.copyOf(s, Math.max(1, Math.min(frames, s.length))));
        }
        try (Recording rec = AudioFiles.open(source)) {
            Corpus c = GenerationPipeline.realCorpus(rec, source.toString(), info, SegmentationParams.ORIGINAL);
            return GenerationPipeline.primer(c, index, frames, SegmentationParams.ORIGINAL.channel());
        }
    }

    /** The checkpoint folder a sidecar names. */
    public static Path modelDir(GenerationProvenance p) {
        return Path.of(p.modelDir());
    }

    /**
     * The primer a sidecar records: cut again from the same sample range and channel of its recording when the
     * sidecar records them (whatever segmentation found the segment), else as {@link #primer} does.
     */
    public static GenerationRequest.Primer primer(GenerationProvenance p, GenerationPipeline.ModelInfo info)
            throws IOException, InterruptedException {
        Path source = Path.of(p.primeSource());
        if (p.primeStartFrame() < 0) {
            return primer(source, p.primeSegment(), p.primeFrames(), info);
        }
        try (Recording rec = AudioFiles.open(source)) {
            Corpus c = GenerationPipeline.realCorpus(rec, p.primeSource(), info,
                    List.of(new Segment(p.primeStartFrame(), p.primeEndFrame())), p.primeChannel());
            float[][] s = c.dataset().sequences().get(0);
            return new GenerationRequest.Primer(p.primeSource(), p.primeSegment(),
                    Arrays.copyOf(s, Math.max(1, Math.min(p.primeFrames(), s.length))), p.primeStartFrame(),
                    p.primeEndFrame(), p.primeChannel());
        }
    }

    /**
     * The request that makes the sidecar's one sequence again with the loaded model: its parameters and own seed,
     * count 1, its primer (re-cut from its source) and Griffin-Lim iterations ({@code fallbackIterations} for a
     * frames-only sidecar).
     */
    public static GenerationRequest request(GenerationProvenance p, GenerationPipeline.ModelInfo info,
                                            int fallbackIterations) throws IOException, InterruptedException {
        GenerationRequest.Primer primer = p.primeSource() == null ? null : primer(p, info);
        return new GenerationRequest(p.sequenceParams(), 1, primer,
                p.griffinLimIterations() > 0 ? p.griffinLimIterations() : fallbackIterations);
    }

    /** True when the loaded model's weights are the ones the sidecar records. */
    public static boolean sameModel(GenerationProvenance p, GenerationPipeline.ModelInfo info) {
        return p.modelFingerprint().equals(info.fingerprint());
    }
}
