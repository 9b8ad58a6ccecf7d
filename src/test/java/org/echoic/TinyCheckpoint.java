package org.echoic;

import java.nio.file.Path;
import java.util.List;

import org.echoic.audio.Recording;
import org.echoic.corpus.Corpus;
import org.echoic.corpus.CorpusBuilder;
import org.echoic.dsp.SpectralFrames;
import org.echoic.io.AudioFiles;
import org.echoic.io.CheckpointFolder;
import org.echoic.io.CsvAnnotations;
import org.echoic.rnnrbm.GateActivation;
import org.echoic.rnnrbm.RmsProp;
import org.echoic.rnnrbm.RnnRbm;
import org.echoic.rnnrbm.RnnRbmConfig;
import org.echoic.segment.Segment;
import org.echoic.train.Trainer;
import org.echoic.train.TrainingConfig;
import org.echoic.train.TrainingState;

/**
 * A tiny model trained in a test on the bundled sample: the segments of {@code sample-data/bird-song.wav} from
 * {@code bird-song.csv}, 2–8 kHz frames (F = 35), 8 hidden and 6 recurrent units, k = 1, one epoch per call,
 * checkpointed with its STFT and scaling sections.
 */
public final class TinyCheckpoint {
    public static final Path WAV = Path.of("sample-data", "bird-song.wav");
    public static final Path CSV = Path.of("sample-data", "bird-song.csv");
    public static final SpectralFrames FRAMES = SpectralFrames.DEFAULT.withBand(2000, 8000);

    private TinyCheckpoint() {
    }

    /** The sample's segments. */
    public static List<Segment> segments(Recording rec) throws Exception {
        return CsvAnnotations.read(CSV).stream().map(a -> a.toSegment(rec.sampleRateHz())).toList();
    }

    /** The sample's corpus with {@link #FRAMES}. */
    public static Corpus corpus() throws Exception {
        Recording rec = AudioFiles.open(WAV);
        CorpusBuilder b = new CorpusBuilder(FRAMES, 0);
        b.add(WAV.toString(), rec, segments(rec));
        return b.build("bird-song");
    }

    /** Trains {@code epochs} epochs (seed {@code seed}) and leaves the checkpoint in {@code out}. */
    public static Corpus train(Path out, int epochs, long seed) throws Exception {
        Corpus c = corpus();
        RnnRbmConfig cfg = new RnnRbmConfig(c.dataset().nVisible(), 8, 6, 1, false, GateActivation.TANH)
                .withInitStd(0.05, 0.3);
        TrainingConfig tc = new TrainingConfig(8, epochs, List.of(1e-2), false, 0, 0, 0, 1, 3, seed);
        try (RnnRbm model = new RnnRbm(cfg, seed); RmsProp opt = new RmsProp(model)) {
            new Trainer(model, opt, tc, c.dataset(), null, TrainingState.start(),
                    new CheckpointFolder(out, "test", c.frames().scalingMap(), c.frames().stftMap()), null)
                    .run(() -> false);
        }
        return c;
    }
}
