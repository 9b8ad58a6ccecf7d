package org.echoic.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.echoic.SharedData;
import org.echoic.segment.Segment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentTablesTest {
    @TempDir
    Path dir;

    @Test
    void findsTheRavenTableThatEchoicSegmentWritesBesideTheRecording() throws IOException {
        Path rec = dir.resolve("song.wav");
        Files.writeString(rec, "");
        Path raven = dir.resolve("song.Table.1.selections.txt");
        Files.writeString(raven, "Selection\tView\tChannel\tBegin Time (s)\tEnd Time (s)\n"
                + "1\tSpectrogram 1\t1\t0.5\t0.75\n");
        assertEquals(raven, SegmentTables.besides(rec).orElseThrow());
        List<Segment> s = SegmentTables.read(raven, 1000);
        assertEquals(List.of(500L, 750L), List.of(s.get(0).startFrame(), s.get(0).endFrame()));
    }

    @Test
    void prefersTheCsvAndLooksNowhereElse() throws IOException {
        Path rec = dir.resolve("song.wav");
        Files.writeString(dir.resolve("song.txt"), "0.1\t0.2\tA\n");
        Files.writeString(dir.resolve("song.csv"), "onset_s,offset_s,label\n0.1,0.2,A\n");
        Files.writeString(dir.resolve("other.labels.txt"), "0.1\t0.2\tA\n");
        assertEquals(dir.resolve("song.csv"), SegmentTables.besides(rec).orElseThrow());
        assertTrue(SegmentTables.besides(dir.resolve("none.wav")).isEmpty());
    }

    @Test
    void findsTheAudacityLabelsOfTheRealSpinetailRecording() throws IOException {
        Path rec = SharedData.recording("spinetail/spinetail.wav");
        Path table = SegmentTables.besides(rec).orElseThrow();
        assertEquals("spinetail.txt", table.getFileName().toString());
        List<Segment> s = SegmentTables.read(table, 44100);
        assertEquals(18, s.size(), "the 18 labelled events (frequency lines are not rows)");
    }
}
