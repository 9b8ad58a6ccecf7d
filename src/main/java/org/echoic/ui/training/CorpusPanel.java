package org.echoic.ui.training;

import org.echoic.ui.common.Buttons;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import org.echoic.audio.Recording;
import org.echoic.corpus.Corpus;
import org.echoic.corpus.CorpusBuilder;
import org.echoic.corpus.CorpusSegment;
import org.echoic.project.CorpusEntry;
import org.echoic.dsp.ColorMap;
import org.echoic.dsp.FrameScaling;
import org.echoic.dsp.SpectralFrames;
import org.echoic.dsp.StftParams;
import org.echoic.segment.SegmentationParams;
import org.echoic.service.CorpusService;
import org.echoic.service.OpenRecording;

/**
 * The corpus builder: which open recordings, which segments (automatic with each recording's segmentation
 * parameters, or its reference annotation table), channel, STFT, band and scaling; builds on the compute pool
 * with progress and cancel, shows the corpus size and validation split, and previews one example's frames
 * exactly as the model sees them (time →, frequency ↑, value 0..1 as brightness). JavaFX thread only.
 */
public final class CorpusPanel extends VBox {
    /** Where a recording's segmentation parameters and annotation tables come from (the project). */
    interface RecordingSettings {
        SegmentationParams params(Path recording);

        List<Path> annotationFiles(Path recording);

        /** The recording's manual segment edits (empty when none). */
        List<org.echoic.segment.SegmentEdits.Edit> edits(Path recording);
    }

    /** What the last successful build was made of, for the project's record of a run. */
    record Built(List<Path> recordings, org.echoic.corpus.SegmentSource source, List<Path> tables, int channel,
                 SpectralFrames frames, double joinGapMs) {
    }

    private final CorpusService service;
    private final RecordingSettings settings;
    private final VBox recordings = new VBox(2);
    private final ChoiceBox<String> source = new ChoiceBox<>(FXCollections.observableArrayList(
            "Automatic segments", "Reference annotations", "Automatic segments with manual edits",
            "Tables where present, else automatic"));
    /** Index of the default segment source: each recording's table when it has one, else its tuned segmentation. */
    static final int TABLES_ELSE_AUTOMATIC = 3;
    private final ChoiceBox<Integer> channel = new ChoiceBox<>();
    private final ChoiceBox<Integer> nperseg = new ChoiceBox<>(FXCollections.observableArrayList(128, 256, 512, 1024));
    private final ChoiceBox<Integer> overlapPercent = new ChoiceBox<>(FXCollections.observableArrayList(0, 50, 75));
    final TextField lowHz = new TextField();
    final TextField highHz = new TextField();
    private final ChoiceBox<FrameScaling> scaling = new ChoiceBox<>(FXCollections.observableArrayList(FrameScaling.values()));
    private final TextField rangeDb = new TextField("80");
    final TextField validationFraction = new TextField("0.1");
    final TextField joinGapMs = new TextField("auto");
    private final Button build = Buttons.button("Build corpus", "buildCorpus", "Segment and frame the chosen recordings");
    private final Button cancel = Buttons.button("Cancel", "cancelCorpus", "Stop building the corpus");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label summary = new Label("No corpus yet");
    private final Spinner<Integer> example = new Spinner<>(0, 0, 0);
    private final ImageView preview = new ImageView();
    private final Label exampleInfo = new Label();
    private final ObjectProperty<Corpus> corpus = new SimpleObjectProperty<>();
    private Built built;
    private CorpusService.Request building;
    private final ObservableList<OpenRecording> open;
    private CorpusService.Job job;
    /** The name of the corpus entry that records the Training tab's choices in the project. */
    static final String DRAFT_NAME = "Training tab";
    private Runnable onChanged = () -> { };
    private boolean applying;
    private final CorpusEntry initial;

    CorpusPanel(ObservableList<OpenRecording> open, CorpusService service, RecordingSettings settings) {
        super(6);
        this.open = open;
        this.service = service;
        this.settings = settings;
        setId("corpusPanel");
        source.setId("segmentSource");
        source.getSelectionModel().select(TABLES_ELSE_AUTOMATIC);
        channel.setId("corpusChannel");
        channel.setConverter(TrainingPanel.converter(c -> c == Recording.MEAN_CHANNEL ? "Mean" : "Channel " + (c + 1)));
        nperseg.setValue(CorpusBuilder.SONG_NPERSEG);
        nperseg.setId("corpusNperseg");
        overlapPercent.setValue(50);
        overlapPercent.setConverter(TrainingPanel.converter(p -> p + " %"));
        lowHz.setId("bandLow");
        highHz.setId("bandHigh");
        lowHz.setPromptText("0");
        highHz.setPromptText("Nyquist");
        scaling.setValue(FrameScaling.CORPUS_DB);
        scaling.setConverter(TrainingPanel.converter(FrameScaling::id));
        validationFraction.setId("validationFraction");
        for (TextField f : new TextField[] {lowHz, highHz, rangeDb, validationFraction}) {
            f.setPrefColumnCount(6);
        }
        GridPane grid = TrainingPanel.grid();
        int r = 0;
        grid.addRow(r++, new Label("Segments"), source);
        grid.addRow(r++, new Label("Channel"), channel);
        grid.addRow(r++, new Label("STFT"), new HBox(4, nperseg, new Label("overlap"), overlapPercent));
        grid.addRow(r++, new Label("Band Hz"), new HBox(4, lowHz, new Label("–"), highHz));
        grid.addRow(r++, new Label("Scaling"), new HBox(4, scaling, new Label("range dB"), rangeDb));
        joinGapMs.setId("joinGapMs");
        joinGapMs.setPrefColumnCount(5);
        joinGapMs.setTooltip(new javafx.scene.control.Tooltip("Segments at most this far apart become one training "
                + "sequence with the silences between them (bouts), so the model learns how calls follow each "
                + "other; 0 = each segment on its own; auto = chosen from the gaps of the data"));
        grid.addRow(r++, new Label("Join bouts ≤ ms"), joinGapMs);
        grid.addRow(r, new Label("Validation"), validationFraction);
        cancel.setDisable(true);
        build.setOnAction(e -> startBuild());
        cancel.setOnAction(e -> cancelBuild());
        summary.setId("corpusSummary");
        summary.setWrapText(true);
        progress.setMaxWidth(Double.MAX_VALUE);
        example.setId("previewExample");
        example.setEditable(true);
        example.valueProperty().addListener((o, a, b) -> showExample());
        preview.setId("framePreview");
        preview.setFitWidth(250);
        preview.setFitHeight(110);
        preview.setSmooth(false);
        exampleInfo.setWrapText(true);
        javafx.scene.control.Hyperlink all = new javafx.scene.control.Hyperlink("all");
        all.setId("corpusTickAll");
        all.setOnAction(e -> tickAll(true));
        javafx.scene.control.Hyperlink none = new javafx.scene.control.Hyperlink("none");
        none.setId("corpusTickNone");
        none.setOnAction(e -> tickAll(false));
        getChildren().addAll(new HBox(4, new Label("Recordings"), all, none), recordings, grid,
                new HBox(6, build, cancel), progress, summary,
                new HBox(6, new Label("Preview example"), example), preview, exampleInfo);
        open.addListener((ListChangeListener<OpenRecording>) c -> refreshRecordings());
        refreshRecordings();
        initial = draft();
        for (javafx.beans.value.ObservableValue<?> v : List.of(source.valueProperty(), channel.valueProperty(),
                nperseg.valueProperty(), overlapPercent.valueProperty(), scaling.valueProperty(), lowHz.textProperty(),
                highHz.textProperty(), rangeDb.textProperty(), validationFraction.textProperty(),
                joinGapMs.textProperty())) {
            v.addListener((o, a, b) -> changed());
        }
    }

    /** The last corpus built (null before the first). */
    /** How the current corpus was built (null before the first build). */
    Built built() {
        return built;
    }

    public ReadOnlyObjectProperty<Corpus> corpusProperty() {
        return corpus;
    }

    /** The bout join gap typed in ms (0 when blank, NaN for "auto": chosen from the data). */
    double joinGapMs() {
        String t = joinGapMs.getText().trim();
        if (t.equalsIgnoreCase("auto")) {
            return Double.NaN;
        }
        try {
            double v = t.isEmpty() ? 0 : Double.parseDouble(t);
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the bout join gap must be a number of ms ≥ 0 or auto: " + t);
        }
    }

    /** The validation fraction typed (0 when blank). */
    double validationFraction() {
        String t = validationFraction.getText().trim();
        double v = t.isEmpty() ? 0 : Double.parseDouble(t);
        if (!(v >= 0 && v < 1)) {
            throw new IllegalArgumentException("the validation fraction must be in [0, 1): " + t);
        }
        return v;
    }

    private void refreshRecordings() {
        List<String> unticked = boxes().stream().filter(b -> !b.isSelected()).map(CheckBox::getText).toList();
        recordings.getChildren().clear();
        int channels = 1;
        for (OpenRecording r : open) {
            CheckBox b = new CheckBox(r.name());
            b.setMnemonicParsing(false);
            b.setTooltip(new javafx.scene.control.Tooltip(r.recording().path().toString()));
            b.setUserData(r);
            b.setSelected(!unticked.contains(r.name()));
            b.selectedProperty().addListener((o, was, now) -> changed());
            recordings.getChildren().add(b);
            channels = Math.max(channels, r.recording().channels());
        }
        Integer was = channel.getValue();
        channel.getItems().setAll(Recording.MEAN_CHANNEL);
        for (int c = 0; channels > 1 && c < channels; c++) {
            channel.getItems().add(c);
        }
        channel.setValue(was != null && channel.getItems().contains(was) ? was : Recording.MEAN_CHANNEL);
    }

    private List<CheckBox> boxes() {
        return recordings.getChildren().stream().map(n -> (CheckBox) n).toList();
    }

    /** Ticks every recording ({@code true}) or none. */
    public void tickAll(boolean ticked) {
        boxes().forEach(b -> b.setSelected(ticked));
    }

    /** What runs when the user changes what the corpus is made of (the project records it). */
    void setOnChanged(Runnable action) {
        onChanged = action;
    }

    private void changed() {
        if (!applying) {
            onChanged.run();
        }
    }

    /**
     * The corpus the controls define now (the ticked recordings), named {@link #DRAFT_NAME}, or null while a
     * field holds no valid number.
     */
    public CorpusEntry draft() {
        try {
            int kind = source.getSelectionModel().getSelectedIndex();
            return new CorpusEntry(DRAFT_NAME, boxes().stream().filter(CheckBox::isSelected)
                    .map(b -> ((OpenRecording) b.getUserData()).recording().path()).toList(),
                    kind == 1 ? org.echoic.corpus.SegmentSource.REFERENCE : kind == 2
                            ? org.echoic.corpus.SegmentSource.EDITED : kind == TABLES_ELSE_AUTOMATIC
                            ? org.echoic.corpus.SegmentSource.TABLES : org.echoic.corpus.SegmentSource.AUTOMATIC,
                    channel.getValue() == null ? Recording.MEAN_CHANNEL : channel.getValue(), frames(),
                    validationFraction(), 1, joinGapMs());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** True while every recording is ticked and every control shows its initial value (nothing to record). */
    boolean isInitial() {
        CorpusEntry d = draft();
        return d != null && boxes().stream().allMatch(CheckBox::isSelected) && initial != null
                && sameSettings(d, initial);
    }

    private static boolean sameSettings(CorpusEntry a, CorpusEntry b) {
        return a.source() == b.source() && a.channel() == b.channel() && a.frames().equals(b.frames())
                && a.validationFraction() == b.validationFraction()
                && Double.compare(a.joinGapMs(), b.joinGapMs()) == 0;
    }

    /** Shows {@code e} in the controls: its recordings ticked (the others not), its segments, channel and frames. */
    void apply(CorpusEntry e) {
        applying = true;
        try {
            for (CheckBox b : boxes()) {
                Path p = ((OpenRecording) b.getUserData()).recording().path().toAbsolutePath().normalize();
                b.setSelected(e.recordings().contains(p));
            }
            source.getSelectionModel().select(e.source() == org.echoic.corpus.SegmentSource.REFERENCE ? 1
                    : e.source() == org.echoic.corpus.SegmentSource.EDITED ? 2
                    : e.source() == org.echoic.corpus.SegmentSource.TABLES ? TABLES_ELSE_AUTOMATIC : 0);
            if (channel.getItems().contains(e.channel())) {
                channel.setValue(e.channel());
            }
            StftParams st = e.frames().stft();
            if (!nperseg.getItems().contains(st.nperseg())) {
                nperseg.getItems().add(st.nperseg());
            }
            nperseg.setValue(st.nperseg());
            int ov = (int) Math.round(100.0 * st.noverlap() / st.nperseg());
            if (!overlapPercent.getItems().contains(ov)) {
                overlapPercent.getItems().add(ov);
            }
            overlapPercent.setValue(ov);
            lowHz.setText(e.frames().minHz() > 0 ? number(e.frames().minHz()) : "");
            highHz.setText(Double.isFinite(e.frames().maxHz()) ? number(e.frames().maxHz()) : "");
            scaling.setValue(e.frames().scaling());
            rangeDb.setText(number(e.frames().rangeDb()));
            validationFraction.setText(number(e.validationFraction()));
            joinGapMs.setText(Double.isNaN(e.joinGapMs()) ? CorpusEntry.AUTO : number(e.joinGapMs()));
        } finally {
            applying = false;
        }
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    SpectralFrames frames() {
        int n = nperseg.getValue();
        StftParams d = StftParams.DEFAULT;
        StftParams p = new StftParams(n, n * overlapPercent.getValue() / 100, n, d.window(), d.detrend(), d.scaling(),
                StftParams.Mode.PSD);
        double lo = lowHz.getText().isBlank() ? 0 : Double.parseDouble(lowHz.getText().trim());
        double hi = highHz.getText().isBlank() ? Double.POSITIVE_INFINITY : Double.parseDouble(highHz.getText().trim());
        return SpectralFrames.DEFAULT.withStft(p).withBand(lo, hi)
                .withScaling(scaling.getValue(), Double.parseDouble(rangeDb.getText().trim()));
    }

    private CorpusService.Request request() {
        boolean annotated = source.getSelectionModel().getSelectedIndex() == 1;
        boolean edited = source.getSelectionModel().getSelectedIndex() == 2;
        boolean tables = source.getSelectionModel().getSelectedIndex() == TABLES_ELSE_AUTOMATIC;
        List<CorpusService.Source> sources = new ArrayList<>();
        for (var n : recordings.getChildren()) {
            CheckBox b = (CheckBox) n;
            if (!b.isSelected()) {
                continue;
            }
            Recording rec = ((OpenRecording) b.getUserData()).recording();
            Path table = annotated ? annotationTable(rec.path()) : tables ? tableIfAny(rec.path()) : null;
            sources.add(new CorpusService.Source(rec.path().toString(), rec, settings.params(rec.path()), table,
                    edited ? settings.edits(rec.path()) : List.of()));
        }
        String origin = sources.size() == 1 ? Path.of(sources.get(0).id()).getFileName().toString()
                : sources.size() + " recordings";
        return new CorpusService.Request(sources, channel.getValue(), frames(), origin, joinGapMs());
    }

    /** The project's first annotation table of the recording, else a table beside it, else null. */
    private Path tableIfAny(Path recording) {
        List<Path> files = settings.annotationFiles(recording);
        return !files.isEmpty() ? files.get(0) : org.echoic.service.SegmentTables.besides(recording).orElse(null);
    }

    /** The project's first annotation table of the recording, else a table beside it ({@code SegmentTables}). */
    private Path annotationTable(Path recording) {
        List<Path> files = settings.annotationFiles(recording);
        if (!files.isEmpty()) {
            return files.get(0);
        }
        return org.echoic.service.SegmentTables.besides(recording).orElseThrow(() -> new IllegalArgumentException(
                recording.getFileName() + ": no reference annotation table (import one into the project, or put one "
                        + "beside the recording: " + org.echoic.service.SegmentTables.LOOKED_FOR + ")"));
    }

    private void startBuild() {
        CorpusService.Request req;
        try {
            req = request();
            validationFraction();
        } catch (IllegalArgumentException e) {
            summary.setText("Cannot build: " + e.getMessage());
            return;
        }
        job = service.build(req);
        building = req;
        build.setDisable(true);
        cancel.setDisable(false);
        summary.setText("Building…");
        CorpusService.Job mine = job;
        job.result().whenComplete((c, err) -> Platform.runLater(() -> finished(mine, c, err)));
    }

    private void cancelBuild() {
        if (job != null) {
            job.cancel();
        }
    }

    private void finished(CorpusService.Job which, Corpus c, Throwable err) {
        if (which != job) {
            return;
        }
        job = null;
        build.setDisable(false);
        cancel.setDisable(true);
        progress.setProgress(c == null ? 0 : 1);
        Throwable cause = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
        if (cause instanceof CancellationException) {
            summary.setText("Corpus building cancelled");
            return;
        }
        if (cause != null) {
            summary.setText("Cannot build the corpus: " + cause.getMessage());
            return;
        }
        int kind = source.getSelectionModel().getSelectedIndex();
        built = new Built(building.sources().stream().map(x -> x.recording().path().toAbsolutePath().normalize())
                .toList(), kind == 1 ? org.echoic.corpus.SegmentSource.REFERENCE
                : kind == 2 ? org.echoic.corpus.SegmentSource.EDITED
                : kind == TABLES_ELSE_AUTOMATIC ? org.echoic.corpus.SegmentSource.TABLES
                : org.echoic.corpus.SegmentSource.AUTOMATIC,
                building.sources().stream().map(CorpusService.Source::annotations).toList(), building.channel(),
                building.frames(), 1000 * c.joinGapSeconds());
        describe(c);
        corpus.set(c);
        ((javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory) example.getValueFactory())
                .setMax(c.dataset().size() - 1);
        example.getValueFactory().setValue(0);
        showExample();
    }

    private void describe(Corpus c) {
        int n = c.dataset().size();
        double fraction;
        try {
            fraction = validationFraction();
        } catch (IllegalArgumentException e) {
            fraction = 0;
        }
        int nVal = fraction > 0 && n >= 2 ? (int) Math.max(1, Math.min(n - 1, Math.round(fraction * n))) : 0;
        String unit = c.joinGapSeconds() > 0 ? "bouts" : "segments";
        String gap = c.joinGapSeconds() > 0 ? String.format(Locale.ROOT, " (syllables ≤ %.0f ms apart joined%s)",
                1000 * c.joinGapSeconds(), building != null && Double.isNaN(building.joinGapMs())
                        ? ", gap chosen from the data" : "") : "";
        summary.setText(String.format(Locale.ROOT, "%d %s%s (%d too short, skipped), %d frames, %.1f s; "
                        + "%d values per frame; validation %d %s, training %d", n, unit, gap, c.skippedSegments(),
                c.dataset().totalFrames(), c.durationSeconds(), c.dataset().nVisible(), nVal, unit, n - nVal));
    }

    private void showExample() {
        Corpus c = corpus.get();
        Integer i = example.getValue();
        if (c == null || i == null || i < 0 || i >= c.dataset().size()) {
            return;
        }
        float[][] frames = c.dataset().sequences().get(i);
        int t = frames.length;
        int f = c.dataset().nVisible();
        int[] argb = new int[t * f];
        for (int x = 0; x < t; x++) {
            for (int y = 0; y < f; y++) {
                argb[(f - 1 - y) * t + x] = ColorMap.VIRIDIS.argb(frames[x][y]);
            }
        }
        WritableImage img = new WritableImage(t, f);
        img.getPixelWriter().setPixels(0, 0, t, f, PixelFormat.getIntArgbInstance(), argb, 0, t);
        preview.setImage(img);
        CorpusSegment s = c.segments().get(i);
        exampleInfo.setText(String.format(Locale.ROOT, "%d frames × %d values — %s %.3f–%.3f s %s", t, f,
                Path.of(s.recording()).getFileName(), s.startFrame() / s.sampleRateHz(),
                s.endFrame() / s.sampleRateHz(), s.label()));
    }

    /** Called by the poll timer: shows the build's progress. */
    void poll() {
        if (job != null) {
            progress.setProgress(job.progress());
        }
    }

    /** True while a build runs. */
    boolean isBuilding() {
        return job != null;
    }
}
