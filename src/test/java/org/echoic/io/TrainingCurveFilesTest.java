package org.echoic.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Curve CSV (long form, quoting, NaN) and reading a run's history without its weights. */
class TrainingCurveFilesTest {
    @TempDir
    Path dir;

    @Test
    void writesLongFormWithQuotedNamesAndEmptyNaN() throws IOException {
        Path out = dir.resolve("c.csv");
        TrainingCurveFiles.writeCsv(out, List.of(
                new TrainingCurveFiles.Curve("cost (batch, smoothed)", new double[] {0.5, 1}, new double[] {2, Double.NaN}),
                new TrainingCurveFiles.Curve("val", new double[] {1}, new double[] {0.25})));
        assertEquals(List.of("series,epoch,value", "\"cost (batch, smoothed)\",0.500000,2.0000000",
                "\"cost (batch, smoothed)\",1.000000,", "val,1.000000,0.25000000"), Files.readAllLines(out));
    }

    @Test
    void readsTheHistoryOfACheckpointAndNamesBadFiles() throws IOException {
        Path run = dir.resolve("run");
        Files.createDirectories(run);
        Files.writeString(run.resolve("model.json"), "{\"format\":\"" + CheckpointFolder.FORMAT + "\",\"history\":["
                + "{\"epoch\":0,\"stage\":0,\"learningRate\":0.001,\"trainCost\":-0.1,\"trainReconstruction\":-6.8,"
                + "\"validation\":{\"cost\":-0.2,\"reconstruction\":-6.7,\"predictionMse\":0.06,\"frameAccuracy\":null,"
                + "\"frames\":262},\"skippedBatches\":0,\"rollbacks\":0,\"framesPerSecond\":4435.9,"
                + "\"elapsedSeconds\":0.46,\"remainingSeconds\":0.46}]}");
        var h = TrainingCurveFiles.readHistory(run);
        assertEquals(1, h.size());
        assertEquals(0.06, h.get(0).validation().predictionMse(), 1e-12);
        IOException missing = assertThrows(IOException.class, () -> TrainingCurveFiles.readHistory(dir.resolve("none")));
        assertTrue(missing.getMessage().contains("none"), missing.getMessage());
        Files.writeString(run.resolve("model.json"), "{\"format\":\"other\"}");
        IOException other = assertThrows(IOException.class, () -> TrainingCurveFiles.readHistory(run));
        assertTrue(other.getMessage().contains("model.json"), other.getMessage());
    }
}
