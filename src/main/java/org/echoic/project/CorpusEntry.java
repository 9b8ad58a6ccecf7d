package org.echoic.project;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.echoic.corpus.SegmentSource;
import org.echoic.dsp.SpectralFrames;

/**
 * A corpus definition of the project: which recordings, which of their segments, which channel, and how
 * segments become frames; the validation split and its seed. Kept in the project's {@code corpora} section
 * (format 1.1). Immutable.
 *
 * @param name               unique within the project
 * @param recordings         absolute paths of the recordings (stored relative to the project file)
 * @param source             which segments
 * @param channel            channel index, or -1 for the mean of all channels
 * @param frames             STFT, band and scaling
 * @param validationFraction share of the segments held out for validation, in [0, 1)
 * @param seed               seed of the split
 * @param joinGapMs          segments at most this far apart form one sequence (a bout); 0 = each on its own;
 *                           NaN = chosen from the data's gaps ({@code corpus.BoutGaps}), written as {@code "auto"}
 */
public record CorpusEntry(String name, List<Path> recordings, SegmentSource source, int channel,
                          SpectralFrames frames, double validationFraction, long seed, double joinGapMs) {

    /** The stored value of a join gap chosen from the data. */
    public static final String AUTO = "auto";

    /** An entry that keeps every segment on its own. */
    public CorpusEntry(String name, List<Path> recordings, SegmentSource source, int channel, SpectralFrames frames,
                       double validationFraction, long seed) {
        this(name, recordings, source, channel, frames, validationFraction, seed, 0);
    }

    public CorpusEntry {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a corpus needs a name");
        }
        recordings = recordings.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        if (source == null || frames == null) {
            throw new IllegalArgumentException(name + ": segment source and frame settings are required");
        }
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new IllegalArgumentException(name + ": validation fraction must be in [0, 1): "
                    + validationFraction);
        }
        if (!Double.isNaN(joinGapMs) && (!(joinGapMs >= 0) || Double.isInfinite(joinGapMs))) {
            throw new IllegalArgumentException(name + ": join gap must be ≥ 0 ms: " + joinGapMs);
        }
        if (channel < -1) {
            throw new IllegalArgumentException(name + ": channel must be -1 (mean) or an index: " + channel);
        }
    }

    /** The entry as plain JSON-like fields. */
    public OpaqueItem toItem() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("recordings", recordings.stream().map(Path::toString).toList());
        m.put("segments", source.id());
        m.put("channel", channel);
        m.put("stft", frames.stftMap());
        m.put("scaling", frames.scalingMap());
        m.put("validationFraction", validationFraction);
        m.put("seed", seed);
        m.put("joinGapMs", Double.isNaN(joinGapMs) ? AUTO : joinGapMs);
        return new OpaqueItem(m);
    }

    /** Reads {@link #toItem()}'s fields. @throws IllegalArgumentException naming the problem */
    public static CorpusEntry fromItem(OpaqueItem item) {
        Map<String, Object> f = item.fields();
        String name = Items.string(f, "name", null);
        try {
            List<Path> recs = Items.list(f, "recordings").stream()
                    .map(o -> Path.of(String.valueOf(o))).toList();
            return new CorpusEntry(name, recs, SegmentSource.parse(Items.string(f, "segments", "automatic")),
                    Items.number(f, "channel", -1).intValue(),
                    SpectralFrames.fromMaps(Items.map(f, "stft"), Items.map(f, "scaling")),
                    Items.number(f, "validationFraction", 0.1).doubleValue(), Items.number(f, "seed", 1).longValue(),
                    AUTO.equals(f.get("joinGapMs")) ? Double.NaN : Items.number(f, "joinGapMs", 0).doubleValue());
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new IllegalArgumentException("corpus '" + name + "': " + e.getMessage(), e);
        }
    }
}
