package org.echoic.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.echoic.train.SequenceDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sparse and dense sequence JSON, and clear rejection of malformed data sets. */
class SequenceDatasetReaderTest {
    @TempDir
    Path dir;

    private Path file(String name, String json) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, json);
        return p;
    }

    @Test
    void readsSparseActiveIndices() throws IOException {
        SequenceDataset d = SequenceDatasetReader.read(file("s.json",
                "{\"nVisible\": 4, \"sequences\": [[[0, 2], []], [[3]]]}"));
        assertEquals(2, d.size());
        assertEquals(3, d.totalFrames());
        assertArrayEquals(new float[] {1, 0, 1, 0}, d.sequences().get(0)[0]);
        assertArrayEquals(new float[] {0, 0, 0, 0}, d.sequences().get(0)[1]);
        assertArrayEquals(new float[] {0, 0, 0, 1}, d.sequences().get(1)[0]);
        assertTrue(d.isBinary());
        assertEquals(64, d.fingerprint().length());
    }

    @Test
    void readsDenseValues() throws IOException {
        SequenceDataset d = SequenceDatasetReader.read(file("d.json",
                "{\"dense\": true, \"nVisible\": 2, \"extra\": {\"a\": 1}, \"sequences\": [[[0.25, 1], [0, 0.5]]]}"));
        assertArrayEquals(new float[] {0.25f, 1f}, d.sequences().get(0)[0]);
        assertTrue(!d.isBinary());
    }

    @Test
    void fingerprintsDifferWhenOneValueDiffers() throws IOException {
        String a = SequenceDatasetReader.read(file("a.json",
                "{\"dense\": true, \"nVisible\": 2, \"sequences\": [[[0.25, 1]]]}")).fingerprint();
        String b = SequenceDatasetReader.read(file("b.json",
                "{\"dense\": true, \"nVisible\": 2, \"sequences\": [[[0.25, 0.5]]]}")).fingerprint();
        assertTrue(!a.equals(b));
    }

    @Test
    void rejectsMalformedDataWithTheFileAndProblemInTheMessage() throws IOException {
        String[][] cases = {
            {"ragged.json", "{\"dense\": true, \"nVisible\": 3, \"sequences\": [[[0, 1, 0], [0, 1]]]}", "ragged"},
            {"range.json", "{\"nVisible\": 3, \"sequences\": [[[0, 3]]]}", "out of range"},
            {"negative.json", "{\"nVisible\": 3, \"sequences\": [[[-1]]]}", "out of range"},
            {"value.json", "{\"dense\": true, \"nVisible\": 2, \"sequences\": [[[0.5, 1.5]]]}", "outside [0,1]"},
            {"empty.json", "{\"nVisible\": 2, \"sequences\": [[[0]], []]}", "sequence 1 is empty"},
            {"none.json", "{\"nVisible\": 2, \"sequences\": []}", "no sequences"},
            {"nov.json", "{\"sequences\": [[[0]]]}", "missing nVisible"},
            {"broken.json", "{\"nVisible\": 2, \"sequences\": [[[0]", "not valid JSON"},
            {"text.json", "{\"nVisible\": 2, \"sequences\": [[[\"a\"]]]}", "non-number"},
        };
        for (String[] c : cases) {
            Path p = file(c[0], c[1]);
            IOException e = assertThrows(IOException.class, () -> SequenceDatasetReader.read(p), c[0]);
            assertTrue(e.getMessage().contains(c[0]) && e.getMessage().contains(c[2]),
                    c[0] + ": " + e.getMessage());
        }
        IOException missing = assertThrows(IOException.class,
                () -> SequenceDatasetReader.read(dir.resolve("absent.json")));
        assertTrue(missing.getMessage().contains("absent.json"));
    }
}
