package org.echoic.ui.label;

import java.nio.file.Path;
import java.util.List;

import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

import org.echoic.segment.Annotation;

/**
 * The labels a labeller gave to open recordings, by recording file: what the label lane draws and the exports write.
 * JavaFX thread only.
 */
public final class LabelResults {
    /**
     * One recording's labels.
     *
     * @param segments     the labelled segments (onset, offset, label, confidence attribute), in time order
     * @param model        the model folder (or "the model just trained")
     * @param classes      the model's classes (colours follow their order)
     * @param sampleRateHz the recording's rate
     */
    public record Labelled(List<Annotation> segments, String model, List<String> classes, double sampleRateHz) {
        public Labelled {
            segments = List.copyOf(segments);
            classes = List.copyOf(classes);
        }
    }

    private final ObservableMap<Path, Labelled> byRecording = FXCollections.observableHashMap();

    /** Labels by recording (normalised absolute paths); observe it to repaint. */
    public ObservableMap<Path, Labelled> byRecording() {
        return byRecording;
    }

    /** The labels of {@code recording}, or null. */
    public Labelled of(Path recording) {
        return byRecording.get(key(recording));
    }

    /** Sets the labels of {@code recording}. */
    public void put(Path recording, Labelled labelled) {
        byRecording.put(key(recording), labelled);
    }

    static Path key(Path recording) {
        return recording.toAbsolutePath().normalize();
    }
}
