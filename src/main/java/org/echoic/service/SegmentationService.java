package org.echoic.service;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

import org.echoic.project.OpaqueItem;
import org.echoic.project.ProjectRecording;
import org.echoic.segment.Agreement;
import org.echoic.segment.SegmentEdits;
import org.echoic.segment.SegmentationParams;

/**
 * The workbench's segmentations: one {@link SegmentationSession} per open recording (created on first use with the
 * parameters, edits and reference table the project keeps for it), and the two-way binding with the open project:
 * {@link #syncWithProject} writes what the user tuned, edited or imported into {@link ProjectService} and applies what
 * an opened project holds. Manual edits are stored as the project's {@code manualEdits} items
 * ({@code {"op": "add"|"delete"|"split"|"merge"|"move"|"relabel", "start", "end", …}} in frames). No JavaFX.
 * Thread-safe.
 */
public final class SegmentationService implements AutoCloseable {
    private final ExecutorService compute;
    private final ProjectService projects;
    private final Map<OpenRecording, SegmentationSession> sessions = new IdentityHashMap<>();
    private final Map<SegmentationSession, Stored> synced = new IdentityHashMap<>();

    /** What a session and the project agreed on at the last sync. */
    private record Stored(SegmentationParams params, List<SegmentEdits.Edit> edits, List<Path> annotationFiles,
                          Agreement.Criterion criterion) {
    }

    /** @param projects the open project to keep in step, or null for none */
    public SegmentationService(ExecutorService compute, ProjectService projects) {
        this.compute = compute;
        this.projects = projects;
    }

    /** The session of {@code r}, created on first use (with the project's parameters for it, if any). */
    public synchronized SegmentationSession session(OpenRecording r) {
        return sessions.computeIfAbsent(r, k -> {
            SegmentationParams p = entry(k).map(ProjectRecording::segmentation).orElse(SegmentationParams.DEFAULTS);
            if (p.channel() >= k.recording().channels()) {
                p = p.withChannel(k.defaultChannel());
            }
            return new SegmentationSession(k.recording(), compute, p);
        });
    }

    /** Closes the sessions of recordings that are no longer open. */
    public synchronized void retain(List<OpenRecording> open) {
        sessions.entrySet().removeIf(e -> {
            if (open.contains(e.getKey())) {
                return false;
            }
            synced.remove(e.getValue());
            e.getValue().close();
            return true;
        });
    }

    private Optional<ProjectRecording> entry(OpenRecording r) {
        return projects == null ? Optional.empty() : projects.project().recording(r.recording().path());
    }

    /**
     * Keeps {@code s} and the project in step: when the project's entry changed since the last sync (a project was
     * opened), its parameters, edits and reference table are applied to the session; otherwise what changed in the
     * session is written to the project (marking it dirty). Cheap when nothing changed; call it from a poll.
     */
    public synchronized void syncWithProject(SegmentationSession s) {
        if (projects == null) {
            return;
        }
        Optional<ProjectRecording> e = projects.project().recording(s.recording().path());
        if (e.isEmpty()) {
            return;
        }
        ProjectRecording pr = e.get();
        Stored inProject = new Stored(pr.segmentation(), editsFromItems(pr.manualEdits()), pr.annotationFiles(),
                pr.agreement());
        Path refFile = s.wantedReferences();
        Stored inSession = new Stored(s.params(), s.edits(),
                refFile == null ? List.of() : List.of(refFile.toAbsolutePath().normalize()), s.criterion());
        Stored last = synced.get(s);
        if (!inProject.equals(last)) {
            if (pr.segmentation().channel() < s.recording().channels()) {
                s.setParams(pr.segmentation());
            }
            if (!inProject.criterion().equals(inSession.criterion())) {
                s.setCriterion(inProject.criterion());
            }
            if (!inProject.edits().equals(inSession.edits())) {
                s.restoreEdits(inProject.edits());
            }
            if (!inProject.annotationFiles().equals(inSession.annotationFiles())) {
                if (inProject.annotationFiles().isEmpty()) {
                    s.clearReferences();
                } else {
                    s.loadReferences(inProject.annotationFiles().get(0));
                }
            }
            synced.put(s, inProject);
        } else if (!inSession.equals(last)) {
            projects.update(p -> p.withRecording(s.recording().path(), r -> r.withSegmentation(inSession.params())
                    .withManualEdits(itemsFromEdits(inSession.edits()))
                    .withAnnotationFiles(inSession.annotationFiles()).withAgreement(inSession.criterion())));
            synced.put(s, inSession);
        }
    }

    /** Edits as project items (see the class comment). */
    public static List<OpaqueItem> itemsFromEdits(List<SegmentEdits.Edit> edits) {
        List<OpaqueItem> out = new ArrayList<>(edits.size());
        for (SegmentEdits.Edit e : edits) {
            Map<String, Object> m = new LinkedHashMap<>();
            if (e instanceof SegmentEdits.Add a) {
                put(m, "add", a.startFrame(), a.endFrame());
                m.put("label", a.label());
            } else if (e instanceof SegmentEdits.Delete d) {
                put(m, "delete", d.startFrame(), d.endFrame());
            } else if (e instanceof SegmentEdits.Split sp) {
                put(m, "split", sp.startFrame(), sp.endFrame());
                m.put("at", sp.atFrame());
            } else if (e instanceof SegmentEdits.Merge mg) {
                put(m, "merge", mg.firstStart(), mg.firstEnd());
                m.put("start2", mg.secondStart());
                m.put("end2", mg.secondEnd());
            } else if (e instanceof SegmentEdits.Move mv) {
                put(m, "move", mv.startFrame(), mv.endFrame());
                m.put("newStart", mv.newStartFrame());
                m.put("newEnd", mv.newEndFrame());
            } else if (e instanceof SegmentEdits.Relabel r) {
                put(m, "relabel", r.startFrame(), r.endFrame());
                m.put("label", r.label());
            }
            out.add(new OpaqueItem(m));
        }
        return out;
    }

    private static void put(Map<String, Object> m, String op, long start, long end) {
        m.put("op", op);
        m.put("start", start);
        m.put("end", end);
    }

    /** Project items as edits; items this version does not know (or that are malformed) are left out. */
    public static List<SegmentEdits.Edit> editsFromItems(List<OpaqueItem> items) {
        List<SegmentEdits.Edit> out = new ArrayList<>(items.size());
        for (OpaqueItem item : items) {
            Map<String, Object> f = item.fields();
            try {
                long s = num(f, "start");
                long e = num(f, "end");
                String label = Objects.toString(f.get("label"), "");
                SegmentEdits.Edit edit = switch (Objects.toString(f.get("op"), "")) {
                    case "add" -> new SegmentEdits.Add(s, e, label);
                    case "delete" -> new SegmentEdits.Delete(s, e);
                    case "split" -> new SegmentEdits.Split(s, e, num(f, "at"));
                    case "merge" -> new SegmentEdits.Merge(s, e, num(f, "start2"), num(f, "end2"));
                    case "move" -> new SegmentEdits.Move(s, e, num(f, "newStart"), num(f, "newEnd"));
                    case "relabel" -> new SegmentEdits.Relabel(s, e, label);
                    default -> null;
                };
                if (edit != null) {
                    out.add(edit);
                }
            } catch (IllegalArgumentException | ClassCastException | NullPointerException ex) {
                continue;
            }
        }
        return out;
    }

    private static long num(Map<String, Object> f, String key) {
        return ((Number) f.get(key)).longValue();
    }

    /** Closes every session. */
    @Override
    public synchronized void close() {
        sessions.values().forEach(SegmentationSession::close);
        sessions.clear();
        synced.clear();
    }
}
