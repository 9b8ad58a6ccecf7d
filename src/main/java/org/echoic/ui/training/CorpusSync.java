package org.echoic.ui.training;

import java.util.Optional;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;

import org.echoic.project.CorpusEntry;
import org.echoic.project.OpaqueItem;
import org.echoic.service.ProjectService;

/**
 * Keeps the Corpus part of the Training tab and the project in step, through the project's corpus entry named
 * {@link CorpusPanel#DRAFT_NAME}: what the user ticks and sets is recorded there (once it differs from a new
 * panel's state, so that opening recordings alone is no change), and an opened project's entry is shown in the
 * panel; until the user changes the panel, the project's entry wins (recordings that open after the project are ticked as
 * it says, not all). A poll (4 Hz) compares both with what was last synced, as the segmentation tab does. JavaFX
 * thread only.
 */
final class CorpusSync {
    private final CorpusPanel panel;
    private final ProjectService projects;
    private final Timeline poll;
    private CorpusEntry synced;
    private boolean userChanged;
    /** The project file last seen: another one (opened, new, saved as) starts the sync afresh. */
    private Optional<java.nio.file.Path> file = Optional.empty();

    private CorpusSync(CorpusPanel panel, ProjectService projects) {
        this.panel = panel;
        this.projects = projects;
        panel.setOnChanged(() -> {
            userChanged = true;
            sync();
        });
        poll = new Timeline(new KeyFrame(Duration.millis(250), e -> sync()));
        poll.setCycleCount(Timeline.INDEFINITE);
    }

    static CorpusSync install(CorpusPanel panel, ProjectService projects) {
        CorpusSync s = new CorpusSync(panel, projects);
        s.poll.play();
        return s;
    }

    private Optional<OpaqueItem> inProject() {
        return projects.project().corpora().stream()
                .filter(i -> CorpusPanel.DRAFT_NAME.equals(i.fields().get("name"))).findFirst();
    }

    /** One step of the sync; cheap when nothing changed. Entries are compared typed (JSON numbers vary in type). */
    void sync() {
        Optional<java.nio.file.Path> f = projects.file();
        if (!f.equals(file)) {
            file = f;
            synced = null;
            userChanged = false;
        }
        CorpusEntry stored;
        try {
            stored = inProject().map(CorpusEntry::fromItem).orElse(null);
        } catch (IllegalArgumentException e) {
            return;
        }
        if (stored != null && !stored.equals(synced)) {
            panel.apply(stored);
            synced = stored;
            userChanged = false;
            return;
        }
        CorpusEntry now = panel.draft();
        if (now == null || stored == null && (!userChanged || panel.isInitial())) {
            return;
        }
        if (stored != null && !userChanged && !now.equals(stored)) {
            panel.apply(stored);
            return;
        }
        if (!now.equals(synced)) {
            projects.update(p -> p.withCorpus(now));
            synced = now;
        }
    }
}
