package org.echoic.project;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A training run of the project: which corpus and model configuration, where its checkpoints are, the
 * fingerprint of the data it trained on, and how far it got. The metrics history lives in the checkpoint's
 * {@code model.json}. Kept in the project's {@code trainingRuns} section (format 1.1). Immutable.
 *
 * @param name            unique within the project
 * @param corpus          name of the corpus entry
 * @param model           name of the model entry
 * @param folder          the checkpoint folder (absolute; stored relative to the project file)
 * @param dataFingerprint SHA-256 of the training sequences (train.SequenceDataset#fingerprint)
 * @param epochs          epochs completed at the last checkpoint
 */
public record TrainingRunEntry(String name, String corpus, String model, Path folder, String dataFingerprint,
                               int epochs) {

    public TrainingRunEntry {
        if (name == null || name.isBlank() || folder == null) {
            throw new IllegalArgumentException("a training run needs a name and a folder");
        }
        folder = folder.toAbsolutePath().normalize();
        if (epochs < 0) {
            throw new IllegalArgumentException(name + ": epochs must be ≥ 0: " + epochs);
        }
    }

    public OpaqueItem toItem() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("corpus", corpus);
        m.put("model", model);
        m.put("folder", folder.toString());
        m.put("dataFingerprint", dataFingerprint);
        m.put("epochs", epochs);
        return new OpaqueItem(m);
    }

    public static TrainingRunEntry fromItem(OpaqueItem item) {
        Map<String, Object> f = item.fields();
        String name = Items.string(f, "name", null);
        try {
            return new TrainingRunEntry(name, (String) f.get("corpus"), (String) f.get("model"),
                    Items.path(f, "folder"), (String) f.get("dataFingerprint"), Items.number(f, "epochs", 0).intValue());
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new IllegalArgumentException("training run '" + name + "': " + e.getMessage(), e);
        }
    }
}
