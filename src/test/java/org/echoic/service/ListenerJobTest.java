package org.echoic.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.echoic.audio.ArrayRecording;
import org.echoic.audio.Recording;
import org.echoic.dsp.synth.CallTypeSynthesiser;
import org.echoic.dsp.synth.SynthesisedAudio;
import org.echoic.embed.FrameParams;
import org.echoic.embed.ListenerParams;
import org.echoic.io.Json;
import org.echoic.io.ListenerFiles;
import org.echoic.segment.Segment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The listener network trains in the training service: live curves, a checkpoint per epoch, embeddings at the end. */
class ListenerJobTest {
    @TempDir
    Path dir;
    private final ModelThread thread = new ModelThread();
    private final TrainingService service = new TrainingService(thread, "test");

    @AfterEach
    void close() {
        service.close();
        thread.close();
    }

    @Test
    void trainsOnTheModelThreadWithCurvesCheckpointsAndEmbeddings() throws Exception {
        SynthesisedAudio song = CallTypeSynthesiser.song(2, 3, 0);
        Recording rec = new ArrayRecording(Path.of("song.wav"), song.sampleRateHz(), song.samples());
        CorpusService.Source src = new CorpusService.Source("song.wav", rec, null, null);
        List<SegmentEmbeddings.Item> items = new ArrayList<>();
        for (SynthesisedAudio.Call c : song.calls()) {
            items.add(new SegmentEmbeddings.Item(src, items.size(), new Segment(Math.round(c.onsetSeconds()
                    * rec.sampleRateHz()), Math.round(c.offsetSeconds() * rec.sampleRateHz()), c.label()),
                    rec.sampleRateHz()));
        }
        ListenerParams p = new ListenerParams(new FrameParams(8, 8, 8, 500, 0, 60, true), 2, 4, 8, 3, 8, 1e-2, 1);
        Path run = dir.resolve("listener");
        ListenerJob job = new ListenerJob(items, Recording.MEAN_CHANNEL, p, run);
        TrainingService.State end = service.start(job).get(120, TimeUnit.SECONDS);
        assertEquals(TrainingService.State.COMPLETED, end);
        MetricsBuffer.Drained d = service.metrics().drain();
        assertEquals(ListenerJob.CURVES, d.curves());
        assertEquals(3, d.epochs().size());
        assertTrue(d.batches().size() >= 3);
        assertTrue(Files.size(run.resolve(ListenerFiles.MODEL)) > 0);
        Object summary = Json.parse(Files.readString(run.resolve(ListenerFiles.SUMMARY)));
        assertEquals(3, ((java.util.Map<?, ?>) summary).get("epochs"));
        assertNotNull(job.embeddings());
        assertEquals(items.size(), job.embeddings().length);
        assertEquals(4, job.embeddings()[0].length);
    }
}
