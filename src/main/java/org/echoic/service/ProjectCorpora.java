package org.echoic.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.echoic.audio.Recording;
import org.echoic.corpus.Corpus;
import org.echoic.corpus.CorpusBuilder;
import org.echoic.io.AudioFiles;
import org.echoic.project.CorpusEntry;
import org.echoic.project.Project;
import org.echoic.project.ProjectRecording;
import org.echoic.segment.SegmentationParams;
import org.echoic.train.SequenceDataset;

/**
 * Builds the corpus that a project's {@link CorpusEntry} defines, exactly as the workbench and
 * {@code echoic train --project} do: each recording is opened, its segments taken from the source the entry
 * names (the segmenter with the recording's saved parameters, with its manual edits replayed, or its first
 * reference table) exactly as {@link CorpusService} takes them, and the segments' frames computed with the
 * entry's settings. Long work: call from a background thread; honours
 * interruption. Stateless.
 */
public final class ProjectCorpora {

    /** A built corpus and its seeded split; {@code validation} is null without a split. */
    public record Built(Corpus corpus, SequenceDataset training, SequenceDataset validation) {
    }

    private ProjectCorpora() {
    }

    /** The corpus entry named {@code name}. @throws IllegalArgumentException listing the names if none matches */
    public static CorpusEntry entry(Project project, String name) {
        return Project.named(project.corpusEntries(), CorpusEntry::name, name, "corpus");
    }

    /**
     * Builds the corpus of {@code entry} on the calling thread.
     *
     * @throws IOException naming the file that cannot be read
     */
    public static Built build(Project project, CorpusEntry entry)
            throws IOException, InterruptedException {
        List<Path> files = entry.recordings();
        double joinGapSeconds = Double.isNaN(entry.joinGapMs()) ? chosenJoinGapSeconds(project, entry)
                : entry.joinGapMs() / 1000;
        CorpusBuilder builder = new CorpusBuilder(entry.frames(), entry.channel()).joiningGaps(joinGapSeconds);
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            ProjectRecording pr = project.recording(file).orElse(null);
            try (Recording rec = AudioFiles.open(file)) {
                if (entry.channel() >= rec.channels()) {
                    throw new IOException(file + ": channel " + (entry.channel() + 1) + " does not exist (the "
                            + "recording has " + rec.channels() + ")");
                }
                CorpusService.Source src = source(entry, pr, rec, file);
                builder.add(src.id(), rec, CorpusService.segments(src, null));
            } catch (IllegalArgumentException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        Corpus c;
        try {
            c = builder.build("corpus '" + entry.name() + "'");
        } catch (IllegalStateException e) {
            throw new IOException("corpus '" + entry.name() + "': " + e.getMessage(), e);
        }
        SequenceDataset all = c.dataset();
        if (entry.validationFraction() > 0 && all.size() >= 2) {
            SequenceDataset.Split s = all.split(entry.validationFraction(), entry.seed());
            return new Built(c, s.training(), s.validation());
        }
        return new Built(c, all, null);
    }

    /** The join gap {@code corpus.BoutGaps} chooses from the gaps between the entry's segments, in seconds. */
    private static double chosenJoinGapSeconds(Project project, CorpusEntry entry)
            throws IOException, InterruptedException {
        List<Path> files = entry.recordings();
        List<List<org.echoic.segment.Segment>> all = new java.util.ArrayList<>();
        double[] rates = new double[files.size()];
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            try (Recording rec = AudioFiles.open(file)) {
                all.add(CorpusService.segments(source(entry, project.recording(file).orElse(null), rec, file), null));
                rates[i] = rec.sampleRateHz();
            } catch (IllegalArgumentException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        return org.echoic.corpus.BoutGaps.choose(org.echoic.corpus.BoutGaps.gaps(all, rates));
    }

    private static CorpusService.Source source(CorpusEntry entry, ProjectRecording pr, Recording rec, Path file)
            throws IOException {
        SegmentationParams params = pr == null ? SegmentationParams.DEFAULTS : pr.segmentation();
        return switch (entry.source()) {
            case REFERENCE -> {
                if (pr == null || pr.annotationFiles().isEmpty()) {
                    throw new IOException(file + ": corpus '" + entry.name() + "' takes reference annotations, "
                            + "but the project has no annotation table for this recording");
                }
                yield new CorpusService.Source(file.toString(), rec, params, pr.annotationFiles().get(0));
            }
            case EDITED -> new CorpusService.Source(file.toString(), rec, params, null,
                    pr == null ? List.of() : SegmentationService.editsFromItems(pr.manualEdits()));
            case AUTOMATIC -> new CorpusService.Source(file.toString(), rec, params, null);
            case TABLES -> new CorpusService.Source(file.toString(), rec, params, pr != null
                    && !pr.annotationFiles().isEmpty() ? pr.annotationFiles().get(0)
                    : SegmentTables.besides(file).orElse(null));
        };
    }
}
