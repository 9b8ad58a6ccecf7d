package org.echoic.dsp;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How audio becomes model frames and back: the STFT settings (PSD mode), the kept band
 * {@code [minHz, maxHz]}, and the {@link FrameScaling} with its dB range. {@code referenceDb} is the level
 * that generated frames are undone to (the median of the training segments' maximum power in dB; NaN until a
 * corpus has been built). Frames are time-major {@code float[T][F]} with values in [0, 1]. Immutable;
 * thread-safe.
 *
 * @param stft        STFT settings; the mode is forced to PSD
 * @param minHz       lowest kept frequency (0 = from DC)
 * @param maxHz       highest kept frequency ({@code Double.POSITIVE_INFINITY} = up to Nyquist)
 * @param scaling     the scaling to [0, 1]
 * @param rangeDb     dB range kept below each segment's maximum ({@code log-db} only), &gt; 0
 * @param referenceDb level of the maximum of a generated segment, in dB of PSD; NaN if unknown
 * @param floorDb     {@code corpus-db} only: the corpus' noise floor of each kept bin in dB of PSD (value 0), set
 *                    by {@link CorpusLevels#estimate} when a corpus is built; null before (and for other scalings)
 */
public record SpectralFrames(StftParams stft, double minHz, double maxHz, FrameScaling scaling, double rangeDb,
                             double referenceDb, double[] floorDb) {

    /** The model's default: 256/128 Hann PSD, whole band, log-db over 80 dB. */
    public static final SpectralFrames DEFAULT = new SpectralFrames(StftParams.DEFAULT, 0,
            Double.POSITIVE_INFINITY, FrameScaling.LOG_DB, 80, Double.NaN);

    /** Power floor so that log10 stays finite. */
    private static final double TINY = 1e-30;

    /** Frame settings without corpus levels. */
    public SpectralFrames(StftParams stft, double minHz, double maxHz, FrameScaling scaling, double rangeDb,
                          double referenceDb) {
        this(stft, minHz, maxHz, scaling, rangeDb, referenceDb, null);
    }

    public SpectralFrames {
        floorDb = floorDb == null ? null : floorDb.clone();
        if (stft == null || scaling == null) {
            throw new IllegalArgumentException("STFT settings and scaling are required");
        }
        stft = stft.withMode(StftParams.Mode.PSD);
        if (!(minHz >= 0) || !(maxHz > minHz)) {
            throw new IllegalArgumentException("band must satisfy 0 <= minHz < maxHz: " + minHz + ", " + maxHz);
        }
        if (!(rangeDb > 0) || Double.isInfinite(rangeDb)) {
            throw new IllegalArgumentException("rangeDb must be positive and finite: " + rangeDb);
        }
    }

    @Override
    public double[] floorDb() {
        return floorDb == null ? null : floorDb.clone();
    }

    public SpectralFrames withReferenceDb(double db) {
        return new SpectralFrames(stft, minHz, maxHz, scaling, rangeDb, db, floorDb);
    }

    public SpectralFrames withBand(double lowHz, double highHz) {
        return new SpectralFrames(stft, lowHz, highHz, scaling, rangeDb, referenceDb);
    }

    public SpectralFrames withScaling(FrameScaling s, double range) {
        return new SpectralFrames(stft, minHz, maxHz, s, range, referenceDb);
    }

    public SpectralFrames withStft(StftParams p) {
        return new SpectralFrames(p, minHz, maxHz, scaling, rangeDb, referenceDb);
    }

    /**
     * These settings with corpus levels ({@code corpus-db}): each bin's noise floor and the dB range above it that
     * maps to [0, 1]; the reference level becomes the median floor plus the range.
     */
    public SpectralFrames withCorpusLevels(double[] floorsDb, double range) {
        double[] sorted = floorsDb.clone();
        java.util.Arrays.sort(sorted);
        return new SpectralFrames(stft, minHz, maxHz, FrameScaling.CORPUS_DB, range,
                sorted[sorted.length / 2] + range, floorsDb);
    }

    /** The same settings without corpus levels (what a project's corpus definition keeps). */
    public SpectralFrames withoutLevels() {
        return new SpectralFrames(stft, minHz, maxHz, scaling, rangeDb, Double.NaN, null);
    }

    /** True when frames need corpus levels that are not known yet ({@code corpus-db} before a corpus is built). */
    public boolean needsLevels() {
        return scaling == FrameScaling.CORPUS_DB && floorDb == null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SpectralFrames f && stft.equals(f.stft) && Double.compare(minHz, f.minHz) == 0
                && Double.compare(maxHz, f.maxHz) == 0 && scaling == f.scaling
                && Double.compare(rangeDb, f.rangeDb) == 0 && Double.compare(referenceDb, f.referenceDb) == 0
                && java.util.Arrays.equals(floorDb, f.floorDb);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(stft, minHz, maxHz, scaling, rangeDb, referenceDb)
                + 31 * java.util.Arrays.hashCode(floorDb);
    }

    /** First kept bin at this sample rate (the first bin whose frequency is ≥ minHz). */
    public int firstBin(double sampleRateHz) {
        return (int) Math.min(stft.bins() - 1, Math.ceil(minHz * stft.nfft() / sampleRateHz - 1e-9));
    }

    /** One past the last kept bin (bins whose frequency is ≤ maxHz). */
    public int endBin(double sampleRateHz) {
        double last = Math.floor(Math.min(maxHz, sampleRateHz / 2) * stft.nfft() / sampleRateHz + 1e-9);
        return (int) Math.max(firstBin(sampleRateHz) + 1, Math.min(stft.bins(), last + 1));
    }

    /** Frame width F at this sample rate. */
    public int nVisible(double sampleRateHz) {
        return endBin(sampleRateHz) - firstBin(sampleRateHz);
    }

    /** The largest power of the kept band of a PSD spectrogram, in dB (−300 for silence). */
    public double maxDb(Spectrogram psd) {
        checkPsd(psd);
        int lo = firstBin(psd.sampleRateHz());
        int hi = endBin(psd.sampleRateHz());
        double max = 0;
        for (int k = lo; k < hi; k++) {
            for (int t = 0; t < psd.frames(); t++) {
                max = Math.max(max, psd.get(k, t));
            }
        }
        return 10 * Math.log10(Math.max(max, TINY));
    }

    /** The kept band of a PSD spectrogram in dB, {@code [T][F]} (the input of {@link #scaleDb}). */
    public float[][] bandDb(Spectrogram psd) {
        checkPsd(psd);
        int lo = firstBin(psd.sampleRateHz());
        int f = endBin(psd.sampleRateHz()) - lo;
        float[][] out = new float[psd.frames()][f];
        for (int t = 0; t < out.length; t++) {
            for (int i = 0; i < f; i++) {
                out[t][i] = (float) (10 * Math.log10(Math.max(psd.get(lo + i, t), TINY)));
            }
        }
        return out;
    }

    /**
     * {@code corpus-db}: band levels in dB ({@link #bandDb}) as frames in [0, 1], (dB − floor of the bin) / range,
     * clamped; silence (at or below the floor) is 0.
     *
     * @throws IllegalStateException if the corpus levels are not known
     */
    public float[][] scaleDb(float[][] bandDb) {
        if (floorDb == null) {
            throw new IllegalStateException("corpus-db frames need the corpus levels (build the corpus first)");
        }
        float[][] out = new float[bandDb.length][];
        for (int t = 0; t < bandDb.length; t++) {
            if (bandDb[t].length != floorDb.length) {
                throw new IllegalArgumentException("frame of " + bandDb[t].length + " values, the corpus levels have "
                        + floorDb.length);
            }
            out[t] = new float[floorDb.length];
            for (int i = 0; i < floorDb.length; i++) {
                out[t][i] = (float) Math.min(1, Math.max(0, (bandDb[t][i] - floorDb[i]) / rangeDb));
            }
        }
        return out;
    }

    /**
     * A segment's PSD spectrogram as model frames {@code [T][F]} in [0, 1]: scaled per segment ({@code log-db},
     * {@code linear-max}) or with the corpus levels ({@code corpus-db}).
     */
    public float[][] scale(Spectrogram psd) {
        if (scaling == FrameScaling.CORPUS_DB) {
            return scaleDb(bandDb(psd));
        }
        checkPsd(psd);
        int lo = firstBin(psd.sampleRateHz());
        int f = endBin(psd.sampleRateHz()) - lo;
        int frames = psd.frames();
        double maxDb = maxDb(psd);
        double maxPower = Math.pow(10, maxDb / 10);
        float[][] out = new float[frames][f];
        for (int t = 0; t < frames; t++) {
            for (int i = 0; i < f; i++) {
                double p = Math.max(psd.get(lo + i, t), 0);
                double x;
                if (scaling == FrameScaling.LOG_DB) {
                    double db = 10 * Math.log10(Math.max(p, TINY));
                    x = (db - (maxDb - rangeDb)) / rangeDb;
                } else {
                    x = maxPower > TINY ? p / maxPower : 0;
                }
                out[t][i] = (float) Math.min(1, Math.max(0, x));
            }
        }
        return out;
    }

    /**
     * Undoes the scaling of frames (values clamped to [0, 1]) to a magnitude-mode spectrogram of all bins
     * (zero outside the band), level set by {@link #referenceDb()}: the input of Griffin-Lim. In
     * {@code log-db} a value of 0 (the floor) becomes silence; in {@code corpus-db} the power is the bin's floor
     * plus the value's dB above it, less the floor's power (spectral subtraction), so 0 is silence and small
     * values stay near it.
     *
     * @throws IllegalStateException if the reference level is unknown
     */
    public Spectrogram toMagnitude(float[][] frames, double sampleRateHz) {
        if (Double.isNaN(referenceDb) || needsLevels()) {
            throw new IllegalStateException("no reference level: the model's corpus level is unknown");
        }
        int lo = firstBin(sampleRateHz);
        int f = endBin(sampleRateHz) - lo;
        if (floorDb != null && floorDb.length != f) {
            throw new IllegalArgumentException("the corpus levels have " + floorDb.length + " bins, the frames " + f);
        }
        int bins = stft.bins();
        int t = frames.length;
        StftParams mag = stft.withMode(StftParams.Mode.MAGNITUDE);
        float[] values = new float[bins * t];
        double refPower = Math.pow(10, referenceDb / 10);
        for (int j = 0; j < t; j++) {
            if (frames[j].length != f) {
                throw new IllegalArgumentException("frame " + j + " has " + frames[j].length + " values, expected "
                        + f + " at " + sampleRateHz + " Hz");
            }
            for (int i = 0; i < f; i++) {
                double x = Math.min(1, Math.max(0, frames[j][i]));
                double p;
                if (scaling == FrameScaling.CORPUS_DB) {
                    p = x <= 0 ? 0 : Math.pow(10, (floorDb[i] + x * rangeDb) / 10) - Math.pow(10, floorDb[i] / 10);
                } else if (scaling == FrameScaling.LOG_DB) {
                    p = x <= 0 ? 0 : Math.pow(10, (referenceDb - rangeDb + x * rangeDb) / 10);
                } else {
                    p = x * refPower;
                }
                int k = lo + i;
                values[k * t + j] = (float) Math.sqrt(p / oneSidedFactor(k));
            }
        }
        return new Spectrogram(mag, sampleRateHz, 0, bins, t, values, null);
    }

    /** scipy doubles the one-sided PSD of every bin but DC and (for even nfft) Nyquist. */
    private double oneSidedFactor(int bin) {
        boolean nyquist = stft.nfft() % 2 == 0 && bin == stft.nfft() / 2;
        return bin == 0 || nyquist ? 1 : 2;
    }

    private void checkPsd(Spectrogram s) {
        if (s.params().mode() != StftParams.Mode.PSD || s.params().nfft() != stft.nfft()) {
            throw new IllegalArgumentException("expected a PSD spectrogram with nfft " + stft.nfft());
        }
    }

    /** The {@code stft} section of {@code model.json}. */
    public Map<String, Object> stftMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nperseg", stft.nperseg());
        m.put("noverlap", stft.noverlap());
        m.put("nfft", stft.nfft());
        m.put("window", stft.window().label());
        m.put("detrend", stft.detrend().name().toLowerCase(java.util.Locale.ROOT));
        m.put("scaling", stft.scaling().name().toLowerCase(java.util.Locale.ROOT));
        m.put("minHz", minHz);
        m.put("maxHz", Double.isInfinite(maxHz) ? null : maxHz);
        return m;
    }

    /** The {@code stft} section of {@code model.json} for audio at {@code sampleRateHz}. */
    public Map<String, Object> stftMap(double sampleRateHz) {
        Map<String, Object> m = stftMap();
        m.put("sampleRateHz", sampleRateHz);
        return m;
    }

    /** The sample rate stored in an {@code stft} section, or {@code fallback} if it holds none. */
    public static double sampleRateHz(Map<String, Object> stftMap, double fallback) {
        Object v = stftMap == null ? null : stftMap.get("sampleRateHz");
        return v instanceof Number n ? n.doubleValue() : fallback;
    }

    /** The {@code scaling} section of {@code model.json}. */
    public Map<String, Object> scalingMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", scaling.id());
        m.put("rangeDb", rangeDb);
        m.put("referenceDb", Double.isNaN(referenceDb) ? null : referenceDb);
        if (floorDb != null) {
            m.put("floorDb", java.util.Arrays.stream(floorDb).boxed().toList());
        }
        return m;
    }

    /**
     * Reads the two sections written by {@link #stftMap()} and {@link #scalingMap()}; missing keys take
     * the defaults.
     *
     * @throws IllegalArgumentException on a value that is not understood
     */
    public static SpectralFrames fromMaps(Map<String, Object> stftMap, Map<String, Object> scalingMap) {
        Map<String, Object> s = stftMap == null ? Map.of() : stftMap;
        Map<String, Object> c = scalingMap == null ? Map.of() : scalingMap;
        StftParams d = StftParams.DEFAULT;
        int nperseg = num(s, "nperseg", d.nperseg()).intValue();
        StftParams p = new StftParams(nperseg, num(s, "noverlap", d.noverlap()).intValue(),
                num(s, "nfft", nperseg).intValue(),
                s.containsKey("window") ? WindowFunction.parse(String.valueOf(s.get("window"))) : d.window(),
                s.containsKey("detrend") ? StftParams.Detrend.valueOf(up(s.get("detrend"))) : d.detrend(),
                s.containsKey("scaling") ? StftParams.Scaling.valueOf(up(s.get("scaling"))) : d.scaling(),
                StftParams.Mode.PSD);
        Object max = s.get("maxHz");
        Object ref = c.get("referenceDb");
        return new SpectralFrames(p, num(s, "minHz", 0).doubleValue(),
                max == null ? Double.POSITIVE_INFINITY : ((Number) max).doubleValue(),
                c.containsKey("kind") ? FrameScaling.parse(String.valueOf(c.get("kind"))) : FrameScaling.LOG_DB,
                num(c, "rangeDb", 80).doubleValue(), ref == null ? Double.NaN : ((Number) ref).doubleValue(),
                floors(c.get("floorDb")));
    }

    private static double[] floors(Object v) {
        if (v == null) {
            return null;
        }
        if (!(v instanceof java.util.List<?> list) || list.isEmpty()
                || !list.stream().allMatch(o -> o instanceof Number n && Double.isFinite(n.doubleValue()))) {
            throw new IllegalArgumentException("floorDb must be a non-empty list of numbers (dB)");
        }
        return list.stream().mapToDouble(o -> ((Number) o).doubleValue()).toArray();
    }

    private static Number num(Map<String, Object> m, String key, Number dflt) {
        Object v = m.get(key);
        if (v == null) {
            return dflt;
        }
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException(key + " must be a number: " + v);
        }
        return n;
    }

    private static String up(Object o) {
        return String.valueOf(o).toUpperCase(java.util.Locale.ROOT);
    }
}
