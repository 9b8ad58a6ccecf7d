package org.echoic.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.echoic.audio.Recording;
import org.echoic.project.Project;
import org.echoic.project.ProjectRecording;
import org.echoic.project.RecordingProblem;

/**
 * Project files ({@code *.echoic.json}, UTF-8 JSON): reading with version checks, atomic saving with one backup
 * ({@code NAME.echoic.json.bak}), recovery files, verification of the recordings (size and SHA-256) and relinking.
 * The format version is "MAJOR.MINOR": files of any minor version of {@link #FORMAT_MAJOR} load (fields they lack
 * take defaults, fields this version does not know are ignored, and unknown top-level fields are kept); a newer
 * major version is refused. Jackson without default typing; no Java serialization. Stateless; thread-safe.
 */
public final class ProjectFiles {
    /** Major version: a reader of major M refuses files of a larger major. */
    public static final int FORMAT_MAJOR = 1;
    /** Minor version: bumped when a section or field is added (older readers ignore or keep it). */
    public static final int FORMAT_MINOR = 1;
    /** The version this code writes. */
    public static final String FORMAT_VERSION = FORMAT_MAJOR + "." + FORMAT_MINOR;
    /** File name ending of project files. */
    public static final String EXTENSION = ".echoic.json";

    private static final Pattern VERSION = Pattern.compile("(\\d{1,4})\\.(\\d{1,4})");
    private static final Set<String> KNOWN_FIELDS = Arrays.stream(ProjectDto.class.getRecordComponents())
            .map(c -> c.getName()).collect(Collectors.toUnmodifiableSet());
    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonErrors.factory())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    /**
     * A project read from a file, with the version it was written in, what is wrong with its recordings, notes, and
     * the recordings skipped because {@link RecordingFolders} does not let the project open them (one line each,
     * naming the recording and the reason; they are kept aside and written back when the project is saved).
     */
    public record Loaded(Project project, String fileVersion, List<RecordingProblem> problems, List<String> notes,
                         List<String> skipped) {
        public Loaded {
            problems = List.copyOf(problems);
            notes = List.copyOf(notes);
            skipped = List.copyOf(skipped);
        }
    }

    private ProjectFiles() {
    }

    /** The backup kept beside {@code file}: {@code NAME.echoic.json.bak}. */
    public static Path backupFile(Path file) {
        return file.resolveSibling(file.getFileName() + ".bak");
    }

    /** The recovery file autosaved beside {@code file}: {@code .NAME.echoic.json.recovery}. */
    public static Path recoveryFile(Path file) {
        return file.resolveSibling("." + file.getFileName() + ".recovery");
    }

    /** The JSON text of {@code project} with paths relative to {@code baseDir}. */
    public static String toJson(Project project, Path baseDir) {
        ObjectNode node = MAPPER.valueToTree(ProjectDto.from(project, baseDir, writtenBy()));
        WithheldRecordings.restore(node, project.extraFields().fields(), baseDir);
        for (Map.Entry<String, Object> e : project.extraFields().fields().entrySet()) {
            if (!node.has(e.getKey()) && !e.getKey().equals(WithheldRecordings.KEY)) {
                node.set(e.getKey(), MAPPER.valueToTree(e.getValue()));
            }
        }
        try {
            return MAPPER.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a project could not be written as JSON", e);
        }
    }

    /** Saves atomically, keeping the previous file as {@link #backupFile}; paths relative to the file's folder. */
    public static void save(Path file, Project project) throws IOException {
        byte[] bytes = toJson(project, folderOf(file)).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.writeKeepingBackup(file, backupFile(file), out -> out.write(bytes));
    }

    /** Writes a recovery copy atomically (no backup); paths relative to the recovery file's folder. */
    public static void writeRecovery(Path recoveryFile, Project project) throws IOException {
        byte[] bytes = toJson(project, folderOf(recoveryFile)).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(recoveryFile, out -> out.write(bytes));
    }

    /**
     * Reads a project without looking at its recordings (see {@link #load}); only recordings inside the project's
     * folder are kept (see {@link #read(Path, RecordingFolders)}).
     */
    public static Project read(Path file) throws IOException {
        return read(file, RecordingFolders.NONE).project();
    }

    /**
     * Reads a project without opening its recordings; recordings (and reference tables) outside the project's folder
     * and {@code folders}, or that are not regular files, are left out and listed in {@link Loaded#skipped()}.
     */
    public static Loaded read(Path file, RecordingFolders folders) throws IOException {
        return readWithVersion(file, folders, new ArrayList<>());
    }

    /** {@link #load(Path, RecordingFolders, FileHashes, DoubleConsumer)} with recordings from the project's folder. */
    public static Loaded load(Path file, FileHashes hashes, DoubleConsumer progress)
            throws IOException, InterruptedException {
        return load(file, RecordingFolders.NONE, hashes, progress);
    }

    /**
     * Reads a project ({@link #read(Path, RecordingFolders)}) and checks every recording it keeps against its
     * recorded size and SHA-256 (hashing streams; call from a background thread). Problems are returned, nothing is
     * replaced.
     */
    public static Loaded load(Path file, RecordingFolders folders, FileHashes hashes, DoubleConsumer progress)
            throws IOException, InterruptedException {
        List<String> notes = new ArrayList<>();
        Loaded read = readWithVersion(file, folders, notes);
        List<RecordingProblem> problems = verify(read.project(), hashes, progress);
        return new Loaded(read.project(), read.fileVersion(), problems, notes, read.skipped());
    }

    private static Loaded readWithVersion(Path file, RecordingFolders folders, List<String> notes) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "the project file does not exist");
        }
        return parse(ReadLimits.readDocument(file, "a project file"), file, folders, notes);
    }

    /** Parses the bytes of a project file named {@code file} (paths resolve against its folder). */
    static Loaded parse(byte[] bytes, Path file, RecordingFolders folders, List<String> notes) throws IOException {
        JsonNode root = JsonErrors.parse(MAPPER, file, bytes);
        if (!root.isObject()) {
            throw new InvalidFileException(file, null, "is not a project file (its JSON is " + JsonFields.kind(root)
                    + ", not an object)");
        }
        JsonNode v = root.get("formatVersion");
        if (v == null || !v.isTextual()) {
            throw new InvalidFileException(file, null, "is not an Echoic project file (no formatVersion)");
        }
        Matcher m = VERSION.matcher(v.asText());
        if (!m.matches()) {
            throw new InvalidFileException(file, "formatVersion", "'" + v.asText() + "' is not a version (expected MAJOR.MINOR)");
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        if (major > FORMAT_MAJOR) {
            throw new InvalidFileException(file, "formatVersion", "project format " + v.asText() + " is newer than this Echoic reads ("
                    + FORMAT_VERSION + "): open it with a newer Echoic");
        }
        if (major < 1) {
            throw new InvalidFileException(file, "formatVersion", "project format " + v.asText() + " was never released");
        }
        if (major == FORMAT_MAJOR && minor > FORMAT_MINOR) {
            notes.add(file.getFileName() + " was written in format " + v.asText() + " (this Echoic writes "
                    + FORMAT_VERSION + "): what this version does not know is kept unchanged");
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        List<String> skipped = WithheldRecordings.apply((ObjectNode) root, file, folderOf(file), folders, extra);
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!KNOWN_FIELDS.contains(e.getKey())) {
                extra.put(e.getKey(), MAPPER.convertValue(e.getValue(), Object.class));
            }
        }
        try {
            ProjectDto dto = MAPPER.treeToValue(root, ProjectDto.class);
            return new Loaded(dto.toCore(folderOf(file), extra), v.asText(), List.of(), notes, skipped);
        } catch (JsonProcessingException e) {
            throw JsonErrors.describe(file, e);
        } catch (IllegalArgumentException e) {
            throw new InvalidFileException(file, null, e.getMessage(), e);
        }
    }

    /** The recordings whose files are missing, unreadable or differ in size or SHA-256 from what was recorded. */
    public static List<RecordingProblem> verify(Project project, FileHashes hashes, DoubleConsumer progress)
            throws InterruptedException {
        List<RecordingProblem> problems = new ArrayList<>();
        List<ProjectRecording> recs = project.recordings();
        for (int i = 0; i < recs.size(); i++) {
            int index = i;
            DoubleConsumer part = progress == null ? null : f -> progress.accept((index + f) / recs.size());
            check(recs.get(i), hashes, part).ifPresent(p -> problems.add(
                    new RecordingProblem(index, recs.get(index), p.kind(), p.message())));
        }
        return problems;
    }

    private static java.util.Optional<RecordingProblem> check(ProjectRecording r, FileHashes hashes,
                                                              DoubleConsumer progress) throws InterruptedException {
        if (!Files.isRegularFile(r.path())) {
            return java.util.Optional.of(new RecordingProblem(-1, r, RecordingProblem.Kind.MISSING,
                    r.path() + ": the recording is missing (moved, renamed or deleted?)"));
        }
        try {
            long size = Files.size(r.path());
            if (r.sizeBytes() >= 0 && size != r.sizeBytes()) {
                return java.util.Optional.of(new RecordingProblem(-1, r, RecordingProblem.Kind.CHANGED,
                        r.path() + ": the recording changed (" + size + " bytes, the project recorded "
                                + r.sizeBytes() + ")"));
            }
            if (r.sha256() != null && !hashes.sha256(r.path(), progress).equals(r.sha256())) {
                return java.util.Optional.of(new RecordingProblem(-1, r, RecordingProblem.Kind.CHANGED,
                        r.path() + ": the recording changed (its SHA-256 differs from the one the project recorded)"));
            }
        } catch (IOException e) {
            return java.util.Optional.of(new RecordingProblem(-1, r, RecordingProblem.Kind.UNREADABLE,
                    r.path() + ": cannot be read: " + e.getMessage()));
        }
        return java.util.Optional.empty();
    }

    /**
     * The entry {@code old} pointing at {@code newPath}. The file's SHA-256 must equal the recorded one unless
     * {@code acceptChanged}; an accepted different file replaces size, hash, rate and channels and drops the
     * segmentation fingerprint (it belonged to the old file).
     *
     * @throws IllegalArgumentException when the file differs and {@code acceptChanged} is false (the message says so)
     */
    public static ProjectRecording relink(ProjectRecording old, Path newPath, boolean acceptChanged, FileHashes hashes,
                                          DoubleConsumer progress) throws IOException, InterruptedException {
        long size = Files.size(newPath);
        String sha = hashes.sha256(newPath, progress);
        boolean same = sha.equals(old.sha256()) && (old.sizeBytes() < 0 || old.sizeBytes() == size);
        if (same) {
            return old.withFile(newPath, size, sha);
        }
        if (!acceptChanged && old.sha256() != null) {
            throw new IllegalArgumentException(newPath + " is not the recording the project had for " + old.name()
                    + " (its SHA-256 differs): choose the original file or accept the changed one explicitly");
        }
        try (Recording rec = AudioFiles.open(newPath)) {
            return old.withFile(newPath, size, sha).withFormat(rec.sampleRateHz(), rec.channels()).withFingerprint(null);
        }
    }

    /**
     * The entry {@code r} with its file's size and SHA-256 when they are not known yet; an entry already hashed is
     * returned unchanged (a changed file is reported by {@link #verify}, never re-recorded silently).
     */
    public static ProjectRecording hashIfUnknown(ProjectRecording r, FileHashes hashes, DoubleConsumer progress)
            throws IOException, InterruptedException {
        if (r.isHashed()) {
            return r;
        }
        long size = Files.size(r.path());
        return r.withFile(r.path(), size, hashes.sha256(r.path(), progress));
    }

    private static Path folderOf(Path file) {
        Path parent = file.toAbsolutePath().normalize().getParent();
        return parent == null ? file.toAbsolutePath().getRoot() : parent;
    }

    private static String writtenBy() {
        String v = ProjectFiles.class.getPackage().getImplementationVersion();
        return "Echoic " + (v == null ? "development" : v);
    }
}
