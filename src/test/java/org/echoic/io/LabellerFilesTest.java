package org.echoic.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.echoic.label.FeatureSpec;
import org.echoic.label.FrameFeatures;
import org.echoic.label.LabelNetwork;
import org.echoic.label.Labeller;
import org.echoic.label.LabellerTrainer;
import org.echoic.label.Normaliser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

/** A labeller's model folder: the GRU network and every setting survive a save and load; bad folders are named. */
class LabellerFilesTest {
    @TempDir
    Path dir;

    @Test
    void aSavedGruLabellerPredictsTheSameAfterLoading() throws Exception {
        FeatureSpec spec = FeatureSpec.DEFAULT.withKind(FeatureSpec.Kind.MFCC);
        Normaliser norm = new Normaliser(FeatureSpec.Normalisation.FEATURE, new float[] {1, 2, 3}, new float[] {1, 1, 2});
        Labeller l = new Labeller(LabelNetwork.Task.FRAMES, LabelNetwork.GRU, List.of("(background)", "a"), spec, norm,
                8, 32_000, LabelNetwork.GRU.build(LabelNetwork.Task.FRAMES, 3, 8, new double[] {1, 2},
                        new LabelNetwork.Settings(4, 1e-3, 2), DataType.FLOAT));
        java.util.Random r = new java.util.Random(1);
        float[] v = new float[20 * 3];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r.nextGaussian();
        }
        FrameFeatures f = new FrameFeatures(spec, 32_000, 0, 20, 3, v);
        Path model = dir.resolve("model");
        LabellerFiles.save(model, l, List.of(new LabellerTrainer.EpochResult(0, 1.5, 1.2, Double.NaN, true)),
                Map.of("appVersion", "test"));
        LabellerFiles.Loaded back = LabellerFiles.load(model);
        assertEquals(l.classes(), back.labeller().classes());
        assertEquals(spec, back.labeller().spec());
        assertEquals(LabelNetwork.GRU, back.labeller().network());
        assertArrayEquals(norm.scale(), back.labeller().normaliser().scale());
        assertArrayEquals(l.frameProbabilities(f), back.labeller().frameProbabilities(f), 1e-6f);
        assertEquals(1, back.history().size());
        assertTrue(Double.isNaN(back.history().get(0).validationAccuracy()));
        assertEquals("test", back.info().get("appVersion"));
        LabellerFiles.save(model, l, List.of(), Map.of());
        assertTrue(Files.isRegularFile(model.resolve(LabellerFiles.NETWORK)), "a second save replaces the folder");
    }

    @Test
    void foldersThatAreNoLabellerAreRefusedWithTheirName() throws Exception {
        var e = assertThrows(java.io.IOException.class, () -> LabellerFiles.load(dir));
        assertTrue(e.getMessage().contains(dir.toString()) && e.getMessage().contains("not a labeller"), e.getMessage());
        Files.writeString(dir.resolve(LabellerFiles.JSON), "{\"format\":\"echoic-rnnrbm-checkpoint\"}");
        e = assertThrows(java.io.IOException.class, () -> LabellerFiles.load(dir));
        assertTrue(e.getMessage().contains("not an Echoic labeller"), e.getMessage());
    }
}
