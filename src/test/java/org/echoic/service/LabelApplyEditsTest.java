package org.echoic.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.echoic.segment.Annotation;
import org.echoic.segment.Segment;
import org.echoic.segment.SegmentEdits;
import org.junit.jupiter.api.Test;

/** Labelled segments taken into a segmentation as manual edits: they replace its segments and undo steps back. */
class LabelApplyEditsTest {
    @Test
    void theLabelledSegmentsReplaceTheCurrentOnesAfterTheEarlierEdits() {
        double fs = 1000;
        List<Segment> automatic = List.of(new Segment(100, 200), new Segment(300, 420), new Segment(600, 700));
        List<SegmentEdits.Edit> earlier = List.of(new SegmentEdits.Delete(600, 700));
        List<SegmentEdits.Item> current = SegmentEdits.replay(automatic, earlier).items();
        List<Annotation> labelled = List.of(new Annotation(0.105, 0.195, "A"), new Annotation(0.31, 0.36, "B"),
                new Annotation(0.37, 0.41, "C"));
        List<SegmentEdits.Edit> edits = LabelApply.replacingEdits(earlier, current, labelled, fs);
        assertEquals(earlier.get(0), edits.get(0), "the earlier edits come first");
        SegmentEdits.Replayed r = SegmentEdits.replay(automatic, edits);
        assertEquals(0, r.skipped());
        assertEquals(List.of(new Segment(105, 195, "A"), new Segment(310, 360, "B"), new Segment(370, 410, "C")),
                r.items().stream().map(SegmentEdits.Item::segment).toList());
        assertEquals(current, SegmentEdits.replay(automatic, edits.subList(0, 1)).items(),
                "dropping the new edits (undo) gives the segmentation back");
    }
}
