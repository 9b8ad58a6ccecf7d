package org.echoic.segment;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * Manual corrections of an automatic segmentation, kept apart from it: a list of {@link Edit operations} that
 * {@link #replay} applies to whatever the automatic result currently is, so re-tuning keeps the edits. An edit
 * names its target by the frame range the segment had when it was edited; on replay the target is the segment with
 * that exact range, else the one overlapping it most; an edit whose target is gone is skipped (and counted).
 * Undo removes the last edit (onto the redo stack); a new edit clears the redo stack. Frames throughout.
 *
 * <p>Thread-safety: the instance methods are synchronized; {@link #replay} is a pure function.
 */
public final class SegmentEdits {

    /** One manual operation. */
    public sealed interface Edit permits Add, Delete, Split, Merge, Move, Relabel {
    }

    /** Adds the segment [startFrame, endFrame) with a label. */
    public record Add(long startFrame, long endFrame, String label) implements Edit {
        public Add {
            new Segment(startFrame, endFrame, label);
        }
    }

    /** Deletes the segment that was [startFrame, endFrame). */
    public record Delete(long startFrame, long endFrame) implements Edit {
    }

    /** Splits the segment that was [startFrame, endFrame) at {@code atFrame} (strictly inside it). */
    public record Split(long startFrame, long endFrame, long atFrame) implements Edit {
    }

    /** Merges the segments that were [firstStart, firstEnd) and [secondStart, secondEnd) into their hull. */
    public record Merge(long firstStart, long firstEnd, long secondStart, long secondEnd) implements Edit {
    }

    /** Moves the edges of the segment that was [startFrame, endFrame) to [newStartFrame, newEndFrame). */
    public record Move(long startFrame, long endFrame, long newStartFrame, long newEndFrame) implements Edit {
        public Move {
            new Segment(newStartFrame, newEndFrame);
        }
    }

    /** Gives the segment that was [startFrame, endFrame) a label. */
    public record Relabel(long startFrame, long endFrame, String label) implements Edit {
    }

    /** A segment after the edits, and whether an edit made or changed it. */
    public record Item(Segment segment, boolean edited) {
    }

    /** The edited segments (sorted by start, then end) and how many edits found no target. */
    public record Replayed(List<Item> items, int skipped) {
        public Replayed {
            items = List.copyOf(items);
        }
    }

    private final List<Edit> edits = new ArrayList<>();
    private final Deque<Edit> redo = new ArrayDeque<>();

    /** Records a new edit (clears the redo stack). */
    public synchronized void apply(Edit edit) {
        edits.add(edit);
        redo.clear();
    }

    public synchronized boolean canUndo() {
        return !edits.isEmpty();
    }

    public synchronized boolean canRedo() {
        return !redo.isEmpty();
    }

    /** Removes the last edit; returns false when there is none. */
    public synchronized boolean undo() {
        if (edits.isEmpty()) {
            return false;
        }
        redo.push(edits.remove(edits.size() - 1));
        return true;
    }

    /** Re-applies the last undone edit; returns false when there is none. */
    public synchronized boolean redo() {
        if (redo.isEmpty()) {
            return false;
        }
        edits.add(redo.pop());
        return true;
    }

    /** The edits in order (a copy). */
    public synchronized List<Edit> edits() {
        return List.copyOf(edits);
    }

    /** Replaces all edits (e.g. restored from a project) and clears the redo stack. */
    public synchronized void replaceAll(List<Edit> restored) {
        edits.clear();
        edits.addAll(restored);
        redo.clear();
    }

    /** Applies this object's edits to {@code automatic}. */
    public Replayed replay(List<Segment> automatic) {
        return replay(automatic, edits());
    }

    /** Applies {@code edits} in order to the automatic segments (which are not changed). */
    public static Replayed replay(List<Segment> automatic, List<Edit> edits) {
        List<Item> items = new ArrayList<>(automatic.size() + edits.size());
        for (Segment s : automatic) {
            items.add(new Item(s, false));
        }
        int skipped = 0;
        for (Edit e : edits) {
            if (!applyTo(items, e)) {
                skipped++;
            }
        }
        items.sort(Comparator.comparingLong((Item i) -> i.segment().startFrame())
                .thenComparingLong(i -> i.segment().endFrame()));
        return new Replayed(items, skipped);
    }

    private static boolean applyTo(List<Item> items, Edit edit) {
        if (edit instanceof Add a) {
            items.add(new Item(new Segment(a.startFrame(), a.endFrame(), a.label()), true));
            return true;
        }
        if (edit instanceof Merge m) {
            int i = find(items, m.firstStart(), m.firstEnd());
            int j = find(items, m.secondStart(), m.secondEnd());
            if (i < 0 || j < 0 || i == j) {
                return false;
            }
            Segment a = items.get(i).segment();
            Segment b = items.get(j).segment();
            String label = a.label().isEmpty() ? b.label() : a.label();
            items.set(i, new Item(new Segment(Math.min(a.startFrame(), b.startFrame()),
                    Math.max(a.endFrame(), b.endFrame()), label), true));
            items.remove(j);
            return true;
        }
        long[] target = target(edit);
        int i = find(items, target[0], target[1]);
        if (i < 0) {
            return false;
        }
        Segment t = items.get(i).segment();
        if (edit instanceof Delete) {
            items.remove(i);
        } else if (edit instanceof Split s) {
            if (s.atFrame() <= t.startFrame() || s.atFrame() >= t.endFrame()) {
                return false;
            }
            items.set(i, new Item(new Segment(t.startFrame(), s.atFrame(), t.label()), true));
            items.add(i + 1, new Item(new Segment(s.atFrame(), t.endFrame(), t.label()), true));
        } else if (edit instanceof Move mv) {
            items.set(i, new Item(new Segment(mv.newStartFrame(), mv.newEndFrame(), t.label()), true));
        } else if (edit instanceof Relabel r) {
            items.set(i, new Item(new Segment(t.startFrame(), t.endFrame(), r.label()), true));
        }
        return true;
    }

    /** The range that names the target of a one-segment edit. */
    private static long[] target(Edit edit) {
        if (edit instanceof Delete d) {
            return new long[] {d.startFrame(), d.endFrame()};
        }
        if (edit instanceof Split s) {
            return new long[] {s.startFrame(), s.endFrame()};
        }
        if (edit instanceof Move m) {
            return new long[] {m.startFrame(), m.endFrame()};
        }
        Relabel r = (Relabel) edit;
        return new long[] {r.startFrame(), r.endFrame()};
    }

    /** The item with exactly [start, end), else the one overlapping it most (first on ties), else -1. */
    private static int find(List<Item> items, long start, long end) {
        int best = -1;
        long bestOverlap = 0;
        for (int i = 0; i < items.size(); i++) {
            Segment s = items.get(i).segment();
            if (s.startFrame() == start && s.endFrame() == end) {
                return i;
            }
            long overlap = Math.min(end, s.endFrame()) - Math.max(start, s.startFrame());
            if (overlap > bestOverlap) {
                bestOverlap = overlap;
                best = i;
            }
        }
        return best;
    }
}
