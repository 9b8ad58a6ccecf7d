package org.echoic.ui.generate;

import org.echoic.ui.common.Buttons;
import org.echoic.ui.lanes.PlaybackBar;

import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import javafx.scene.control.Button;
import javafx.scene.layout.FlowPane;

import org.echoic.audio.ArrayRecording;
import org.echoic.audio.Recording;
import org.echoic.corpus.CorpusSegment;
import org.echoic.service.GeneratedItem;
import org.echoic.service.Playback;
import org.echoic.service.PlaybackUnavailableException;

/**
 * The Generate tab's listening controls: play the chosen generated sequence (A) or real segment (B), A/B
 * alternately, stop, loop, and the workbench's playback modes (normal, time expansion, heterodyne). Without an
 * audio device the problem is reported, nothing fails. JavaFX thread only.
 */
final class GenerationPlayer extends FlowPane {
    private final Playback playback;
    private final GenerationGallery gallery;
    private final Function<CorpusSegment, Recording> realRecording;
    private final Supplier<String> noAudioReason;
    private final Consumer<String> status;
    private final PlaybackBar bar = new PlaybackBar();
    private boolean nextIsB;

    /**
     * @param realRecording the open recording a real segment of the gallery comes from (null: not open)
     * @param noAudioReason why the loaded model has no sound
     * @param status        shows a message to the user
     */
    GenerationPlayer(Playback playback, GenerationGallery gallery, Function<CorpusSegment, Recording> realRecording,
                     Supplier<String> noAudioReason, Consumer<String> status) {
        super(4, 4);
        this.playback = playback;
        this.gallery = gallery;
        this.realRecording = realRecording;
        this.noAudioReason = noAudioReason;
        this.status = status;
        bar.play.setId("playGenerated");
        bar.play.setText("▶ A");
        bar.play.setOnAction(e -> playGenerated());
        bar.stop.setId("stopGenerated");
        bar.stop.setOnAction(e -> playback.stop());
        Button playReal = Buttons.button("▶ B", "playReal", "Play the chosen real segment (B)");
        playReal.setOnAction(e -> playReal());
        Button ab = Buttons.button("A/B", "playAB", "Play A, then B on the next press, and so on");
        ab.setOnAction(e -> playAB());
        getChildren().addAll(bar.play, playReal, ab, bar.stop, bar.loop, bar.mode, bar.expansion, bar.carrierKHz);
    }

    void playGenerated() {
        GeneratedItem it = gallery.selectedGeneratedProperty().get();
        if (it == null) {
            status.accept("Generate a batch first");
        } else if (it.audio() == null) {
            status.accept("No sound: " + noAudioReason.get());
        } else {
            float[] x = it.audio().samples();
            play(new ArrayRecording(java.nio.file.Path.of(it.name() + ".wav"), it.audio().sampleRateHz(), x), 0,
                    x.length);
        }
    }

    void playReal() {
        Integer i = gallery.selectedRealProperty().get();
        if (i == null || gallery.corpus() == null) {
            status.accept("No real segment to play: show a recording and generate");
            return;
        }
        CorpusSegment s = gallery.corpus().segments().get(i);
        Recording rec = realRecording.apply(s);
        if (rec == null) {
            status.accept("No real segment to play: show its recording " + s.recording());
            return;
        }
        play(rec, s.startFrame(), s.endFrame());
    }

    private void playAB() {
        if (nextIsB) {
            playReal();
        } else {
            playGenerated();
        }
        nextIsB = !nextIsB;
    }

    private void play(Recording rec, long start, long end) {
        bar.fitTo(rec.sampleRateHz());
        try {
            playback.play(rec, Recording.MEAN_CHANNEL, start, end, bar.params());
            status.accept("Playing");
        } catch (PlaybackUnavailableException | IllegalArgumentException e) {
            status.accept("Cannot play: " + e.getMessage());
        }
    }
}
