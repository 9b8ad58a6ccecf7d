package org.echoic.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.echoic.train.SequenceDataset;

/**
 * Reads polyphonic music data sets in the form researchers hold them (Boulanger-Lewandowski et al. 2012: JSB
 * chorales, Nottingham, MuseData, Piano-midi.de): a dictionary of splits {@code train}, {@code valid} and
 * {@code test}, each a list of sequences, each a list of time steps, each a list of the MIDI pitches sounding
 * (21..108). Read from JSON or from the original Python pickle (protocols 0–4 holding only dictionaries, lists,
 * tuples, integers and strings; see {@link PickleReader}). A split becomes a data set of 88 binary values per
 * frame, value {@code p − 21} for pitch p. Errors name the file, the split, the sequence and the time step.
 * Stateless; thread-safe.
 */
public final class PianoRollFiles {
    /** Lowest MIDI pitch of the piano roll (A0). */
    public static final int LOWEST_PITCH = 21;
    /** Highest MIDI pitch of the piano roll (C8). */
    public static final int HIGHEST_PITCH = 108;
    /** Values per frame: the 88 piano keys. */
    public static final int KEYS = HIGHEST_PITCH - LOWEST_PITCH + 1;
    /** The split trained on when none is named. */
    public static final String TRAIN = "train";
    /** The split validated on during training. */
    public static final String VALID = "valid";
    /** The split evaluated on when none is named. */
    public static final String TEST = "test";
    private static final long FRAME_BYTES = 24 + 4L * KEYS;

    private PianoRollFiles() {
    }

    /**
     * True when {@code file} looks like a split file: a pickle (first byte 0x80 or a protocol-0 dictionary) or a JSON
     * object whose first field is a split name rather than Echoic's {@code nVisible}/{@code sequences}.
     */
    public static boolean isSplitFile(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            int first = in.read();
            if (first == 0x80 || first == '(' || first == '}') {
                return true;
            }
        }
        try (InputStream in = Files.newInputStream(file);
             JsonParser p = Json.mapper().getFactory().createParser(new BufferedInputStream(in, 1 << 16))) {
            if (p.nextToken() != JsonToken.START_OBJECT || p.nextToken() != JsonToken.FIELD_NAME) {
                return false;
            }
            String f = p.currentName();
            return TRAIN.equals(f) || VALID.equals(f) || TEST.equals(f);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return false;
        }
    }

    /**
     * The split {@code split} of {@code file} as 88-key binary frames.
     *
     * @throws InvalidFileException naming the file, the split and the problem
     */
    public static SequenceDataset read(Path file, String split) throws IOException {
        ReadLimits.requireRegularFile(file, Long.MAX_VALUE, "a piano-roll data set");
        ReadLimits.Budget budget = ReadLimits.budget(file);
        List<List<int[]>> seqs = isPickle(file) ? fromPickle(file, split) : fromJson(file, split, budget);
        if (seqs == null) {
            throw new InvalidFileException(file, split, "no such split (the file's splits are " + splits(file) + ")");
        }
        if (seqs.isEmpty()) {
            throw new InvalidFileException(file, split, "holds no sequences");
        }
        long frames = 0;
        for (List<int[]> s : seqs) {
            frames += s.size();
        }
        budget.reserve(ReadLimits.Budget.product(frames, FRAME_BYTES), split);
        List<float[][]> out = new ArrayList<>(seqs.size());
        for (int s = 0; s < seqs.size(); s++) {
            List<int[]> seq = seqs.get(s);
            if (seq.isEmpty()) {
                throw new InvalidFileException(file, split + "[" + s + "]", "is an empty sequence");
            }
            float[][] f = new float[seq.size()][KEYS];
            for (int t = 0; t < f.length; t++) {
                for (int pitch : seq.get(t)) {
                    if (pitch < LOWEST_PITCH || pitch > HIGHEST_PITCH) {
                        throw new InvalidFileException(file, split + "[" + s + "][" + t + "]", "holds pitch " + pitch
                                + ", outside the piano's MIDI range " + LOWEST_PITCH + ".." + HIGHEST_PITCH);
                    }
                    f[t][pitch - LOWEST_PITCH] = 1f;
                }
            }
            out.add(f);
        }
        return new SequenceDataset(KEYS, out, file + " (" + split + ")");
    }

    private static boolean isPickle(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            int first = in.read();
            return first == 0x80 || first == '(' || first == '}';
        }
    }

    private static String splits(Path file) throws IOException {
        if (isPickle(file)) {
            return String.join(", ", asSplits(file, PickleReader.read(file)).keySet());
        }
        List<String> names = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file);
             JsonParser p = Json.mapper().getFactory().createParser(new BufferedInputStream(in, 1 << 16))) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                names.add(p.currentName());
                p.nextToken();
                p.skipChildren();
            }
        }
        return String.join(", ", names);
    }

    private static List<List<int[]>> fromPickle(Path file, String split) throws IOException {
        Object v = asSplits(file, PickleReader.read(file)).get(split);
        if (v == null) {
            return null;
        }
        List<List<int[]>> out = new ArrayList<>();
        List<?> seqs = list(file, split, v);
        for (int s = 0; s < seqs.size(); s++) {
            List<int[]> seq = new ArrayList<>();
            List<?> steps = list(file, split + "[" + s + "]", seqs.get(s));
            for (int t = 0; t < steps.size(); t++) {
                String where = split + "[" + s + "][" + t + "]";
                List<?> pitches = list(file, where, steps.get(t));
                int[] ps = new int[pitches.size()];
                for (int i = 0; i < ps.length; i++) {
                    if (!(pitches.get(i) instanceof Long n) || n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
                        throw new InvalidFileException(file, where, "holds " + pitches.get(i)
                                + " where a MIDI pitch (a whole number) belongs");
                    }
                    ps[i] = (int) (long) n;
                }
                seq.add(ps);
            }
            out.add(seq);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asSplits(Path file, Object root) throws InvalidFileException {
        if (!(root instanceof Map<?, ?> m)) {
            throw new InvalidFileException(file, null, "the pickle holds no dictionary of splits (train, valid, test)");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            out.put(String.valueOf(e.getKey()), e.getValue());
        }
        return out;
    }

    private static List<?> list(Path file, String where, Object v) throws InvalidFileException {
        if (v instanceof List<?> l) {
            return l;
        }
        throw new InvalidFileException(file, where, "must be a list, found " + (v == null ? "None"
                : v.getClass().getSimpleName()));
    }

    private static List<List<int[]>> fromJson(Path file, String split, ReadLimits.Budget budget) throws IOException {
        List<List<int[]>> found = null;
        try (InputStream in = Files.newInputStream(file);
             JsonParser p = Json.mapper().getFactory().createParser(new BufferedInputStream(in, 1 << 16))) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new InvalidFileException(file, null, "the top level must be an object of splits "
                        + "(train, valid, test)");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (!name.equals(split)) {
                    p.skipChildren();
                    continue;
                }
                found = jsonSequences(file, split, p, budget);
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw JsonErrors.describe(file, e);
        }
        return found;
    }

    private static List<List<int[]>> jsonSequences(Path file, String split, JsonParser p, ReadLimits.Budget budget)
            throws IOException {
        expect(file, split, p.currentToken(), "must be a list of sequences");
        List<List<int[]>> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            String ws = split + "[" + out.size() + "]";
            expect(file, ws, p.currentToken(), "must be a list of time steps");
            List<int[]> seq = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                String wt = ws + "[" + seq.size() + "]";
                expect(file, wt, p.currentToken(), "must be a list of MIDI pitches");
                budget.reserve(FRAME_BYTES, split);
                int[] buf = new int[8];
                int n = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
                        throw new InvalidFileException(file, wt, "holds '" + p.getText()
                                + "' where a MIDI pitch (a whole number) belongs");
                    }
                    if (n == KEYS) {
                        throw new InvalidFileException(file, wt, "lists more than " + KEYS + " pitches");
                    }
                    if (n == buf.length) {
                        buf = java.util.Arrays.copyOf(buf, KEYS);
                    }
                    buf[n++] = p.getIntValue();
                }
                seq.add(java.util.Arrays.copyOf(buf, n));
            }
            out.add(seq);
        }
        return out;
    }

    private static void expect(Path file, String where, JsonToken got, String what) throws InvalidFileException {
        if (got != JsonToken.START_ARRAY) {
            throw new InvalidFileException(file, where, what);
        }
    }
}
