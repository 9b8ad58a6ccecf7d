package org.echoic.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.echoic.train.SequenceDataset;

/**
 * Reads generic sequence data sets from JSON: {@code {"nVisible": F, "sequences": [[[i, j, …], …], …]}} where
 * each frame lists its active indices (value 1), or {@code {"nVisible": F, "dense": true, "sequences":
 * [[[x1, …, xF], …], …]}} with values in [0,1]. Streams the file (no tree in memory); what it keeps is reserved in a
 * {@link ReadLimits.Budget} before it is allocated, so a file declaring a huge {@code nVisible} or holding millions
 * of empty frames is refused in words instead of running out of memory. Errors name the file, the field, the
 * sequence and the frame. Stateless; thread-safe.
 */
public final class SequenceDatasetReader {
    /** Most values per frame accepted (a spectrogram of a 131072-point FFT has 65537 bins: crop or pool it). */
    public static final int MAX_VISIBLE = 1 << 16;
    /** Bytes a frame costs beyond its values (array header and reference), for the budget. */
    private static final long FRAME_BYTES = 24;

    private SequenceDatasetReader() {
    }

    /** Reads and validates {@code file}. */
    public static SequenceDataset read(Path file) throws IOException {
        String name = file.toString();
        if (!Files.exists(file)) {
            throw new IOException(name + ": no such data file");
        }
        ReadLimits.requireRegularFile(file, Long.MAX_VALUE, "a sequence data set");
        ReadLimits.Budget budget = ReadLimits.budget(file);
        Integer nVisible = null;
        Boolean dense = null;
        List<List<double[]>> raw = null;
        try (InputStream in = Files.newInputStream(file);
             JsonParser p = Json.mapper().getFactory().createParser(new java.io.BufferedInputStream(in, 1 << 16))) {
            expect(p.nextToken(), JsonToken.START_OBJECT, name, "the top level must be an object");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken tok = p.nextToken();
                switch (field) {
                    case "nVisible" -> {
                        if (tok != JsonToken.VALUE_NUMBER_INT || p.getLongValue() < 1
                                || p.getLongValue() > MAX_VISIBLE) {
                            throw new InvalidFileException(file, "nVisible", "must be a whole number from 1 to "
                                    + MAX_VISIBLE + ", found " + p.getText());
                        }
                        nVisible = p.getIntValue();
                    }
                    case "dense" -> {
                        if (!tok.isBoolean()) {
                            throw new IOException(name + ": dense must be true or false");
                        }
                        dense = p.getBooleanValue();
                    }
                    case "sequences" -> raw = readSequences(p, name, budget);
                    default -> p.skipChildren();
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw JsonErrors.describe(file, e);
        }
        if (nVisible == null) {
            throw new IOException(name + ": missing nVisible");
        }
        if (raw == null) {
            throw new IOException(name + ": missing sequences");
        }
        boolean isDense = dense != null && dense;
        long frameCount = 0;
        for (List<double[]> seq : raw) {
            frameCount += seq.size();
        }
        budget.reserve(ReadLimits.Budget.product(frameCount, FRAME_BYTES + 4L * nVisible), "nVisible");
        List<float[][]> seqs = new ArrayList<>(raw.size());
        for (int s = 0; s < raw.size(); s++) {
            List<double[]> seq = raw.get(s);
            if (seq.isEmpty()) {
                throw new IOException(name + ": sequence " + s + " is empty");
            }
            float[][] frames = new float[seq.size()][];
            for (int t = 0; t < frames.length; t++) {
                frames[t] = isDense ? dense(seq.get(t), nVisible, name, s, t) : sparse(seq.get(t), nVisible, name, s, t);
            }
            seqs.add(frames);
        }
        try {
            return new SequenceDataset(nVisible, seqs, name);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static float[] dense(double[] v, int f, String name, int s, int t) throws IOException {
        if (v.length != f) {
            throw new IOException(name + ": sequence " + s + " frame " + t + " has " + v.length
                    + " values, expected nVisible = " + f + " (ragged frames)");
        }
        float[] out = new float[f];
        for (int i = 0; i < f; i++) {
            if (!(v[i] >= 0 && v[i] <= 1)) {
                throw new IOException(name + ": sequence " + s + " frame " + t + " value " + i + " is " + v[i]
                        + ", outside [0,1]");
            }
            out[i] = (float) v[i];
        }
        return out;
    }

    private static float[] sparse(double[] idx, int f, String name, int s, int t) throws IOException {
        float[] out = new float[f];
        for (double d : idx) {
            if (d != Math.rint(d) || d < 0 || d >= f) {
                throw new IOException(name + ": sequence " + s + " frame " + t + " lists index " + d
                        + ", out of range 0.." + (f - 1) + " (active indices must be integers below nVisible)");
            }
            out[(int) d] = 1f;
        }
        return out;
    }

    private static List<List<double[]>> readSequences(JsonParser p, String name, ReadLimits.Budget budget)
            throws IOException {
        expect(p.currentToken(), JsonToken.START_ARRAY, name, "sequences must be an array of sequences");
        List<List<double[]>> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            int s = out.size();
            expect(p.currentToken(), JsonToken.START_ARRAY, name, "sequence " + s + " must be an array of frames");
            List<double[]> seq = new ArrayList<>();
            budget.reserve(FRAME_BYTES * 2, "sequences");
            while (p.nextToken() != JsonToken.END_ARRAY) {
                expect(p.currentToken(), JsonToken.START_ARRAY, name,
                        "sequence " + s + " frame " + seq.size() + " must be an array of numbers");
                budget.reserve(FRAME_BYTES + 8 * 16, "sequences");
                double[] buf = new double[16];
                int n = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    if (!p.currentToken().isNumeric()) {
                        throw new IOException(name + ": sequence " + s + " frame " + seq.size()
                                + " contains a non-number: " + p.getText());
                    }
                    if (n == buf.length) {
                        budget.reserve(16L * n, "sequences");
                        buf = java.util.Arrays.copyOf(buf, n * 2);
                    }
                    buf[n++] = p.getDoubleValue();
                }
                seq.add(java.util.Arrays.copyOf(buf, n));
            }
            out.add(seq);
        }
        return out;
    }

    private static void expect(JsonToken got, JsonToken want, String name, String what) throws IOException {
        if (got != want) {
            throw new IOException(name + ": " + what);
        }
    }
}
