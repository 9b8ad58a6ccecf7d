package org.echoic.ui.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.echoic.audio.Recording;
import org.echoic.corpus.Corpus;
import org.echoic.service.InspectedSegment;
import org.echoic.service.OpenRecording;

/**
 * The Training tab's corpus as a segment source of the Model tab: its sequences (the frames as trained on) with
 * their provenance, linked to the source recordings that are open in the workbench so that they can be played.
 * Stateless.
 */
final class CorpusSegments {
    private CorpusSegments() {
    }

    /**
     * Every sequence of {@code corpus} as a segment (mean channel), its recording set when it is open.
     *
     * @throws IllegalArgumentException if the corpus' frames are not {@code nVisible} values wide
     */
    static List<InspectedSegment> of(Corpus corpus, int nVisible, List<OpenRecording> open) {
        if (corpus.dataset().nVisible() != nVisible) {
            throw new IllegalArgumentException("The training corpus has frames of " + corpus.dataset().nVisible()
                    + " values; this model expects " + nVisible);
        }
        List<InspectedSegment> list = new ArrayList<>(corpus.segments().size());
        for (int i = 0; i < corpus.segments().size(); i++) {
            list.add(InspectedSegment.fromCorpus(corpus, i, find(corpus.segments().get(i).recording(), open),
                    Recording.MEAN_CHANNEL));
        }
        return list;
    }

    /** The open recording with this path (as a corpus names it), or null if it is not open. */
    static Recording find(String path, List<OpenRecording> open) {
        Path p;
        try {
            p = Path.of(path).toAbsolutePath().normalize();
        } catch (java.nio.file.InvalidPathException e) {
            return null; // a data set's origin, not a file
        }
        for (OpenRecording r : open) {
            if (r.recording().path().toAbsolutePath().normalize().equals(p)) {
                return r.recording();
            }
        }
        return null;
    }
}
