package org.echoic.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.echoic.audio.Recording;
import org.echoic.corpus.Corpus;
import org.echoic.generate.FreeEnergies;
import org.echoic.generate.GeneratedSequence;
import org.echoic.generate.Realism;
import org.echoic.io.CheckpointFolder;
import org.echoic.rnnrbm.ComputeBackend;
import org.echoic.rnnrbm.RnnRbm;
import org.echoic.segment.SegmentationParams;

/**
 * The workbench's generation state: one loaded model (its ND4J arrays touched only on
 * {@link AppExecutors#model()}), batch jobs, real segments to compare with, realism figures and exports.
 * Every method returns at once; results arrive as futures completed on worker threads. Thread-safe.
 */
public final class GenerationService implements AutoCloseable {
    private final AppExecutors executors;
    private final String appVersion;
    private final SegmentationParams segmentation;
    /** Touched only on the model thread. */
    private RnnRbm model;
    private volatile GenerationPipeline.ModelInfo info;

    /**
     * @param segmentation how generated sound and real recordings are segmented (the channel is taken from it
     *                     for real recordings; generated sound is mono)
     */
    public GenerationService(AppExecutors executors, String appVersion, SegmentationParams segmentation) {
        this.executors = executors;
        this.appVersion = appVersion;
        this.segmentation = segmentation;
    }

    /** The running application's version from the jar manifest, or {@code "development"}. */
    public static String runningVersion() {
        String v = GenerationService.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    /** The loaded model's description, or null. */
    public GenerationPipeline.ModelInfo model() {
        return info;
    }

    /**
     * Loads a checkpoint on the model thread, replacing the loaded model.
     *
     * @param rateHz the audio rate when model.json stores none (NaN: 44.1 kHz)
     */
    public CompletableFuture<GenerationPipeline.ModelInfo> load(Path dir, double rateHz) {
        return executors.model().submit(() -> {
            ComputeBackend.configureForTraining();
            CheckpointFolder.Loaded l = CheckpointFolder.load(dir);
            l.optimizer().close();
            GenerationPipeline.ModelInfo i;
            try {
                i = GenerationPipeline.describe(l, rateHz, appVersion);
            } catch (IOException | RuntimeException e) {
                l.model().close();
                throw e;
            }
            if (model != null) {
                model.close();
            }
            model = l.model();
            info = i;
            return i;
        });
    }

    /** Starts a batch with the loaded model. */
    public GenerationJob generate(GenerationRequest req) {
        GenerationJob job = new GenerationJob();
        GenerationPipeline.ModelInfo mi = info;
        if (mi == null) {
            job.fail(new IllegalStateException("load a model first"));
            return job;
        }
        int total = req.count() * req.params().frames();
        executors.model().submit(() -> {
            if (model == null) {
                throw new IllegalStateException("load a model first");
            }
            job.report("Generating frames", 0);
            return GenerationPipeline.frames(model, req, (done, n) -> job.report(
                    "Generating frames " + done + " / " + total, (double) done / total));
        }).whenComplete((seqs, e) -> {
            if (e != null) {
                job.fail(unwrap(e));
                return;
            }
            job.computeTask(executors.compute().submit(() -> finish(job, seqs, mi, req)));
        });
        return job;
    }

    private void finish(GenerationJob job, List<GeneratedSequence> seqs, GenerationPipeline.ModelInfo mi,
                        GenerationRequest req) {
        try {
            String what = mi.sound().hasAudio() ? "Griffin-Lim" : "Collecting frames";
            job.report(what, 0);
            job.complete(GenerationPipeline.finish(seqs, mi, req, segmentation, f -> job.report(
                    String.format(java.util.Locale.ROOT, "%s %.0f%%", what, 100 * f), f)));
        } catch (InterruptedException | CancellationException e) {
            job.fail(new CancellationException("generation cancelled"));
        } catch (IOException | RuntimeException e) {
            job.fail(e);
        }
    }

    /** Segments a recording and builds its frames with the loaded model's settings (compute pool). */
    public CompletableFuture<Corpus> realCorpus(Recording rec, String id) {
        GenerationPipeline.ModelInfo mi = info;
        if (mi == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("load a model first"));
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                return GenerationPipeline.realCorpus(rec, id, mi, segmentation);
            } catch (IOException | InterruptedException e) {
                throw new CompletionException(e);
            }
        }, executors.compute());
    }

    /** Builds frames of given segments of a recording with the loaded model's settings (compute pool). */
    public CompletableFuture<Corpus> realCorpus(Recording rec, String id, List<org.echoic.segment.Segment> segments,
                                                int channel) {
        GenerationPipeline.ModelInfo mi = info;
        if (mi == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("load a model first"));
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                return GenerationPipeline.realCorpus(rec, id, mi, segments, channel);
            } catch (IOException | InterruptedException e) {
                throw new CompletionException(e);
            }
        }, executors.compute());
    }

    /** Segments a source (its parameters, manual edits replayed) and builds its frames (compute pool). */
    public CompletableFuture<Corpus> realCorpus(CorpusService.Source src) {
        GenerationPipeline.ModelInfo mi = info;
        if (mi == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("load a model first"));
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                return GenerationPipeline.realCorpus(src.recording(), src.id(), mi, CorpusService.segments(src, null),
                        src.params().channel());
            } catch (IOException | InterruptedException e) {
                throw new CompletionException(e);
            }
        }, executors.compute());
    }

    /**
     * A sidecar ready to replay: what it records, the loaded model and the request for its one sequence.
     *
     * @param sameModel whether the loaded weights are those the sidecar records
     */
    public record Replay(org.echoic.generate.GenerationProvenance provenance, GenerationPipeline.ModelInfo model,
                         GenerationRequest request, boolean sameModel) {
    }

    /**
     * Reads a sidecar, loads the checkpoint it names (replacing the loaded model) and builds the request that
     * makes its sequence again; run it with {@link #generate}.
     */
    public CompletableFuture<Replay> replay(Path sidecar, int fallbackIterations) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return org.echoic.io.GenerationSidecar.read(sidecar);
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, executors.io()).thenCompose(p -> load(GenerationReplay.modelDir(p), p.sampleRateHz())
                .thenApplyAsync(mi -> {
                    try {
                        return new Replay(p, mi, GenerationReplay.request(p, mi, fallbackIterations),
                                GenerationReplay.sameModel(p, mi));
                    } catch (IOException | InterruptedException e) {
                        throw new CompletionException(e);
                    }
                }, executors.compute()));
    }

    /** The realism figures of a batch against a corpus: free energies on the model thread, the rest on compute. */
    public CompletableFuture<Realism> realism(List<GeneratedItem> items, Corpus corpus) {
        GenerationPipeline.ModelInfo mi = info;
        if (mi == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("load a model first"));
        }
        return executors.model().submit(() -> {
            List<float[][]> gen = new ArrayList<>();
            items.forEach(i -> gen.add(GenerationPipeline.generatedPart(i.sequence())));
            return new double[][] {FreeEnergies.of(model, gen),
                    FreeEnergies.of(model, GenerationPipeline.realSequences(corpus))};
        }).thenApplyAsync(f -> GenerationPipeline.realism(items, corpus, mi, f[0], f[1]), executors.compute());
    }

    /** Writes the items' files into {@code dir} on the I/O thread. */
    public CompletableFuture<List<Path>> export(Path dir, List<GeneratedItem> items,
                                                GenerationExporter.Options options) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return GenerationExporter.exportAll(dir, items, options);
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, executors.io());
    }

    private static Throwable unwrap(Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }

    /** Frees the loaded model on the model thread (nothing to do once the executors are closed). */
    @Override
    public void close() {
        info = null;
        try {
            executors.model().submit(() -> {
                if (model != null) {
                    model.close();
                    model = null;
                }
                return null;
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            model = null;
        }
    }
}
