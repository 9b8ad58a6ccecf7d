package org.echoic.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

import org.echoic.audio.ArrayRecording;
import org.echoic.audio.Recording;
import org.echoic.dsp.StftParams;
import org.echoic.io.Json;
import org.echoic.measure.MeasuredSelection;
import org.echoic.measure.Measurer;
import org.echoic.measure.PitchAlgorithm;
import org.echoic.measure.PitchContour;
import org.echoic.measure.PitchParams;
import org.echoic.measure.PitchTracker;
import org.echoic.measure.SpectralMeasurements;
import org.echoic.segment.Annotation;
import org.echoic.service.MeasurementTables;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code echoic bench measure [REC --table T]}: times the measurements (and F0) of many selections on a generated
 * 10-minute 44.1 kHz recording of chirps in noise (or REC with its table), and checks accuracy on signals of known
 * answer: a 2→4 kHz chirp's F0 (YIN and MPM) and a bin-centred tone's Peak Freq and BW 90 %. Prints one JSON object.
 */
@Command(name = "measure", mixinStandardHelpOptions = true,
        description = "Time measurements and F0 of many selections; check them on a chirp and a tone.")
public final class BenchMeasureCommand implements Callable<Integer> {
    private static final double FS = 44100;

    @Parameters(index = "0", arity = "0..1", paramLabel = "REC", description = "Recording (default: generated).")
    Path file;

    @Option(names = "--table", description = "Its selection table (default: the one beside it).")
    Path table;

    @Option(names = "--selections", defaultValue = "1000",
            description = "Selections on the generated recording (default ${DEFAULT-VALUE}).")
    int selections;

    @Mixin
    MeasureOptions options = new MeasureOptions();

    @Override
    public Integer call() throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        StftParams stft = options.stft();
        PitchParams pitch = !options.pitch
                ? new PitchParams(PitchAlgorithm.parse(options.pitchAlgorithm), options.pitchWindow, options.pitchHop,
                options.pitchMinHz, Double.POSITIVE_INFINITY, options.pitchMinConfidence) : options.pitch();
        out.put("nperseg", stft.nperseg());
        out.put("noverlap", stft.noverlap());
        out.put("pitchAlgorithm", pitch.algorithm().name().toLowerCase(java.util.Locale.ROOT));
        if (file != null) {
            Path t = table != null ? table : MeasurementTables.tableBeside(file).orElseThrow(
                    () -> new IllegalArgumentException(file + ": no selection table beside it; give --table"));
            long t0 = System.nanoTime();
            List<MeasuredSelection> m = MeasurementTables.measure(file, t, options.channel(), stft, null, null);
            double spectral = (System.nanoTime() - t0) / 1e9;
            long t1 = System.nanoTime();
            MeasurementTables.measure(file, t, options.channel(), stft, pitch, null);
            out.put("recording", file.toString());
            out.put("selections", m.size());
            out.put("spectralSeconds", spectral);
            out.put("withPitchSeconds", (System.nanoTime() - t1) / 1e9);
        } else {
            timeGenerated(out, stft, pitch);
        }
        accuracy(out, stft);
        System.out.println(Json.line(out));
        return 0;
    }

    private void timeGenerated(Map<String, Object> out, StftParams stft, PitchParams pitch)
            throws InterruptedException {
        double seconds = 600;
        float[] x = new float[(int) (seconds * FS)];
        Random rnd = new Random(1);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.01 * rnd.nextGaussian());
        }
        List<Annotation> sels = new ArrayList<>();
        double spacing = seconds / selections;
        double selectedSeconds = 0;
        for (int s = 0; s < selections; s++) {
            double begin = s * spacing + 0.05 * spacing;
            double dur = Math.min(0.9 * spacing, 0.1 + 0.4 * rnd.nextDouble());
            double f0 = 1500 + 3000 * rnd.nextDouble();
            addChirp(x, begin, dur, f0, f0 * 1.5);
            sels.add(new Annotation(begin, begin + dur, f0 * 0.8, f0 * 1.8, "call", Map.of()));
            selectedSeconds += dur;
        }
        Recording rec = new ArrayRecording(Path.of("bench.wav"), FS, x);
        long t0 = System.nanoTime();
        Measurer.measureAll(rec, Recording.MEAN_CHANNEL, sels, stft, null, null);
        double spectral = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        List<MeasuredSelection> withPitch = Measurer.measureAll(rec, Recording.MEAN_CHANNEL, sels, stft, pitch, null);
        double both = (System.nanoTime() - t1) / 1e9;
        long frames = withPitch.stream().mapToLong(m -> m.pitch().size()).sum();
        out.put("recordingSeconds", seconds);
        out.put("selections", selections);
        out.put("selectedAudioSeconds", selectedSeconds);
        out.put("spectralSeconds", spectral);
        out.put("spectralSelectionsPerSecond", selections / spectral);
        out.put("withPitchSeconds", both);
        out.put("pitchFrames", frames);
        out.put("pitchFramesPerSecond", frames / Math.max(1e-9, both - spectral));
        out.put("selectedAudioSecondsPerSecondWithPitch", selectedSeconds / both);
    }

    private static void addChirp(float[] x, double begin, double dur, double f0, double f1) {
        int a = (int) Math.round(begin * FS);
        int n = (int) Math.round(dur * FS);
        double rate = (f1 - f0) / dur;
        for (int i = 0; i < n && a + i < x.length; i++) {
            double t = i / FS;
            x[a + i] += (float) (0.3 * Math.sin(2 * Math.PI * (f0 * t + rate * t * t / 2)));
        }
    }

    /** F0 error on a 2→4 kHz chirp (largest over voiced frames, %) and a 3 kHz tone's Peak Freq and BW 90 %. */
    private static void accuracy(Map<String, Object> out, StftParams stft) throws InterruptedException {
        float[] x = new float[(int) FS];
        addChirp(x, 0.2, 0.6, 2000, 4000);
        Recording rec = new ArrayRecording(Path.of("chirp.wav"), FS, x);
        for (PitchAlgorithm a : PitchAlgorithm.values()) {
            PitchContour c = PitchTracker.track(rec, Recording.MEAN_CHANNEL, new Annotation(0.2, 0.8, ""),
                    new PitchParams(a, 1024, 256, 0, Double.POSITIVE_INFINITY, 0.5));
            double worst = 0;
            for (int i = 0; i < c.size(); i++) {
                if (c.voiced(i)) {
                    double expected = 2000 + 2000 * (c.timeSeconds(i) - 0.2) / 0.6;
                    worst = Math.max(worst, Math.abs(c.f0Hz(i) - expected) / expected * 100);
                }
            }
            String name = a.name().charAt(0) + a.name().substring(1).toLowerCase(java.util.Locale.ROOT);
            out.put("chirpF0MaxErrorPercent" + name, worst);
            out.put("chirpVoicedFraction" + name, c.voicedFraction());
        }
        float[] tone = new float[(int) FS];
        double hz = Math.round(3000 * stft.nfft() / FS) * FS / stft.nfft();
        for (int i = 0; i < tone.length; i++) {
            tone[i] = (float) (0.5 * Math.sin(2 * Math.PI * hz * i / FS));
        }
        SpectralMeasurements m = org.echoic.measure.SpectralMeasurer.measure(
                new ArrayRecording(Path.of("tone.wav"), FS, tone), Recording.MEAN_CHANNEL,
                new Annotation(0.1, 0.9, 1000, 6000, "", Map.of()), stft);
        out.put("toneHz", hz);
        out.put("tonePeakFreqHz", m.peakHz());
        out.put("toneBw90Hz", m.bandwidth90Hz());
        out.put("binHz", FS / stft.nfft());
    }
}
