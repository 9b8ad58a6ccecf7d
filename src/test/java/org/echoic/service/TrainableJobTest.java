package org.echoic.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Any trainable job on the one training service: its curves, pause with model tasks between batches, stop, failure. */
class TrainableJobTest {
    private static final TrainingCurves CURVES = new TrainingCurves(List.of("Loss", "Accuracy"),
            List.of("Loss (epoch)", "Validation loss"), List.of("Validation loss"));

    private final ModelThread thread = new ModelThread();
    private final TrainingService service = new TrainingService(thread, "test");

    @AfterEach
    void tearDown() {
        service.close();
        thread.close();
    }

    /** Counts batches of 10 per epoch; loss 1/(step+1); writes a "checkpoint" (counted) after each epoch and on stop. */
    private static final class CountingJob implements TrainableJob {
        final int epochs;
        volatile int stepsDone;
        volatile boolean failAtStart;

        CountingJob(int epochs) {
            this.epochs = epochs;
        }

        @Override
        public TrainingCurves curves() {
            return CURVES;
        }

        @Override
        public Path runDir() {
            return Path.of("run");
        }

        @Override
        public Outcome train(TrainingSession session) throws IOException {
            if (failAtStart) {
                throw new IOException("run: cannot read the data");
            }
            session.begin(0, epochs, epochs, 0);
            for (int e = 0; e < epochs; e++) {
                for (int b = 0; b < 10; b++) {
                    if (session.stopRequested()) {
                        session.checkpointWritten(runDir());
                        return Outcome.STOPPED;
                    }
                    stepsDone++;
                    double progress = stepsDone / (10.0 * epochs);
                    session.batch(new TrainingSession.Batch(e, b, 10, new double[] {1.0 / stepsDone, progress}, 5,
                            1e-3, false, 0, stepsDone * 1e-3, Double.NaN, progress));
                }
                session.checkpointWritten(runDir());
                session.epoch(e, new double[] {1.0 / stepsDone, e == 0 ? Double.NaN : 2.0 / stepsDone});
            }
            return Outcome.COMPLETED;
        }
    }

    @Test
    void aJobCompletesWithItsCurvesEpochsAndCheckpoints() throws Exception {
        CountingJob job = new CountingJob(3);
        assertEquals(TrainingService.State.COMPLETED, service.start(job).get(30, TimeUnit.SECONDS));
        MetricsBuffer.Drained d = service.metrics().drain();
        assertEquals(CURVES, d.curves());
        assertEquals(30, d.batches().size());
        assertEquals(3.0, d.batches().get(29).position(), 1e-12);
        assertEquals(1.0 / 30, d.batches().get(29).value(0), 1e-12);
        assertEquals(3, d.epochs().size());
        assertArrayEquals(new double[] {0.1, Double.NaN}, d.epochs().get(0).values(), 1e-12);
        assertEquals(3, service.checkpointsWritten());
        assertEquals(Path.of("run"), service.latestCheckpoint().orElseThrow());
        TrainingStatus s = service.status();
        assertEquals(2, s.epoch());
        assertEquals(3, s.totalEpochs());
        assertEquals(150, s.framesPerSecond() * s.elapsedSeconds(), 1e-6, "frames/s counts the job's frames");
        assertTrue(s.message().contains("complete"), s.message());
    }

    @Test
    void pausedJobsRunModelTasksAndStopWithACheckpoint() throws Exception {
        CountingJob job = new CountingJob(1_000_000);
        var done = service.start(job);
        TrainingServiceTest.await(() -> job.stepsDone >= 3, "first batches");
        service.pause();
        TrainingServiceTest.await(() -> service.status().state() == TrainingService.State.PAUSED, "pause");
        int paused = job.stepsDone;
        assertEquals("ran", thread.submit(() -> "ran").get(10, TimeUnit.SECONDS));
        assertEquals(paused, job.stepsDone, "no batch while paused");
        service.resume();
        TrainingServiceTest.await(() -> job.stepsDone > paused, "batches after resume");
        assertEquals(TrainingService.State.STOPPED, service.stop().get(30, TimeUnit.SECONDS));
        assertTrue(done.isDone());
        assertTrue(service.checkpointsWritten() >= 1, "the stop's checkpoint");
    }

    @Test
    void aFailingJobReportsItsMessageAndFreesTheService() throws Exception {
        CountingJob bad = new CountingJob(1);
        bad.failAtStart = true;
        assertEquals(TrainingService.State.FAILED, service.start(bad).get(30, TimeUnit.SECONDS));
        assertTrue(service.status().message().contains("cannot read the data"), service.status().message());
        assertEquals(TrainingService.State.COMPLETED, service.start(new CountingJob(1)).get(30, TimeUnit.SECONDS));
    }
}
