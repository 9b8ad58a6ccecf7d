package org.echoic.io;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Seeded mutation testing for any reader of files: each case (one or more files written into a fresh folder) is read
 * on a worker thread under a time limit, with the heap bytes that thread allocates measured, and must either load
 * (and pass the kind's own check of what was loaded) or be refused with an {@link IOException} whose message is one
 * line naming the file and speaking no Java. Anything else — another exception, an error such as
 * {@code OutOfMemoryError}, a hang, an allocation past the bound — is a failure of the case. The fuzz suites run in a
 * JVM of their own with a small heap (surefire execution {@code fuzz} in the pom), so an unchecked allocation also
 * shows as an error. Counts are written to {@code target/fuzz/<kind>.json} for the README. Not thread-safe.
 */
final class FuzzHarness {
    /** Reads what a case wrote; returns what was loaded (closed after the check when it is AutoCloseable). */
    @FunctionalInterface
    interface Reader {
        Object read(Path target) throws Exception;
    }

    /** Checks a successful load (e.g. that every frame has nVisible values); throws when it is wrong. */
    @FunctionalInterface
    interface Check {
        void verify(Object loaded, Path target) throws Exception;
    }

    /** One case: files (name → bytes) written into a fresh folder; the reader is given {@code target} in it. */
    record Case(String label, Map<String, byte[]> files, String target) {
    }

    /** What a suite found. */
    record Report(String kind, int tried, int loaded, int refused, List<String> failures, long maxAllocatedBytes,
                  double maxSeconds, long heapBytes, long readLimitBytes) {
    }

    private static final Pattern JAVA_SPEAK = Pattern.compile("java\\.|javax\\.|com\\.fasterxml|org\\.nd4j|"
            + "org\\.echoic|Exception|Cannot invoke|Cannot deserialize|JsonNode|is null|out of bounds|"
            + "Index \\d|NumberFormat|@[0-9a-f]{4,}");
    private static final Object[] EXTREMES = {-1, 0, 1, 2, 1_000_000_000, -1_000_000_000, 2_147_483_648L,
        Long.MAX_VALUE, Long.MIN_VALUE, 1e308, -1e308, 1.5, -0.5, 1e-320, "x", "", "NaN", "Infinity", null, true,
        false, List.of(), Map.of(), "/etc/passwd", "/dev/zero", "../../../../../../etc/shadow", "99", "99.0",
        "9".repeat(500)};

    private final String kind;
    private final Duration perCase;
    private final long maxAllocatedBytes;
    private final Path scratch;

    /**
     * @param perCase           time limit of one case
     * @param maxAllocatedBytes most heap bytes one read may allocate (garbage included)
     * @param scratch           a folder for the cases
     */
    FuzzHarness(String kind, Duration perCase, long maxAllocatedBytes, Path scratch) {
        this.kind = kind;
        this.perCase = perCase;
        this.maxAllocatedBytes = maxAllocatedBytes;
        this.scratch = scratch;
    }

    /** Runs every case through {@code reader}; {@code check} may be null. */
    Report run(List<Case> cases, Reader reader, Check check) throws Exception {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        ExecutorService worker = newWorker();
        int loaded = 0;
        int refused = 0;
        long maxAlloc = 0;
        double maxSeconds = 0;
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            Path folder = Files.createDirectories(scratch.resolve(kind + "-" + i));
            for (Map.Entry<String, byte[]> f : c.files().entrySet()) {
                Files.createDirectories(folder.resolve(f.getKey()).getParent());
                Files.write(folder.resolve(f.getKey()), f.getValue());
            }
            Path target = folder.resolve(c.target());
            long start = System.nanoTime();
            Future<Object[]> job = worker.submit(() -> {
                long before = mx.getCurrentThreadAllocatedBytes();
                Object out;
                try {
                    Object value = reader.read(target);
                    out = value == null ? "loaded" : value;
                } catch (Throwable t) {
                    out = t;
                }
                long allocated = mx.getCurrentThreadAllocatedBytes() - before;
                if (!(out instanceof Throwable) && check != null) {
                    try {
                        check.verify(out, target);
                    } catch (Throwable t) {
                        out = new AssertionError("loaded, but wrong: " + t, t);
                    }
                }
                if (out instanceof AutoCloseable closeable) {
                    closeable.close();
                }
                return new Object[] {out, allocated};
            });
            Object[] result;
            try {
                result = job.get(perCase.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                failures.add(c.label() + ": still reading after " + perCase.toMillis() + " ms");
                job.cancel(true);
                worker.shutdownNow();
                worker = newWorker();
                continue;
            }
            maxSeconds = Math.max(maxSeconds, (System.nanoTime() - start) / 1e9);
            long allocated = (Long) result[1];
            maxAlloc = Math.max(maxAlloc, allocated);
            if (allocated > maxAllocatedBytes) {
                failures.add(c.label() + ": allocated " + allocated + " bytes, more than " + maxAllocatedBytes);
            }
            String problem = classify(result[0], folder);
            if (problem == null) {
                if (result[0] instanceof IOException) {
                    refused++;
                } else {
                    loaded++;
                }
            } else {
                failures.add(c.label() + ": " + problem);
            }
            CheckpointFolder.deleteTree(folder);
        }
        worker.shutdownNow();
        Report r = new Report(kind, cases.size(), loaded, refused, failures, maxAlloc, maxSeconds,
                Runtime.getRuntime().maxMemory(), ReadLimits.maxBytes());
        write(r);
        return r;
    }

    /** Null when {@code outcome} is a clean load or a clean refusal, else what is wrong with it. */
    private static String classify(Object outcome, Path folder) {
        if (!(outcome instanceof Throwable t)) {
            return null;
        }
        if (!(t instanceof IOException)) {
            return "threw " + t + (t.getStackTrace().length > 0 ? " at " + t.getStackTrace()[0] : "");
        }
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            return "refused without a message: " + t.getClass().getSimpleName();
        }
        if (m.contains("\n")) {
            return "refused with more than one line: " + m;
        }
        if (!m.contains(folder.toString())) {
            return "refused without naming the file: " + m;
        }
        if (JAVA_SPEAK.matcher(m.replace(folder.toString(), "")).find()) {
            return "refused in Java's words: " + m;
        }
        return null;
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-worker");
            t.setDaemon(true);
            return t;
        });
    }

    private static void write(Report r) throws IOException {
        Path dir = Path.of("target", "fuzz");
        Files.createDirectories(dir);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", r.kind());
        m.put("tried", r.tried());
        m.put("loaded", r.loaded());
        m.put("refused", r.refused());
        m.put("failures", r.failures().size());
        m.put("maxAllocatedBytes", r.maxAllocatedBytes());
        m.put("maxSeconds", r.maxSeconds());
        m.put("heapBytes", r.heapBytes());
        m.put("readLimitBytes", r.readLimitBytes());
        Files.writeString(dir.resolve(r.kind() + ".json"), Json.line(m) + "\n");
        System.out.println("fuzz " + Json.line(m));
    }

    /** A byte-level mutant: bit flips, an int or long overwritten with an extreme, bytes cut out, or a truncation. */
    static byte[] mutateBytes(byte[] original, Random rnd, int region) {
        byte[] b = original.clone();
        int header = Math.max(1, Math.min(b.length, region));
        int kind = rnd.nextInt(6);
        if ((kind == 0 || kind == 4) && b.length > 0) {
            for (int i = 1 + rnd.nextInt(4); i > 0; i--) {
                b[rnd.nextInt(header)] ^= (byte) (1 << rnd.nextInt(8));
            }
        }
        if (kind == 1 && header >= 4) {
            int[] values = {rnd.nextInt(), 0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, b.length, 1};
            ByteBuffer.wrap(b).putInt(rnd.nextInt(header - 3), values[rnd.nextInt(values.length)]);
        }
        if (kind == 2 && header >= 8) {
            long[] values = {rnd.nextLong(), 0, -1, Long.MAX_VALUE, 1L << 40, b.length};
            ByteBuffer.wrap(b).putLong(rnd.nextInt(header - 7), values[rnd.nextInt(values.length)]);
        }
        if (kind == 5 && b.length > 2) {
            int at = rnd.nextInt(b.length - 1);
            int n = 1 + rnd.nextInt(Math.min(16, b.length - at));
            byte[] cut = new byte[b.length - n];
            System.arraycopy(b, 0, cut, 0, at);
            System.arraycopy(b, at + n, cut, at, b.length - at - n);
            b = cut;
        }
        if (kind == 3 || kind == 4 || rnd.nextInt(5) == 0) {
            return Arrays.copyOf(b, rnd.nextInt(b.length + 1));
        }
        return b;
    }

    /**
     * A JSON-aware mutant of a JSON document: one value (any depth) replaced by an extreme or a value of another kind,
     * a field removed or renamed, a list made very long or very deep; sometimes then damaged byte-wise.
     */
    static byte[] mutateJson(byte[] json, Random rnd) throws IOException {
        com.fasterxml.jackson.databind.JsonNode root = Json.mapper().readTree(json);
        List<Object[]> slots = new ArrayList<>();
        collect(root, slots);
        Object[] slot = slots.get(rnd.nextInt(slots.size()));
        com.fasterxml.jackson.databind.JsonNode parent = (com.fasterxml.jackson.databind.JsonNode) slot[0];
        int op = rnd.nextInt(10);
        com.fasterxml.jackson.databind.JsonNode value = op == 8 ? deep(300) : op == 9 && slot[2] != null
                ? longList((com.fasterxml.jackson.databind.JsonNode) slot[2], 2000 + rnd.nextInt(20000))
                : Json.mapper().valueToTree(EXTREMES[rnd.nextInt(EXTREMES.length)]);
        if (parent instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
            String key = (String) slot[1];
            if (op == 6) {
                o.remove(key);
            } else if (op == 7) {
                o.set(key + "X", o.remove(key));
            } else {
                o.set(key, value);
            }
        } else if (parent instanceof com.fasterxml.jackson.databind.node.ArrayNode a) {
            int i = (Integer) slot[1];
            if (op == 6) {
                a.remove(i);
            } else {
                a.set(i, value);
            }
        }
        byte[] out = Json.mapper().writeValueAsBytes(root);
        return rnd.nextInt(6) == 0 ? mutateBytes(out, rnd, out.length) : out;
    }

    private static void collect(com.fasterxml.jackson.databind.JsonNode n, List<Object[]> slots) {
        if (n.isObject()) {
            n.fields().forEachRemaining(e -> {
                slots.add(new Object[] {n, e.getKey(), e.getValue().isArray() ? e.getValue() : null});
                collect(e.getValue(), slots);
            });
        } else if (n.isArray()) {
            for (int i = 0; i < n.size() && i < 8; i++) {
                slots.add(new Object[] {n, i, n.get(i).isArray() ? n.get(i) : null});
                collect(n.get(i), slots);
            }
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode deep(int depth) {
        com.fasterxml.jackson.databind.node.ArrayNode top = Json.mapper().createArrayNode();
        com.fasterxml.jackson.databind.node.ArrayNode cur = top;
        for (int i = 0; i < depth; i++) {
            cur = cur.addArray();
        }
        return top;
    }

    private static com.fasterxml.jackson.databind.JsonNode longList(com.fasterxml.jackson.databind.JsonNode list,
                                                                   int n) {
        com.fasterxml.jackson.databind.node.ArrayNode a = Json.mapper().createArrayNode();
        com.fasterxml.jackson.databind.JsonNode item = list.size() > 0 ? list.get(0)
                : Json.mapper().valueToTree(0);
        for (int i = 0; i < n; i++) {
            a.add(item.deepCopy());
        }
        return a;
    }

    /** Bytes of UTF-8 text. */
    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
