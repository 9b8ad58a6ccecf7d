package org.echoic.train;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Sequences of frames (float[F] values in [0,1]) to train on, with a description of where they came from
 * (a JSON file, audio segments, …). Validated on construction; immutable (do not modify the arrays);
 * thread-safe.
 */
public final class SequenceDataset {
    private final int nVisible;
    private final List<float[][]> sequences;
    private final String origin;
    private final boolean binary;
    private final long totalFrames;

    /**
     * @param origin where the data came from, used in messages (e.g. the file name)
     * @throws IllegalArgumentException naming {@code origin}, the sequence and the frame of the first problem
     */
    public SequenceDataset(int nVisible, List<float[][]> sequences, String origin) {
        if (nVisible < 1) {
            throw new IllegalArgumentException(origin + ": nVisible must be positive, got " + nVisible);
        }
        if (sequences.isEmpty()) {
            throw new IllegalArgumentException(origin + ": no sequences");
        }
        boolean allBinary = true;
        long frames = 0;
        for (int s = 0; s < sequences.size(); s++) {
            float[][] seq = sequences.get(s);
            if (seq == null || seq.length == 0) {
                throw new IllegalArgumentException(origin + ": sequence " + s + " is empty");
            }
            for (int t = 0; t < seq.length; t++) {
                float[] f = seq[t];
                if (f == null || f.length != nVisible) {
                    throw new IllegalArgumentException(origin + ": sequence " + s + " frame " + t + " has "
                            + (f == null ? 0 : f.length) + " values, expected nVisible = " + nVisible);
                }
                for (int i = 0; i < nVisible; i++) {
                    float x = f[i];
                    if (!(x >= 0f && x <= 1f)) {
                        throw new IllegalArgumentException(origin + ": sequence " + s + " frame " + t + " value "
                                + i + " is " + x + ", outside [0,1]");
                    }
                    allBinary &= x == 0f || x == 1f;
                }
            }
            frames += seq.length;
        }
        this.nVisible = nVisible;
        this.sequences = Collections.unmodifiableList(new ArrayList<>(sequences));
        this.origin = origin;
        this.binary = allBinary;
        this.totalFrames = frames;
    }

    public int nVisible() {
        return nVisible;
    }

    /** The sequences (unmodifiable list; do not modify the arrays). */
    public List<float[][]> sequences() {
        return sequences;
    }

    /** Where the data came from. */
    public String origin() {
        return origin;
    }

    /** True when every value is exactly 0 or 1 (then frame accuracy is reported). */
    public boolean isBinary() {
        return binary;
    }

    public long totalFrames() {
        return totalFrames;
    }

    public int size() {
        return sequences.size();
    }

    /** SHA-256 (hex) of nVisible, the sequence lengths and every value's bits: the data fingerprint. */
    public String fingerprint() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            ByteBuffer buf = ByteBuffer.allocate(8 + 4 * nVisible);
            md.update(("echoic-sequences-v1:" + nVisible + ":" + sequences.size()).getBytes(StandardCharsets.UTF_8));
            for (float[][] seq : sequences) {
                buf.clear();
                buf.putInt(seq.length);
                md.update(buf.array(), 0, 4);
                for (float[] f : seq) {
                    buf.clear();
                    for (float x : f) {
                        buf.putFloat(x);
                    }
                    md.update(buf.array(), 0, 4 * nVisible);
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** A seeded random split: about {@code fraction} of the sequences (at least one) for validation. */
    public Split split(double fraction, long seed) {
        if (!(fraction > 0 && fraction < 1) || sequences.size() < 2) {
            throw new IllegalArgumentException(origin + ": cannot split " + sequences.size()
                    + " sequences with validation fraction " + fraction);
        }
        int[] order = Shuffle.permutation(sequences.size(), new SplittableRandom(seed));
        int nVal = (int) Math.max(1, Math.min(sequences.size() - 1, Math.round(fraction * sequences.size())));
        List<float[][]> val = new ArrayList<>();
        List<float[][]> tr = new ArrayList<>();
        for (int i = 0; i < order.length; i++) {
            (i < nVal ? val : tr).add(sequences.get(order[i]));
        }
        return new Split(new SequenceDataset(nVisible, tr, origin + " (training part)"),
                new SequenceDataset(nVisible, val, origin + " (validation part)"));
    }

    /** A training part and a validation part. */
    public record Split(SequenceDataset training, SequenceDataset validation) {
    }
}
