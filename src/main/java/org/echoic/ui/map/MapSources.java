package org.echoic.ui.map;

import java.util.ArrayList;
import java.util.List;

import org.echoic.audio.Recording;
import org.echoic.segment.SegmentEdits;
import org.echoic.service.CorpusService;
import org.echoic.service.OpenRecording;
import org.echoic.service.SegmentEmbeddings;
import org.echoic.service.SegmentationService;
import org.echoic.service.SegmentationSession;
import org.echoic.service.SegmentationSnapshot;

/**
 * The segments the Map tab maps: every open recording's segments as the workbench segments it (the tuned
 * parameters with the manual edits, {@link SegmentationSession}), so that labels given on the map are edits of
 * those very segments. Runs off the JavaFX thread (it waits for segmentations still computing).
 */
final class MapSources {
    private static final long WAIT_MS = 120_000;

    private MapSources() {
    }

    /** The segments of {@code open}, recording by recording. */
    static List<SegmentEmbeddings.Item> items(List<OpenRecording> open, SegmentationService segmentations)
            throws InterruptedException {
        List<SegmentEmbeddings.Item> out = new ArrayList<>();
        for (OpenRecording r : open) {
            SegmentationSession session = segmentations.session(r);
            SegmentationSnapshot snap = waitFor(session, r);
            Recording rec = r.recording();
            CorpusService.Source src = new CorpusService.Source(rec.path().toString(), rec, session.params(), null);
            int i = 0;
            for (SegmentEdits.Item item : snap.segments()) {
                if (item.segment().endFrame() > item.segment().startFrame()) {
                    out.add(new SegmentEmbeddings.Item(src, i, item.segment(), rec.sampleRateHz()));
                }
                i++;
            }
        }
        return out;
    }

    /** The session of the open recording whose path is {@code path}, or null. */
    static SegmentationSession sessionOf(String path, List<OpenRecording> open, SegmentationService segmentations) {
        OpenRecording r = recordingOf(path, open);
        return r == null ? null : segmentations.session(r);
    }

    static OpenRecording recordingOf(String path, List<OpenRecording> open) {
        for (OpenRecording r : open) {
            if (r.recording().path().toString().equals(path)) {
                return r;
            }
        }
        return null;
    }

    private static SegmentationSnapshot waitFor(SegmentationSession session, OpenRecording r)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (true) {
            SegmentationSnapshot s = session.snapshot();
            if (s.error() != null && s.automatic() == null) {
                throw new IllegalArgumentException(r.name() + ": " + s.error());
            }
            if (s.automatic() != null && !s.computing()) {
                return s;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalArgumentException(r.name() + ": its segmentation did not finish within "
                        + WAIT_MS / 1000 + " s");
            }
            Thread.sleep(50);
        }
    }
}
