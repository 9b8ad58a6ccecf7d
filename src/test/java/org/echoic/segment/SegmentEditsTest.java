package org.echoic.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Manual edits as operations over the automatic result: each operation, undo/redo, and replay after re-tuning. */
class SegmentEditsTest {
    private static final List<Segment> AUTO = List.of(new Segment(100, 200), new Segment(300, 400),
            new Segment(500, 600));

    private static List<Segment> segments(SegmentEdits.Replayed r) {
        return r.items().stream().map(SegmentEdits.Item::segment).toList();
    }

    @Test
    void eachOperationChangesTheAutomaticResultAndMarksWhatItTouched() {
        SegmentEdits e = new SegmentEdits();
        e.apply(new SegmentEdits.Delete(300, 400));
        e.apply(new SegmentEdits.Add(700, 800, "call"));
        e.apply(new SegmentEdits.Split(100, 200, 150));
        e.apply(new SegmentEdits.Move(500, 600, 480, 620));
        e.apply(new SegmentEdits.Relabel(700, 800, "song"));
        SegmentEdits.Replayed r = e.replay(AUTO);
        assertEquals(List.of(new Segment(100, 150), new Segment(150, 200), new Segment(480, 620),
                new Segment(700, 800, "song")), segments(r));
        assertTrue(r.items().stream().allMatch(SegmentEdits.Item::edited));
        assertEquals(0, r.skipped());

        SegmentEdits m = new SegmentEdits();
        m.apply(new SegmentEdits.Relabel(300, 400, "a"));
        m.apply(new SegmentEdits.Merge(300, 400, 500, 600));
        SegmentEdits.Replayed merged = m.replay(AUTO);
        assertEquals(List.of(new Segment(100, 200), new Segment(300, 600, "a")), segments(merged));
        assertFalse(merged.items().get(0).edited(), "untouched segments are not marked");
        assertTrue(merged.items().get(1).edited());
    }

    @Test
    void undoAndRedoWalkTheEditsAndANewEditClearsRedo() {
        SegmentEdits e = new SegmentEdits();
        assertFalse(e.undo());
        e.apply(new SegmentEdits.Delete(100, 200));
        e.apply(new SegmentEdits.Delete(300, 400));
        assertEquals(1, e.replay(AUTO).items().size());
        assertTrue(e.undo());
        assertEquals(List.of(new Segment(300, 400), new Segment(500, 600)), segments(e.replay(AUTO)));
        assertTrue(e.canRedo());
        assertTrue(e.redo());
        assertEquals(List.of(new Segment(500, 600)), segments(e.replay(AUTO)));
        e.undo();
        e.apply(new SegmentEdits.Add(0, 50, ""));
        assertFalse(e.canRedo(), "a new edit clears the redo stack");
        assertFalse(e.redo());
        assertEquals(2, e.edits().size());
        e.undo();
        e.undo();
        assertFalse(e.canUndo());
        assertEquals(AUTO, segments(e.replay(AUTO)));
    }

    @Test
    void editsFollowTheirSegmentsAfterReTuningAndSkipVanishedTargets() {
        SegmentEdits e = new SegmentEdits();
        e.apply(new SegmentEdits.Delete(300, 400));
        e.apply(new SegmentEdits.Relabel(500, 600, "trill"));
        e.apply(new SegmentEdits.Move(100, 200, 90, 210));
        List<Segment> retuned = List.of(new Segment(95, 205), new Segment(290, 410), new Segment(495, 610),
                new Segment(900, 950));
        SegmentEdits.Replayed r = e.replay(retuned);
        assertEquals(List.of(new Segment(90, 210), new Segment(495, 610, "trill"), new Segment(900, 950)), segments(r),
                "a larger buffer moved every edge: edits still find their segments by overlap");
        assertFalse(r.items().get(2).edited());

        SegmentEdits.Replayed gone = e.replay(List.of(new Segment(900, 950)));
        assertEquals(3, gone.skipped(), "edits whose segments vanished are skipped and counted, not lost");
        assertEquals(3, e.edits().size());
        assertEquals(List.of(new Segment(90, 210), new Segment(495, 610, "trill"), new Segment(900, 950)),
                segments(e.replay(retuned)), "and apply again when re-tuning brings them back");
    }

    @Test
    void badEditsAreRefusedOrSkipped() {
        assertThrows(IllegalArgumentException.class, () -> new SegmentEdits.Add(10, 5, ""));
        assertThrows(IllegalArgumentException.class, () -> new SegmentEdits.Move(0, 10, 8, 2));
        SegmentEdits.Replayed r = SegmentEdits.replay(AUTO, List.of(new SegmentEdits.Split(100, 200, 250),
                new SegmentEdits.Merge(100, 200, 100, 200)));
        assertEquals(AUTO, segments(r));
        assertEquals(2, r.skipped());
    }
}
