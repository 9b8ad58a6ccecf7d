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

    @Test
    void findsRavenTablesNamedAsRavenSavesThemOrWithATagOfTheirOwn() throws IOException {
        Path rec = dir.resolve("dawn.wav");
        Files.writeString(rec, "");
        String header = "Selection\tView\tChannel\tBegin Time (s)\tEnd Time (s)\n1\tSpectrogram 1\t1\t0.5\t0.75\n";
        Files.writeString(dir.resolve("dawn-other.Table.1.selections.txt"), header);
        Files.writeString(dir.resolve("dawn.Table.3.selections.txt"), header);
        assertEquals(dir.resolve("dawn.Table.3.selections.txt"), SegmentTables.besides(rec).orElseThrow(),
                "Raven's X.Table.N.selections.txt for N other than 1; another recording's table is not taken");
        Files.writeString(dir.resolve("dawn.first10s.selections.txt"), header);
        assertEquals(dir.resolve("dawn.Table.3.selections.txt"), SegmentTables.besides(rec).orElseThrow(),
                "the first by name when several Raven tables are beside it");
        Files.delete(dir.resolve("dawn.Table.3.selections.txt"));
        assertEquals(dir.resolve("dawn.first10s.selections.txt"), SegmentTables.besides(rec).orElseThrow());
        Files.writeString(dir.resolve("dawn.txt"), "0.1\t0.2\tA\n");
        assertEquals(dir.resolve("dawn.txt"), SegmentTables.besides(rec).orElseThrow(),
                "an exact suffix still comes first");
    }

    @Test
    void findsTheRavenTableOfTheRealChorusSnippet() throws IOException {
        Path rec = SharedData.recording("chorus-raven/Recording_1_Segment_07-snippet.wav");
        Path table = SegmentTables.besides(rec).orElseThrow();
        assertEquals("Recording_1_Segment_07-snippet.first10s.selections.txt", table.getFileName().toString());
        List<Segment> s = SegmentTables.read(table, 32000);
        assertTrue(s.size() >= 4 && s.get(0).startFrame() == Math.round(0.17809591100000002 * 32000),
                "the snippet's Raven rows: " + s.size());
    }
}
