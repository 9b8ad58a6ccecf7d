package org.echoic;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.echoic.audio.ArrayRecording;
import org.echoic.audio.Recording;
import org.echoic.corpus.Corpus;
import org.echoic.corpus.CorpusBuilder;
import org.echoic.dsp.FrameScaling;
import org.echoic.dsp.SpectralFrames;
import org.echoic.dsp.StftParams;
import org.echoic.dsp.WindowFunction;
import org.echoic.dsp.synth.BirdSongSynthesiser;
import org.echoic.dsp.synth.SynthesisedAudio;
import org.echoic.io.CheckpointFolder;
import org.echoic.io.WavWriter;
import org.echoic.rnnrbm.GateActivation;
import org.echoic.rnnrbm.RmsProp;
import org.echoic.rnnrbm.RnnRbm;
import org.echoic.rnnrbm.RnnRbmConfig;
import org.echoic.segment.SegmentationModel;
import org.echoic.segment.SegmentationParams;
import org.echoic.train.Checkpoint;
import org.echoic.train.Trainer;
import org.echoic.train.TrainingConfig;
import org.echoic.train.TrainingState;

/**
 * A tiny audio model trained in a test: 4 s of synthetic bird song at 44.1 kHz, segmented with the defaults,
 * 128-point PSD frames of 1–9 kHz (24 values, log-dB over 60 dB), an RNN-RBM of 16 hidden and 8 recurrent
 * units trained for two epochs, saved as a checkpoint folder (optionally with the rate in model.json).
 */
public final class TinyAudioModel {
    public static final double RATE_HZ = BirdSongSynthesiser.SAMPLE_RATE_HZ;
    public static final SpectralFrames FRAMES = new SpectralFrames(
            new StftParams(128, 64, 128, WindowFunction.HANN, StftParams.Detrend.NONE, StftParams.Scaling.DENSITY,
                    StftParams.Mode.PSD), 1000, 9000, FrameScaling.LOG_DB, 60, Double.NaN);

    /** The recording written to {@code wav}, the model folder and the corpus it was trained on. */
    public record Made(Path wav, Path modelDir, Corpus corpus) {
    }

    private TinyAudioModel() {
    }

    /** Writes {@code dir/song.wav}, trains, and saves {@code dir/model}. */
    public static Made make(Path dir, boolean storeRate) throws IOException, InterruptedException {
        SynthesisedAudio song = BirdSongSynthesiser.synthesise(4, 7);
        Path wav = dir.resolve("song.wav");
        WavWriter.write(wav, song.samples(), song.sampleRateHz(), WavWriter.Format.PCM16);
        Recording rec = new ArrayRecording(wav, song.sampleRateHz(), song.samples());
        Corpus corpus;
        try (SegmentationModel seg = new SegmentationModel(rec)) {
            CorpusBuilder b = new CorpusBuilder(FRAMES, Recording.MEAN_CHANNEL);
            b.add(wav.toString(), rec, seg.segments(SegmentationParams.DEFAULTS, null, null).segments());
            corpus = b.build("tiny");
        }
        RnnRbmConfig cfg = new RnnRbmConfig(corpus.dataset().nVisible(), 16, 8, 2, false, GateActivation.TANH)
                .withInitStd(0.01, 0.3);
        TrainingConfig tc = new TrainingConfig(8, 2, List.of(1e-2), false, 0, 0, 0, 2, 3, 5);
        Path modelDir = dir.resolve("model");
        try (RnnRbm model = new RnnRbm(cfg, 5); RmsProp opt = new RmsProp(model)) {
            Trainer t = new Trainer(model, opt, tc, corpus.dataset(), null, TrainingState.start(), null, null);
            t.run(() -> false);
            Map<String, Object> stft = storeRate ? corpus.frames().stftMap(RATE_HZ) : corpus.frames().stftMap();
            new CheckpointFolder(modelDir, "test", corpus.frames().scalingMap(), stft)
                    .save(new Checkpoint(model, opt, tc, t.state(), corpus.dataset().fingerprint(), "tiny"));
        }
        return new Made(wav, modelDir, corpus);
    }
}
