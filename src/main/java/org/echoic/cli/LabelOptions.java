package org.echoic.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.echoic.io.AnnotationFormat;
import org.echoic.label.FeatureSpec;
import org.echoic.label.LabelNetwork;
import org.echoic.label.TrainingParams;
import org.echoic.segment.Annotation;
import org.echoic.service.LabelTables;

import picocli.CommandLine.Option;

/** The options {@code annotate} and {@code classify} share: features, network and training (defaults in brackets). */
final class LabelOptions {
    @Option(names = "--network", defaultValue = "bilstm",
            description = "simple-rnn, gru, lstm, bilstm or cnn-bilstm [${DEFAULT-VALUE}].")
    String network;

    @Option(names = "--features", defaultValue = "spectrogram",
            description = "spectrogram (log power in the band), mel or mfcc [${DEFAULT-VALUE}].")
    String features;

    @Option(names = "--window-ms", defaultValue = "8", description = "STFT window in ms [${DEFAULT-VALUE}].")
    double windowMs;

    @Option(names = "--hop-ms", defaultValue = "2", description = "Frame hop in ms [${DEFAULT-VALUE}].")
    double hopMs;

    @Option(names = "--band", defaultValue = "500:10000", description = "LOW:HIGH Hz kept [${DEFAULT-VALUE}].")
    String band;

    @Option(names = "--bands", defaultValue = "64", description = "Mel bands (mel, mfcc) [${DEFAULT-VALUE}].")
    int bands;

    @Option(names = "--coefficients", defaultValue = "20", description = "MFCCs kept [${DEFAULT-VALUE}].")
    int coefficients;

    @Option(names = "--normalise", defaultValue = "feature",
            description = "feature (standardise each value over the training frames), frame or none [${DEFAULT-VALUE}].")
    String normalise;

    @Option(names = "--hidden", defaultValue = "64", description = "Recurrent units per direction [${DEFAULT-VALUE}].")
    int hidden;

    @Option(names = "--learning-rate", defaultValue = "2e-3", description = "Adam's rate [${DEFAULT-VALUE}].")
    double learningRate;

    @Option(names = "--window-frames", description = "Frames per window [256 for annotate, 96 for classify].")
    Integer windowFrames;

    @Option(names = "--batch", defaultValue = "8", description = "Windows per batch [${DEFAULT-VALUE}].")
    int batch;

    @Option(names = "--epochs", defaultValue = "8", description = "Most epochs [${DEFAULT-VALUE}].")
    int epochs;

    @Option(names = "--patience", defaultValue = "3",
            description = "Early stopping: epochs without a better validation loss [${DEFAULT-VALUE}].")
    int patience;

    @Option(names = "--validation", defaultValue = "0.2",
            description = "Fraction held out for validation [${DEFAULT-VALUE}].")
    double validation;

    @Option(names = "--class-weights", defaultValue = "sqrt",
            description = "none, balanced (inverse frequency) or sqrt (its square root) [${DEFAULT-VALUE}].")
    String classWeights;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of weights, shuffling and split [${DEFAULT-VALUE}].")
    long seed;

    FeatureSpec featureSpec() {
        String[] b = band.split(":");
        if (b.length != 2) {
            throw new IllegalArgumentException("--band must be LOW:HIGH in Hz: " + band);
        }
        return new FeatureSpec(FeatureSpec.Kind.valueOf(features.toUpperCase(Locale.ROOT)), windowMs, hopMs,
                Double.parseDouble(b[0]), Double.parseDouble(b[1]), bands, coefficients,
                FeatureSpec.Normalisation.valueOf(normalise.toUpperCase(Locale.ROOT)));
    }

    TrainingParams params(int defaultWindowFrames) {
        return new TrainingParams(LabelNetwork.parse(network), new LabelNetwork.Settings(hidden, learningRate, seed),
                windowFrames == null ? defaultWindowFrames : windowFrames, batch, epochs, patience, validation,
                TrainingParams.ClassWeighting.valueOf(classWeights.toUpperCase(Locale.ROOT)));
    }

    /** The table {@code <name>.csv} / Raven / Audacity of {@code recording} in {@code outDir}. */
    static Path tablePath(Path outDir, Path recording, AnnotationFormat format) {
        return LabelTables.path(outDir, recording, format);
    }

    /** Writes {@code rows} to {@code target}, refusing to overwrite {@code input} (the table read). */
    static void writeTable(Path target, Path input, List<Annotation> rows, AnnotationFormat format, double nyquistHz)
            throws IOException {
        try {
            LabelTables.write(target, input, rows, format, nyquistHz);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " (--out)");
        }
    }

    static AnnotationFormat format(String name) {
        try {
            return AnnotationFormat.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--format must be csv, raven or audacity: " + name);
        }
    }

    /** One JSON line on {@code err}, flushed. */
    static void log(PrintWriter err, String json) {
        err.println(json);
        err.flush();
    }
}
