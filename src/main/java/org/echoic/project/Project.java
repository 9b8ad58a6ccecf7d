package org.echoic.project;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Everything a project keeps: the recordings (with their segmentation parameters, fingerprints, reference
 * annotations and manual edits), the spectrogram settings, the view state, and the sections that later format
 * versions type (corpus definitions, model configurations, training runs, generated items), kept as
 * {@link OpaqueItem}s until then. {@code extraFields} holds top-level fields this version does not know (written by
 * a newer minor version), written back unchanged. Immutable value; the {@code with…} methods make changed copies.
 */
public record Project(List<ProjectRecording> recordings, SpectrogramSettings spectrogram, ViewState view,
                      List<OpaqueItem> corpora, List<OpaqueItem> models, List<OpaqueItem> trainingRuns,
                      List<OpaqueItem> generatedItems, OpaqueItem extraFields) {

    /** A project with nothing in it. */
    public static final Project EMPTY = new Project(List.of(), SpectrogramSettings.DEFAULT, ViewState.NONE,
            List.of(), List.of(), List.of(), List.of(), new OpaqueItem(null));

    public Project {
        recordings = List.copyOf(recordings);
        spectrogram = spectrogram == null ? SpectrogramSettings.DEFAULT : spectrogram;
        view = view == null ? ViewState.NONE : view;
        corpora = corpora == null ? List.of() : List.copyOf(corpora);
        models = models == null ? List.of() : List.copyOf(models);
        trainingRuns = trainingRuns == null ? List.of() : List.copyOf(trainingRuns);
        generatedItems = generatedItems == null ? List.of() : List.copyOf(generatedItems);
        extraFields = extraFields == null ? new OpaqueItem(null) : extraFields;
        if (view.selectedRecording() >= recordings.size()) {
            throw new IllegalArgumentException("selected recording " + view.selectedRecording() + " of "
                    + recordings.size());
        }
    }

    /** The index of the recording at {@code path} (made absolute and normalised), or -1. */
    public int indexOf(Path path) {
        Path key = path.toAbsolutePath().normalize();
        for (int i = 0; i < recordings.size(); i++) {
            if (recordings.get(i).path().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /** The recording at {@code path}, if the project has it. */
    public Optional<ProjectRecording> recording(Path path) {
        int i = indexOf(path);
        return i < 0 ? Optional.empty() : Optional.of(recordings.get(i));
    }

    /** This project with {@code r} added at the end, unless a recording with its path is already there. */
    public Project withRecordingAdded(ProjectRecording r) {
        if (indexOf(r.path()) >= 0) {
            return this;
        }
        List<ProjectRecording> list = new ArrayList<>(recordings);
        list.add(r);
        return withRecordings(list);
    }

    /** This project with recording {@code index} replaced by {@code change} applied to it. */
    public Project withRecording(int index, UnaryOperator<ProjectRecording> change) {
        List<ProjectRecording> list = new ArrayList<>(recordings);
        list.set(index, change.apply(list.get(index)));
        return withRecordings(list);
    }

    /** This project with the recording at {@code path} changed; unchanged when the project does not have it. */
    public Project withRecording(Path path, UnaryOperator<ProjectRecording> change) {
        int i = indexOf(path);
        return i < 0 ? this : withRecording(i, change);
    }

    public Project withRecordings(List<ProjectRecording> list) {
        ViewState v = view.selectedRecording() < list.size() ? view : ViewState.NONE;
        return new Project(list, spectrogram, v, corpora, models, trainingRuns, generatedItems, extraFields);
    }

    public Project withSpectrogram(SpectrogramSettings s) {
        return new Project(recordings, s, view, corpora, models, trainingRuns, generatedItems, extraFields);
    }

    public Project withView(ViewState v) {
        return new Project(recordings, spectrogram, v, corpora, models, trainingRuns, generatedItems, extraFields);
    }

    /**
     * The entry named {@code name} among {@code entries}, or the only one when {@code name} is null.
     *
     * @param what what the entries are, for the message ("corpus", "training run", …)
     * @throws IllegalArgumentException naming the entries the project has when none matches
     */
    public static <T> T named(List<T> entries, java.util.function.Function<T, String> nameOf, String name,
                              String what) {
        if (name == null && entries.size() == 1) {
            return entries.get(0);
        }
        return entries.stream().filter(e -> nameOf.apply(e).equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the project has no " + what + " '" + name
                        + "' (it has " + entries.stream().map(e -> "'" + nameOf.apply(e) + "'").toList() + ")"));
    }

    /** The corpus definitions, typed. @throws IllegalArgumentException if an entry is malformed */
    public List<CorpusEntry> corpusEntries() {
        return corpora.stream().map(CorpusEntry::fromItem).toList();
    }

    /** The model configurations, typed. */
    public List<ModelEntry> modelEntries() {
        return models.stream().map(ModelEntry::fromItem).toList();
    }

    /** The training runs, typed. */
    public List<TrainingRunEntry> trainingRunEntries() {
        return trainingRuns.stream().map(TrainingRunEntry::fromItem).toList();
    }

    /** The generated items, typed. */
    public List<GeneratedEntry> generatedEntries() {
        return generatedItems.stream().map(GeneratedEntry::fromItem).toList();
    }

    /** This project with the corpus of {@code e}'s name replaced by (or added as) {@code e}. */
    public Project withCorpus(CorpusEntry e) {
        return new Project(recordings, spectrogram, view, putByName(corpora, e.toItem()), models, trainingRuns,
                generatedItems, extraFields);
    }

    /** This project with the model configuration of {@code e}'s name replaced by (or added as) {@code e}. */
    public Project withModel(ModelEntry e) {
        return new Project(recordings, spectrogram, view, corpora, putByName(models, e.toItem()), trainingRuns,
                generatedItems, extraFields);
    }

    /** This project with the training run of {@code e}'s name replaced by (or added as) {@code e}. */
    public Project withTrainingRun(TrainingRunEntry e) {
        return new Project(recordings, spectrogram, view, corpora, models, putByName(trainingRuns, e.toItem()),
                generatedItems, extraFields);
    }

    /** This project with the generated item of {@code e}'s name replaced by (or added as) {@code e}. */
    public Project withGenerated(GeneratedEntry e) {
        return new Project(recordings, spectrogram, view, corpora, models, trainingRuns,
                putByName(generatedItems, e.toItem()), extraFields);
    }

    private static List<OpaqueItem> putByName(List<OpaqueItem> items, OpaqueItem item) {
        List<OpaqueItem> out = new ArrayList<>(items);
        Object name = item.fields().get("name");
        for (int i = 0; i < out.size(); i++) {
            if (name != null && name.equals(out.get(i).fields().get("name"))) {
                out.set(i, item);
                return out;
            }
        }
        out.add(item);
        return out;
    }
}
