package org.echoic.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;

import org.echoic.rnnrbm.GateActivation;
import org.echoic.rnnrbm.RnnRbm;
import org.echoic.rnnrbm.RnnRbmConfig;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Frame-level accuracy as the paper defines it (ΣTP/Σ(TP+FP+FN) over all frames) on a model whose predictions are
 * known exactly: with W and the recurrent part zero every value's probability is σ(bv) whatever the history.
 */
class EvaluatorTest {
    private static final double P_ON = 0.9;

    private static RnnRbm fixedModel() {
        RnnRbm m = new RnnRbm(new RnnRbmConfig(4, 2, 2, 3, false, GateActivation.TANH).withInitStd(0, 0), 1,
                DataType.DOUBLE);
        double on = Math.log(P_ON / (1 - P_ON));
        m.params().group("bv").assign(Nd4j.createFromArray(new double[][] {{on, on, -on, -on}}));
        return m;
    }

    private static SequenceDataset data() {
        List<float[][]> seqs = new ArrayList<>();
        seqs.add(new float[][] {{1, 1, 0, 0}, {1, 0, 1, 1}, {0, 0, 0, 0}});
        seqs.add(new float[][] {{0, 1, 1, 1}});
        return new SequenceDataset(4, seqs, "fixed");
    }

    @Test
    void accuracySumsTheCountsOverAllFramesAndKeepsThePerFrameMeanApart() throws Exception {
        // the prediction is always {0, 1}: frame counts (TP, FP, FN) = (2,0,0), (1,1,2), (0,2,0), (1,1,2)
        List<float[]> seen = new ArrayList<>();
        try (RnnRbm m = fixedModel()) {
            Evaluation e = Evaluator.evaluate(m, data(), 2, 0, 6, 0.5, false, (s, t, p) -> seen.add(p));
            assertEquals(4.0 / (4 + 4 + 4), e.frameAccuracy(), 1e-12);
            assertEquals((1 + 0.25 + 0 + 0.25) / 4, e.frameAccuracyPerFrame(), 1e-12);
            assertEquals(0.5, e.threshold());
            assertEquals(4, e.frames());
            assertEquals(4, seen.size());
            for (float[] p : seen) {
                assertArrayEquals(new float[] {0.9f, 0.9f, 0.1f, 0.1f}, p, 1e-6f);
            }
            // a threshold above 0.9 predicts nothing: TP 0, FN 8
            assertEquals(0.0, Evaluator.evaluate(m, data(), 2, 0, 6, 0.95).frameAccuracy(), 1e-12);
            // the sampled prediction is on with probability 0.9 / 0.1: its accuracy is between the extremes
            double sampled = e.frameAccuracySample();
            assertEquals(true, sampled > 0.05 && sampled < 0.7, "sampled accuracy " + sampled);
        }
    }

    @Test
    void repeatingThePreviousFrameIsScoredTheSameWay() {
        // predictions: {}, {0,1}, {0,2,3} | {} -> (0,0,2), (1,1,2), (0,3,0) | (0,0,3)
        assertEquals(1.0 / (1 + 4 + 7), Evaluator.repeatPreviousAccuracy(data()), 1e-12);
    }

    @Test
    void nonBinaryDataHaveNoAccuracy() throws Exception {
        List<float[][]> seqs = List.<float[][]>of(new float[][] {{0.5f, 0, 0, 0}});
        try (RnnRbm m = fixedModel()) {
            Evaluation e = Evaluator.evaluate(m, new SequenceDataset(4, seqs, "dense"), 1, 0, 4);
            assertNull(e.frameAccuracy());
            assertNull(e.frameAccuracySample());
            assertEquals((0.4 * 0.4 + 0.81 + 0.01 + 0.01) / 4, e.predictionMse(), 1e-6);
        }
    }
}
