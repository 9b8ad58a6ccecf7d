package org.echoic.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, safe reader of Python pickles that hold plain data only: dictionaries, lists, tuples (read as lists),
 * integers (as {@link Long}), floats, strings, booleans and None, in protocols 0 to 4 — what the
 * Boulanger-Lewandowski music data sets are. Anything that would construct an object (GLOBAL, REDUCE, BUILD,
 * NEWOBJ, …) is refused with the opcode and its offset: nothing is ever executed. Stateless; thread-safe.
 */
public final class PickleReader {
    private static final Object MARK = new Object();

    private PickleReader() {
    }

    /**
     * The value pickled in {@code file}.
     *
     * @throws InvalidFileException naming the file, the offset and the opcode it cannot read
     */
    public static Object read(Path file) throws IOException {
        long size = Files.size(file);
        ReadLimits.budget(file).reserve(ReadLimits.Budget.product(size, 8), "pickle");
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readAllBytes();
        }
        return new Machine(file, ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN)).run();
    }

    /** The unpickling stack machine over one file's bytes. */
    private static final class Machine {
        private final Path file;
        private final ByteBuffer in;
        private final List<Object> stack = new ArrayList<>();
        private final Map<Long, Object> memo = new HashMap<>();

        Machine(Path file, ByteBuffer in) {
            this.file = file;
            this.in = in;
        }

        Object run() throws InvalidFileException {
            try {
                while (true) {
                    int at = in.position();
                    int op = in.get() & 0xff;
                    if (op == '.') {
                        return pop();
                    }
                    step(op, at);
                }
            } catch (java.nio.BufferUnderflowException e) {
                throw new InvalidFileException(file, null, "the pickle ends early (truncated file)");
            } catch (IndexOutOfBoundsException | ClassCastException e) {
                throw new InvalidFileException(file, null, "is not a readable pickle (" + e.getMessage() + ")");
            }
        }

        private void step(int op, int at) throws InvalidFileException {
            switch (op) {
                case 0x80 -> in.get();
                case 0x95 -> in.getLong();
                case '(' -> stack.add(MARK);
                case '}' -> stack.add(new LinkedHashMap<>());
                case ']' -> stack.add(new ArrayList<>());
                case ')' -> stack.add(new ArrayList<>());
                case 'N' -> stack.add(null);
                case 0x88 -> stack.add(Boolean.TRUE);
                case 0x89 -> stack.add(Boolean.FALSE);
                case 'K' -> stack.add((long) (in.get() & 0xff));
                case 'M' -> stack.add((long) (in.getShort() & 0xffff));
                case 'J' -> stack.add((long) in.getInt());
                case 0x8a -> stack.add(long1(in.get() & 0xff, at));
                case 'G' -> stack.add(Double.longBitsToDouble(Long.reverseBytes(in.getLong())));
                case 'I', 'L' -> stack.add(textNumber(line(), at));
                case 'F' -> stack.add(Double.parseDouble(line()));
                case 'X' -> stack.add(text(in.getInt()));
                case 0x8c -> stack.add(text(in.get() & 0xff));
                case 0x8d -> stack.add(text(Math.toIntExact(in.getLong())));
                case 'U' -> stack.add(text(in.get() & 0xff));
                case 'T' -> stack.add(text(in.getInt()));
                case 'V', 'S' -> stack.add(line());
                case 'q' -> memo.put((long) (in.get() & 0xff), top());
                case 'r' -> memo.put(in.getInt() & 0xffffffffL, top());
                case 0x94 -> memo.put((long) memo.size(), top());
                case 'p' -> memo.put(Long.parseLong(line()), top());
                case 'h' -> stack.add(get(in.get() & 0xff, at));
                case 'j' -> stack.add(get(in.getInt() & 0xffffffffL, at));
                case 'g' -> stack.add(get(Long.parseLong(line()), at));
                case 'a' -> append();
                case 'e' -> appends();
                case 's' -> setItem();
                case 'u' -> setItems();
                case 't', 'l' -> stack.add(new ArrayList<>(popMark()));
                case 'd' -> {
                    List<Object> kv = popMark();
                    Map<Object, Object> m = new LinkedHashMap<>();
                    for (int i = 0; i + 1 < kv.size(); i += 2) {
                        m.put(kv.get(i), kv.get(i + 1));
                    }
                    stack.add(m);
                }
                case 0x85 -> tuple(1);
                case 0x86 -> tuple(2);
                case 0x87 -> tuple(3);
                case '0' -> pop();
                case '2' -> stack.add(top());
                default -> throw new InvalidFileException(file, null, "pickle opcode 0x" + Integer.toHexString(op)
                        + " at byte " + at + " builds an object; only plain data (dictionaries, lists, tuples, "
                        + "numbers, strings) can be read");
            }
        }

        private void tuple(int n) {
            List<Object> t = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                t.add(0, pop());
            }
            stack.add(t);
        }

        private long long1(int n, int at) throws InvalidFileException {
            if (n > 8) {
                throw new InvalidFileException(file, null, "integer of " + n + " bytes at byte " + at
                        + " is too large");
            }
            long v = 0;
            for (int i = 0; i < n; i++) {
                v |= (in.get() & 0xffL) << (8 * i);
            }
            if (n > 0 && n < 8 && (v >> (8 * n - 1) & 1) == 1) {
                v -= 1L << (8 * n);
            }
            return v;
        }

        private Object textNumber(String s, int at) throws InvalidFileException {
            String t = s.endsWith("L") ? s.substring(0, s.length() - 1) : s;
            if (t.equals("00")) {
                return Boolean.FALSE;
            }
            if (t.equals("01")) {
                return Boolean.TRUE;
            }
            try {
                return Long.parseLong(t);
            } catch (NumberFormatException e) {
                throw new InvalidFileException(file, null, "'" + s + "' at byte " + at + " is not an integer");
            }
        }

        private String line() {
            StringBuilder b = new StringBuilder();
            for (byte c = in.get(); c != '\n'; c = in.get()) {
                b.append((char) (c & 0xff));
            }
            String s = b.toString();
            return s.length() > 1 && (s.startsWith("'") || s.startsWith("\"")) ? s.substring(1, s.length() - 1) : s;
        }

        private String text(int n) {
            byte[] b = new byte[n];
            in.get(b);
            return new String(b, StandardCharsets.UTF_8);
        }

        private Object get(long key, int at) throws InvalidFileException {
            if (!memo.containsKey(key)) {
                throw new InvalidFileException(file, null, "memo entry " + key + " used at byte " + at
                        + " was never stored");
            }
            return memo.get(key);
        }

        private Object top() {
            return stack.get(stack.size() - 1);
        }

        private Object pop() {
            return stack.remove(stack.size() - 1);
        }

        private List<Object> popMark() {
            int m = stack.lastIndexOf(MARK);
            List<Object> items = new ArrayList<>(stack.subList(m + 1, stack.size()));
            stack.subList(m, stack.size()).clear();
            return items;
        }

        @SuppressWarnings("unchecked")
        private void append() {
            Object v = pop();
            ((List<Object>) top()).add(v);
        }

        @SuppressWarnings("unchecked")
        private void appends() {
            List<Object> items = popMark();
            ((List<Object>) top()).addAll(items);
        }

        @SuppressWarnings("unchecked")
        private void setItem() {
            Object v = pop();
            Object k = pop();
            ((Map<Object, Object>) top()).put(k, v);
        }

        @SuppressWarnings("unchecked")
        private void setItems() {
            List<Object> kv = popMark();
            Map<Object, Object> m = (Map<Object, Object>) top();
            for (int i = 0; i + 1 < kv.size(); i += 2) {
                m.put(kv.get(i), kv.get(i + 1));
            }
        }
    }
}
