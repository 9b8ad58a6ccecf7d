package org.echoic.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;

import org.echoic.audio.ArrayRecording;
import org.echoic.audio.Recording;
import org.echoic.corpus.Corpus;
import org.echoic.corpus.CorpusBuilder;
import org.echoic.corpus.CorpusSegment;
import org.echoic.generate.GeneratedSequence;
import org.echoic.generate.GenerationProvenance;
import org.echoic.generate.Generator;
import org.echoic.generate.ModelSound;
import org.echoic.generate.Realism;
import org.echoic.generate.Resynthesis;
import org.echoic.io.CheckpointFolder;
import org.echoic.io.GenerationSidecar;
import org.echoic.rnnrbm.RnnRbm;
import org.echoic.segment.Segment;
import org.echoic.segment.SegmentationModel;
import org.echoic.segment.SegmentationParams;

/**
 * The steps of generating a batch, shared by {@link GenerationService} (which puts each step on its thread)
 * and the CLI (which runs them in turn): frames from the model (model thread), then sound and the segments
 * found in it (any thread); real segments of a recording as model frames, primers cut from them, and the
 * realism figures. Stateless; each method is safe on the thread its Javadoc names.
 */
public final class GenerationPipeline {
    /** Real segments whose frames are compared (and whose free energies are computed) at most. */
    public static final int MAX_REAL_SEQUENCES = 500;
    /** Seed of the sample of real segments when a set has more than {@link #MAX_REAL_SEQUENCES}. */
    public static final long REAL_SAMPLE_SEED = 1;
    /** Key of model.json's {@code scaling} section holding the bout join gap of the training corpus, in ms. */
    public static final String JOIN_GAP_KEY = "boutJoinGapMs";

    private GenerationPipeline() {
    }

    /**
     * What generation needs to know about a loaded checkpoint (no ND4J arrays). Immutable.
     *
     * @param dir             the checkpoint folder
     * @param nVisible        frame width
     * @param epoch           epochs trained
     * @param fingerprint     SHA-256 of the weights file (model.json's {@code paramsSha256}, or hashed for older
     *                        checkpoints)
     * @param dataFingerprint fingerprint of the training data
     * @param sound           frame settings and audio rate
     * @param appVersion      the running application's version (for provenance)
     * @param joinGapSeconds  the bout join gap of the training corpus (0: single segments), used for real corpora
     */
    public record ModelInfo(Path dir, int nVisible, int epoch, String fingerprint, String dataFingerprint,
                            ModelSound sound, String appVersion, double joinGapSeconds) {
    }

    /** The {@code scaling} section of model.json for a model trained on {@code corpus}: its frame scaling and join gap. */
    public static java.util.Map<String, Object> scalingSection(Corpus corpus) {
        java.util.Map<String, Object> m = corpus.frames().scalingMap();
        m.put(JOIN_GAP_KEY, 1000 * corpus.joinGapSeconds());
        return m;
    }

    /** The bout join gap (s) stored in a model.json {@code scaling} section, 0 when it holds none. */
    public static double joinGapSeconds(java.util.Map<String, Object> scaling) {
        Object v = scaling == null ? null : scaling.get(JOIN_GAP_KEY);
        return v instanceof Number n && n.doubleValue() > 0 && Double.isFinite(n.doubleValue())
                ? n.doubleValue() / 1000 : 0;
    }

    /** Describes a loaded checkpoint; {@code rateHz} is used when model.json stores no rate (NaN: 44.1 kHz). */
    public static ModelInfo describe(CheckpointFolder.Loaded l, double rateHz, String appVersion)
            throws IOException {
        int nv = l.model().config().nVisible();
        ModelSound sound;
        try {
            sound = ModelSound.of(l.stft(), l.scaling(), nv, rateHz);
        } catch (IllegalArgumentException e) {
            throw new IOException(l.dir() + ": " + e.getMessage(), e);
        }
        String weights = l.paramsSha256() != null && !l.paramsSha256().isEmpty() ? l.paramsSha256()
                : GenerationSidecar.modelFingerprint(l.dir());
        return new ModelInfo(l.dir(), nv, l.state().nextEpoch(), weights, l.dataFingerprint(), sound, appVersion,
                joinGapSeconds(l.scaling()));
    }

    /** Generates the frames of a batch. Model thread only. */
    public static List<GeneratedSequence> frames(RnnRbm model, GenerationRequest req, Generator.Progress progress)
            throws InterruptedException {
        float[][] primer = req.primer() == null ? null : req.primer().frames();
        if (primer != null && primer[0].length != model.config().nVisible()) {
            throw new IllegalArgumentException(req.primer().source() + ": priming frames have " + primer[0].length
                    + " values, the model expects " + model.config().nVisible());
        }
        return Generator.generateBatch(model, req.params(), req.count(), primer, progress);
    }

    /**
     * Resynthesises each sequence (when the model has audio) and segments the sound with {@code seg}. Any
     * thread; honours interruption.
     *
     * @param progress fraction of the batch done (may be null)
     */
    public static List<GeneratedItem> finish(List<GeneratedSequence> sequences, ModelInfo info,
                                             GenerationRequest req, SegmentationParams seg,
                                             DoubleConsumer progress) throws InterruptedException, IOException {
        List<GeneratedItem> out = new ArrayList<>();
        ModelSound sound = info.sound();
        int n = sequences.size();
        for (int i = 0; i < n; i++) {
            GeneratedSequence s = sequences.get(i);
            int done = i;
            Resynthesis.Audio audio = null;
            List<Segment> found = List.of();
            if (sound.hasAudio()) {
                audio = Resynthesis.toAudio(s.frames(), sound, req.griffinLimIterations(), s.seed(),
                        progress == null ? null : f -> progress.accept((done + f) / n));
                found = segmentsOf(audio, seg);
            }
            out.add(new GeneratedItem(s, audio, found, provenance(info, req, s)));
            if (progress != null) {
                progress.accept((i + 1.0) / n);
            }
        }
        return out;
    }

    /** The provenance of one sequence of a batch. */
    public static GenerationProvenance provenance(ModelInfo info, GenerationRequest req, GeneratedSequence s) {
        GenerationRequest.Primer p = req.primer();
        return new GenerationProvenance(info.dir().toString(), info.fingerprint(), info.epoch(),
                info.dataFingerprint(), req.params(), req.count(), s.index(), s.seed(),
                p == null ? null : p.source(), p == null ? -1 : p.segment(), s.primedFrames(),
                info.sound().hasAudio() ? info.sound().sampleRateHz() : Double.NaN,
                info.sound().hasAudio() ? req.griffinLimIterations() : 0, info.appVersion(),
                p == null ? -1 : p.startFrame(), p == null ? -1 : p.endFrame(), p == null ? -1 : p.channel());
    }

    /** The segments the segmenter finds in a sound. */
    public static List<Segment> segmentsOf(Resynthesis.Audio audio, SegmentationParams seg)
            throws InterruptedException, IOException {
        try (SegmentationModel m = new SegmentationModel(new ArrayRecording(null, audio.sampleRateHz(),
                audio.samples()))) {
            return m.segments(seg.withChannel(-1), null, null).segments();
        }
    }

    /**
     * Refuses a recording whose frames would not be the model's: another number of values, or (when the model knows
     * the rate of its sound) another sample rate, at which the same bins are other frequencies.
     */
    static void requireFits(Recording rec, String id, ModelInfo info) {
        double modelRate = info.sound().hasAudio() ? info.sound().sampleRateHz() : Double.NaN;
        if (Double.isFinite(modelRate) && Math.abs(rec.sampleRateHz() - modelRate) > 1e-3 * modelRate) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "%s is recorded at %s kHz, the "
                    + "model learned frames of %s kHz sound: the same bins would be other frequencies, so the "
                    + "comparison would mean nothing (compare with a recording at %s kHz or with the training corpus)",
                    id, khz(rec.sampleRateHz()), khz(modelRate), khz(modelRate)));
        }
        if (info.sound().frames().nVisible(rec.sampleRateHz()) != info.nVisible()) {
            throw new IllegalArgumentException(id + ": at " + rec.sampleRateHz() + " Hz its frames would have "
                    + info.sound().frames().nVisible(rec.sampleRateHz()) + " values, the model has "
                    + info.nVisible());
        }
    }

    private static String khz(double hz) {
        return new java.math.BigDecimal(hz / 1000).round(new java.math.MathContext(4)).stripTrailingZeros()
                .toPlainString();
    }

    /**
     * Segments a recording and turns its segments into model frames with the model's settings. Any thread.
     *
     * @throws IllegalArgumentException if the recording's frames would not fit the model (or its rate differs)
     */
    public static Corpus realCorpus(Recording rec, String id, ModelInfo info, SegmentationParams seg)
            throws InterruptedException, IOException {
        requireFits(rec, id, info);
        List<Segment> segments;
        try (SegmentationModel m = new SegmentationModel(rec)) {
            segments = m.segments(seg, null, null).segments();
        }
        return realCorpus(rec, id, info, segments, seg.channel());
    }

    /**
     * Turns given segments of a recording (e.g. the workbench's tuned and edited ones) into model frames, joined
     * into bouts as the model's corpus was ({@link ModelInfo#joinGapSeconds()}). Any thread.
     *
     * @param channel the channel analysed, or {@link Recording#MEAN_CHANNEL}
     * @throws IllegalArgumentException if the frames would not fit the model or no segment is long enough
     */
    public static Corpus realCorpus(Recording rec, String id, ModelInfo info, List<Segment> segments, int channel)
            throws InterruptedException, IOException {
        requireFits(rec, id, info);
        CorpusBuilder b = new CorpusBuilder(info.sound().frames(), channel).joiningGaps(info.joinGapSeconds());
        b.add(id, rec, segments);
        if (b.size() == 0) {
            throw new IllegalArgumentException(id + ": the segmenter found " + segments.size()
                    + " segments, none at least one STFT frame long");
        }
        return b.build(id);
    }

    /**
     * The first {@code frames} frames (or all) of segment {@code segment} (its index in the segmenter's list, as
     * in the recording's selection table) as a primer; {@code channel} is the one the corpus was built from.
     *
     * @throws IllegalArgumentException if there is no such segment or it is shorter than one STFT frame
     */
    public static GenerationRequest.Primer primer(Corpus corpus, int segment, int frames, int channel) {
        List<CorpusSegment> segs = corpus.segments();
        for (int i = 0; i < segs.size(); i++) {
            if (segs.get(i).index() == segment) {
                float[][] s = corpus.dataset().sequences().get(i);
                int n = Math.max(1, Math.min(frames, s.length));
                float[][] out = new float[n][];
                for (int t = 0; t < n; t++) {
                    out[t] = s[t].clone();
                }
                CorpusSegment c = segs.get(i);
                return new GenerationRequest.Primer(c.recording(), segment, out, c.startFrame(), c.endFrame(), channel);
            }
        }
        String usable = segs.stream().limit(20).map(c -> String.valueOf(c.index()))
                .collect(java.util.stream.Collectors.joining(", "));
        throw new IllegalArgumentException(corpus.dataset().origin() + ": no segment " + segment
                + " at least one STFT frame long (usable segments: " + usable + (segs.size() > 20 ? ", …" : "")
                + ")");
    }

    /**
     * Why a corpus' frames cannot be compared with the model's (different width, STFT, band or scaling), or null
     * when they can. The reference level may differ.
     */
    public static String framesMismatch(Corpus corpus, ModelInfo info) {
        org.echoic.dsp.SpectralFrames c = corpus.frames();
        org.echoic.dsp.SpectralFrames m = info.sound().frames();
        if (corpus.dataset().nVisible() != info.nVisible()) {
            return "its frames have " + corpus.dataset().nVisible() + " values, the model has " + info.nVisible();
        }
        if (!c.stft().equals(m.stft()) || c.minHz() != m.minHz() || c.maxHz() != m.maxHz()
                || c.scaling() != m.scaling() || c.rangeDb() != m.rangeDb()) {
            return "its frame settings differ from the model's";
        }
        return null;
    }

    /**
     * Indices of the real sequences compared: all when at most {@link #MAX_REAL_SEQUENCES}, else a sample of
     * that many drawn with {@link #REAL_SAMPLE_SEED} (in corpus order).
     */
    public static int[] realSample(Corpus corpus) {
        int n = corpus.dataset().size();
        if (n <= MAX_REAL_SEQUENCES) {
            return java.util.stream.IntStream.range(0, n).toArray();
        }
        List<Integer> all = new ArrayList<>(java.util.stream.IntStream.range(0, n).boxed().toList());
        java.util.Collections.shuffle(all, new java.util.Random(REAL_SAMPLE_SEED));
        return all.subList(0, MAX_REAL_SEQUENCES).stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /** The real sequences compared (see {@link #realSample}). */
    public static List<float[][]> realSequences(Corpus corpus) {
        List<float[][]> s = corpus.dataset().sequences();
        return java.util.Arrays.stream(realSample(corpus)).mapToObj(s::get).toList();
    }

    /** The realism figures of a batch against a corpus (free energies may be empty). Any thread. */
    public static Realism realism(List<GeneratedItem> items, Corpus corpus, ModelInfo info, double[] generatedFree,
                                  double[] realFree) {
        List<float[][]> gen = items.stream().map(i -> generatedPart(i.sequence())).toList();
        double[] genDur = items.stream().flatMap(i -> i.segments().stream()
                .map(s -> s.lengthFrames() / i.audio().sampleRateHz())).mapToDouble(Double::doubleValue).toArray();
        double[] realDur = java.util.Arrays.stream(realSample(corpus))
                .mapToDouble(i -> corpus.segments().get(i).durationSeconds()).toArray();
        return Realism.of(gen, realSequences(corpus), info.sound().binHz(), genDur, realDur, generatedFree,
                realFree).withStructure(gen, realSequences(corpus), info.sound().hopSeconds());
    }

    /** The generated frames of a sequence, without its primer. */
    public static float[][] generatedPart(GeneratedSequence s) {
        return java.util.Arrays.copyOfRange(s.frames(), s.primedFrames(), s.frames().length);
    }
}
