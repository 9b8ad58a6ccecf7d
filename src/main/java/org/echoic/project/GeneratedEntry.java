package org.echoic.project;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A generated item of the project: the export folder (its JSON sidecar holds the full provenance), the run it
 * came from and the seed. Kept in the project's {@code generatedItems} section (format 1.1). Immutable.
 *
 * @param name   unique within the project
 * @param run    name of the training run (or a model folder's name)
 * @param folder the export folder (absolute; stored relative to the project file)
 * @param seed   the generation seed
 */
public record GeneratedEntry(String name, String run, Path folder, long seed) {

    public GeneratedEntry {
        if (name == null || name.isBlank() || folder == null) {
            throw new IllegalArgumentException("a generated item needs a name and a folder");
        }
        folder = folder.toAbsolutePath().normalize();
    }

    public OpaqueItem toItem() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("run", run);
        m.put("folder", folder.toString());
        m.put("seed", seed);
        return new OpaqueItem(m);
    }

    public static GeneratedEntry fromItem(OpaqueItem item) {
        Map<String, Object> f = item.fields();
        String name = Items.string(f, "name", null);
        try {
            return new GeneratedEntry(name, (String) f.get("run"), Items.path(f, "folder"),
                    Items.number(f, "seed", 0).longValue());
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new IllegalArgumentException("generated item '" + name + "': " + e.getMessage(), e);
        }
    }
}
