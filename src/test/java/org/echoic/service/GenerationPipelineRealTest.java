package org.echoic.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.echoic.TinyAudioModel;
import org.echoic.audio.Recording;
import org.echoic.corpus.Corpus;
import org.echoic.corpus.CorpusSegment;
import org.echoic.dsp.FrameScaling;
import org.echoic.dsp.SpectralFrames;
import org.echoic.generate.GenerationParams;
import org.echoic.generate.GenerationProvenance;
import org.echoic.io.AudioFiles;
import org.echoic.io.CheckpointFolder;
import org.echoic.segment.Segment;
import org.echoic.segment.SegmentationModel;
import org.echoic.segment.SegmentationParams;
import org.echoic.train.SequenceDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real segments for generation: frames of given (tuned) segments, the seeded sample of at most 500 compared, the
 * frame-settings check of a training corpus, and the replay request built from a sidecar's provenance.
 */
class GenerationPipelineRealTest {
    @TempDir
    static Path dir;
    static TinyAudioModel.Made made;
    static GenerationPipeline.ModelInfo info;

    @BeforeAll
    static void train() throws Exception {
        made = TinyAudioModel.make(dir, false);
        CheckpointFolder.Loaded l = CheckpointFolder.load(made.modelDir());
        try (var m = l.model(); var o = l.optimizer()) {
            info = GenerationPipeline.describe(l, Double.NaN, "test");
        }
    }

    @Test
    void givenSegmentsAreTurnedIntoFramesInTheirOrder() throws Exception {
        try (Recording rec = AudioFiles.open(made.wav())) {
            List<Segment> all;
            try (SegmentationModel m = new SegmentationModel(rec)) {
                all = m.segments(SegmentationParams.DEFAULTS, null, null).segments();
            }
            List<Segment> two = List.of(all.get(1), all.get(2));
            Corpus c = GenerationPipeline.realCorpus(rec, "song", info, two, Recording.MEAN_CHANNEL);
            assertEquals(2, c.dataset().size());
            assertEquals(all.get(1).startFrame(), c.segments().get(0).startFrame());
            Corpus defaults = GenerationPipeline.realCorpus(rec, "song", info, SegmentationParams.DEFAULTS);
            assertArrayEquals(defaults.dataset().sequences().get(1)[0], c.dataset().sequences().get(0)[0]);
        }
    }

    @Test
    void aRecordingAtAnotherRateIsRefusedWithTheRates() throws Exception {
        assertTrue(info.sound().hasAudio(), "the tiny model knows the rate of its sound");
        double rate = info.sound().sampleRateHz();
        float[] x = new float[(int) (rate * 11.0)];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.5 * Math.sin(i * 0.3) * ((i / 4000) % 2));
        }
        Recording other = new org.echoic.audio.ArrayRecording(Path.of("bat.wav"), rate * 11, x);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> GenerationPipeline.realCorpus(other, "bat.wav", info, SegmentationParams.DEFAULTS));
        assertTrue(e.getMessage().startsWith("bat.wav is recorded at ") && e.getMessage().contains("kHz sound"),
                e.getMessage());
    }

    @Test
    void atMost500RealSegmentsAreComparedASeededSampleInCorpusOrder() {
        Corpus small = corpus(30, TinyAudioModel.FRAMES);
        assertEquals(30, GenerationPipeline.realSample(small).length);
        Corpus big = corpus(1200, TinyAudioModel.FRAMES);
        int[] sample = GenerationPipeline.realSample(big);
        assertEquals(GenerationPipeline.MAX_REAL_SEQUENCES, sample.length);
        assertArrayEquals(sample, GenerationPipeline.realSample(big), "the same sample every time");
        for (int i = 1; i < sample.length; i++) {
            assertTrue(sample[i] > sample[i - 1]);
        }
        assertTrue(sample[sample.length - 1] >= 600, "drawn from the whole corpus, not its start");
        assertEquals(big.dataset().sequences().get(sample[7]), GenerationPipeline.realSequences(big).get(7));
    }

    @Test
    void aCorpusWithOtherFrameSettingsIsRefused() {
        assertNull(GenerationPipeline.framesMismatch(made.corpus(), info));
        SpectralFrames linear = new SpectralFrames(TinyAudioModel.FRAMES.stft(), 1000, 9000, FrameScaling.LINEAR_MAX,
                60, Double.NaN);
        String why = GenerationPipeline.framesMismatch(corpus(3, linear), info);
        assertNotNull(why);
        assertTrue(why.contains("frame settings"), why);
    }

    @Test
    void aReplayRequestIsTheSidecarsOneSequence() throws Exception {
        GenerationParams batch = new GenerationParams(40, 3, 1.2, true, true, 10);
        GenerationProvenance p = new GenerationProvenance(made.modelDir().toString(), info.fingerprint(), 2, "fp",
                batch, 4, 2, 12, made.wav().toString(), 0, 5, 44100, 16, "test");
        GenerationRequest r = GenerationReplay.request(p, info, 64);
        assertEquals(1, r.count());
        assertEquals(12, r.params().seed());
        assertEquals(40, r.params().frames());
        assertEquals(1.2, r.params().temperature());
        assertEquals(16, r.griffinLimIterations());
        assertEquals(5, r.primer().frames().length);
        assertTrue(GenerationReplay.sameModel(p, info));
        assertEquals(made.modelDir(), GenerationReplay.modelDir(p));
    }

    private static Corpus corpus(int n, SpectralFrames frames) {
        List<float[][]> seqs = new ArrayList<>();
        List<CorpusSegment> segs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            seqs.add(new float[][] {new float[24]});
            segs.add(new CorpusSegment("r", i, i * 100L, i * 100L + 50, 44100, ""));
        }
        return new Corpus(new SequenceDataset(24, seqs, "set"), segs, frames, 0);
    }
}
