package org.echoic.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.echoic.train.Checkpoint;
import org.echoic.train.CheckpointStore;

/**
 * A run's checkpoint plus a snapshot of it after every epoch: saves into the run's {@link CheckpointFolder},
 * then keeps a complete, loadable copy in {@code <runDir>.epochs/epoch-NNNN/} (NNNN = finished epochs). The
 * files are hard-linked (an atomic save never rewrites a file in place, so the links stay valid), or copied
 * where links are not supported, into a hidden temporary sibling that is then renamed into place. Only the
 * newest {@code keep} snapshots are kept ({@link #ALL} = every epoch, 0 = none). Not thread-safe: one run
 * saves from one thread.
 */
public final class CheckpointHistory implements CheckpointStore {
    /** Keep every epoch's snapshot. */
    public static final int ALL = -1;
    private static final String PREFIX = "epoch-";
    private static final String[] FILES = {CheckpointFolder.PARAMS, CheckpointFolder.RMSPROP,
            CheckpointFolder.MODEL_JSON};

    private final CheckpointFolder folder;
    private final int keep;

    /** @param keep snapshots to keep: {@link #ALL}, 0 (none) or a positive count of the newest */
    public CheckpointHistory(CheckpointFolder folder, int keep) {
        if (keep < ALL) {
            throw new IllegalArgumentException("epochs to keep must be -1 (all), 0 or positive: " + keep);
        }
        this.folder = folder;
        this.keep = keep;
    }

    /**
     * Snapshots to keep from a user's text: empty or "all" = {@link #ALL}, else a count of 0 or more.
     *
     * @throws IllegalArgumentException naming the text if it is neither
     */
    public static int parseKeep(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty() || t.equalsIgnoreCase("all")) {
            return ALL;
        }
        try {
            int n = Integer.parseInt(t);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("epochs to keep must be 0 or more, or all: '" + t + "'");
    }

    /** The run's checkpoint folder. */
    public CheckpointFolder folder() {
        return folder;
    }

    /** The folder of the epoch snapshots of the run checkpoint {@code runDir}: {@code <runDir>.epochs}. */
    public static Path epochsDir(Path runDir) {
        Path d = runDir.toAbsolutePath().normalize();
        return d.resolveSibling(d.getFileName() + ".epochs");
    }

    /** The snapshot folder of epoch {@code epoch} (finished epochs) of {@code runDir}. */
    public static Path epochDir(Path runDir, int epoch) {
        return epochsDir(runDir).resolve(String.format("%s%04d", PREFIX, epoch));
    }

    @Override
    public void save(Checkpoint checkpoint) throws IOException {
        folder.save(checkpoint);
        if (keep != 0) {
            snapshot(folder.dir(), checkpoint.state().nextEpoch());
            prune(folder.dir(), keep);
        }
    }

    /** Snapshots the checkpoint now in {@code runDir} as epoch {@code epoch}, replacing an older snapshot of it. */
    public static Path snapshot(Path runDir, int epoch) throws IOException {
        Path target = epochDir(runDir, epoch);
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path tmp = parent.resolve("." + target.getFileName() + ".tmp");
        Path old = parent.resolve("." + target.getFileName() + ".old");
        CheckpointFolder.deleteTree(tmp);
        Files.createDirectory(tmp);
        try {
            fill(tmp, runDir, epoch);
        } catch (IOException | RuntimeException e) {
            CheckpointFolder.deleteTree(tmp);
            throw e;
        }
        if (Files.exists(target)) {
            CheckpointFolder.deleteTree(old);
            AtomicFiles.move(target, old);
        }
        AtomicFiles.move(tmp, target);
        CheckpointFolder.deleteTree(old);
        return target;
    }

    private static void fill(Path tmp, Path runDir, int epoch) throws IOException {
        Path src = runDir.toAbsolutePath().normalize();
        for (String name : FILES) {
            Path from = src.resolve(name);
            if (!Files.isRegularFile(from)) {
                throw new IOException(from + ": missing; cannot snapshot epoch " + epoch);
            }
            try {
                Files.createLink(tmp.resolve(name), from);
            } catch (IOException | UnsupportedOperationException e) {
                Files.copy(from, tmp.resolve(name));
            }
        }
    }

    /** The epoch snapshot folders of {@code runDir}, oldest epoch first. */
    public static List<Path> snapshots(Path runDir) throws IOException {
        Path dir = epochsDir(runDir);
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> list = Files.list(dir)) {
            list.filter(p -> p.getFileName().toString().matches(PREFIX + "\\d+") && Files.isDirectory(p))
                    .forEach(out::add);
        }
        out.sort(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString().substring(PREFIX.length()))));
        return out;
    }

    /** Deletes all but the newest {@code keep} snapshots of {@code runDir} (keep &lt; 0: none deleted). */
    public static void prune(Path runDir, int keep) throws IOException {
        if (keep < 0) {
            return;
        }
        List<Path> all = snapshots(runDir);
        for (int i = 0; i < all.size() - keep; i++) {
            CheckpointFolder.deleteTree(all.get(i));
        }
    }
}
