package org.echoic.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.echoic.corpus.SegmentSource;
import org.echoic.dsp.SpectralFrames;
import org.echoic.io.AnnotationFormat;
import org.echoic.project.CorpusEntry;
import org.echoic.project.Project;
import org.echoic.project.ProjectRecording;
import org.junit.jupiter.api.Test;

class ProjectCorporaTest {
    private static final Path SONG = Path.of("sample-data/bird-song.wav");
    private static final Path TABLE = Path.of("sample-data/bird-song.csv");

    private static Project project() {
        ProjectRecording r = ProjectRecording.of(SONG, 44100, 1);
        r = new ProjectRecording(r.path(), -1, null, 44100, 1, r.segmentation(), null, List.of(TABLE), List.of());
        return Project.EMPTY.withRecordingAdded(r);
    }

    private static CorpusEntry entry(SegmentSource source) {
        return new CorpusEntry("calls", List.of(SONG), source, -1,
                SpectralFrames.DEFAULT.withBand(1000, 8000), 0.25, 5);
    }

    @Test
    void referenceCorpusHasOneSequencePerAnnotationAndASeededSplit() throws Exception {
        Project p = project().withCorpus(entry(SegmentSource.REFERENCE));
        ProjectCorpora.Built b = ProjectCorpora.build(p, ProjectCorpora.entry(p, null));
        int annotations = AnnotationFormat.readAny(TABLE).size();
        assertEquals(annotations, b.corpus().dataset().size() + b.corpus().skippedSegments());
        assertNotNull(b.validation());
        assertEquals(b.corpus().dataset().size(), b.training().size() + b.validation().size());
        assertEquals(SpectralFrames.DEFAULT.withBand(1000, 8000).nVisible(44100), b.training().nVisible());
        assertTrue(Double.isFinite(b.corpus().frames().referenceDb()));
        ProjectCorpora.Built again = ProjectCorpora.build(p, entry(SegmentSource.REFERENCE));
        assertEquals(b.training().fingerprint(), again.training().fingerprint(), "the same project, the same data");
    }

    @Test
    void automaticCorpusFollowsTheRecordingsSegmentationParameters() throws Exception {
        Project p = project();
        ProjectCorpora.Built strict = ProjectCorpora.build(p.withRecording(0, r -> r.withSegmentation(
                r.segmentation().withPercentile(99))), entry(SegmentSource.AUTOMATIC));
        ProjectCorpora.Built loose = ProjectCorpora.build(p.withRecording(0, r -> r.withSegmentation(
                r.segmentation().withPercentile(70))), entry(SegmentSource.AUTOMATIC));
        assertTrue(strict.corpus().dataset().totalFrames() < loose.corpus().dataset().totalFrames(),
                "a higher threshold keeps fewer frames");
    }

    @Test
    void problemsNameTheCorpusOrTheFile() {
        Project p = Project.EMPTY.withRecordingAdded(ProjectRecording.of(SONG, 44100, 1));
        IOException e = assertThrows(IOException.class,
                () -> ProjectCorpora.build(p, entry(SegmentSource.REFERENCE)));
        assertTrue(e.getMessage().contains("bird-song.wav") && e.getMessage().contains("no annotation table"),
                e.getMessage());
        IllegalArgumentException n = assertThrows(IllegalArgumentException.class,
                () -> ProjectCorpora.entry(p.withCorpus(entry(SegmentSource.AUTOMATIC)), "other"));
        assertTrue(n.getMessage().contains("'calls'"), n.getMessage());
    }

    @Test
    void aJoinGapLeftToTheDataIsStoredAsAutoAndChosenWhenTheCorpusIsBuilt() throws Exception {
        CorpusEntry auto = new CorpusEntry("calls", List.of(SONG), SegmentSource.REFERENCE, -1,
                SpectralFrames.DEFAULT.withBand(1000, 8000), 0.25, 5, Double.NaN);
        assertEquals(CorpusEntry.AUTO, auto.toItem().fields().get("joinGapMs"));
        assertTrue(Double.isNaN(CorpusEntry.fromItem(auto.toItem()).joinGapMs()), "auto survives a round trip");
        Project p = project().withCorpus(auto);
        ProjectCorpora.Built b = ProjectCorpora.build(p, ProjectCorpora.entry(p, null));
        double gap = b.corpus().joinGapSeconds();
        assertTrue(gap >= 0 && Double.isFinite(gap), "a chosen gap, not NaN: " + gap);
        int annotations = AnnotationFormat.readAny(TABLE).size();
        assertTrue(b.corpus().dataset().size() + b.corpus().skippedSegments() <= annotations);
    }
}
