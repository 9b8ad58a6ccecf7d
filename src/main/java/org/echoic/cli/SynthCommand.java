package org.echoic.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.echoic.dsp.synth.BirdSongSynthesiser;
import org.echoic.dsp.synth.CallTypeSynthesiser;
import org.echoic.dsp.synth.FinchSongSynthesiser;
import org.echoic.dsp.synth.SynthesisedAudio;
import org.echoic.dsp.synth.UltrasonicSynthesiser;
import org.echoic.dsp.synth.VariableFinchSynthesiser;
import org.echoic.io.AtomicFiles;
import org.echoic.io.WavWriter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code echoic synth}: writes a synthetic recording (16-bit WAV) and, beside it, the true call intervals as a
 * CSV ({@code onset_s,offset_s,label}, seconds with 6 decimals) for testing segmentation and playback.
 */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = "Synthesise a test recording (bird song or rodent ultrasound) and its true call intervals.")
public final class SynthCommand implements Callable<Integer> {

    /** What to synthesise. */
    enum Kind { bird, ultrasonic, finch, calltypes, variable }

    @Option(names = "--kind", required = true, description = "bird (44.1 kHz song), ultrasonic (250 kHz calls), "
            + "finch (32 kHz Bengalese-finch-like song with labelled syllable types i, a–f) or "
            + "calltypes (a folder of 32 kHz songs of known syllable types, labelled a, b, …) or variable (the same "
            + "with 8–12 alike, imbalanced types, hand-segment boundaries and --background noise).")
    Kind kind;

    @Option(names = "--bird-seed", defaultValue = "1", description = "finch: which bird (its syllable types).")
    long birdSeed;

    @Option(names = "--count", defaultValue = "1", description = "finch: recordings to write; with more than one, "
            + "--out is a folder that gets song-001.wav, song-002.wav, … (seeds --seed, --seed+1, …).")
    int count;

    @Option(names = "--seconds", description = "Duration in seconds (default: 30 for bird, 5 for ultrasonic).")
    Double seconds;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed; the same seed gives the same file.")
    long seed;

    @Option(names = "--songs", description = "calltypes: how many songs (default ${DEFAULT-VALUE}).")
    int songs = 35;

    @Option(names = "--types", description = "calltypes, variable: syllable types (default 8 and 10).")
    Integer types;

    @Option(names = "--background", arity = "1..*", description = "variable: 32 kHz recordings whose sound lies "
            + "under every song (e.g. the non-song parts of real recordings); default: pink noise only.")
    java.util.List<Path> background = java.util.List.of();

    @Option(names = "--out", required = true, description = "The WAV file to write, the CSV goes beside it (for "
            + "finch with --count above 1 and for calltypes: the folder of the songs and their CSVs).")
    Path out;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (kind == Kind.calltypes || kind == Kind.variable) {
            return writeSongs();
        }
        if (count > 1) {
            if (kind != Kind.finch) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--count needs --kind finch");
            }
            java.nio.file.Files.createDirectories(out);
            for (int i = 0; i < count; i++) {
                write(out.resolve(String.format(Locale.ROOT, "song-%03d.wav", i + 1)),
                        FinchSongSynthesiser.synthesise(seconds == null ? 20 : seconds, birdSeed, seed + i));
            }
            return 0;
        }
        SynthesisedAudio audio = switch (kind) {
            case bird -> BirdSongSynthesiser.synthesise(
                    seconds == null ? BirdSongSynthesiser.DEFAULT_SECONDS : seconds, seed);
            case ultrasonic -> UltrasonicSynthesiser.synthesise(
                    seconds == null ? UltrasonicSynthesiser.DEFAULT_SECONDS : seconds, seed);
            case finch -> FinchSongSynthesiser.synthesise(seconds == null ? 20 : seconds, birdSeed, seed);
            case calltypes, variable -> throw new IllegalStateException();
        };
        write(out, audio);
        return 0;
    }

    private void write(Path out, SynthesisedAudio audio) throws IOException {
        Path csv = truthPath(out);
        WavWriter.write(out, audio.samples(), audio.sampleRateHz(), WavWriter.Format.PCM16);
        writeTruth(csv, audio);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf(Locale.ROOT, "wrote %s (%.3f s at %.0f Hz) and %s (%d calls)%n", out,
                audio.durationSeconds(), audio.sampleRateHz(), csv, audio.calls().size());
        stdout.flush();
    }

    private int writeSongs() throws IOException {
        if (songs < 1) {
            throw new IllegalArgumentException("--songs must be at least 1");
        }
        int typeCount = types != null ? types : kind == Kind.variable ? VariableFinchSynthesiser.DEFAULT_TYPES
                : CallTypeSynthesiser.DEFAULT_TYPES;
        float[] noise = kind == Kind.variable ? BackgroundNoise.read(background,
                VariableFinchSynthesiser.SAMPLE_RATE_HZ) : null;
        java.nio.file.Files.createDirectories(out);
        int calls = 0;
        for (int s = 0; s < songs; s++) {
            SynthesisedAudio audio = kind == Kind.variable ? VariableFinchSynthesiser.song(seed, typeCount, s, noise)
                    : CallTypeSynthesiser.song(seed, typeCount, s);
            Path wav = out.resolve(String.format(Locale.ROOT, "song-%02d.wav", s + 1));
            WavWriter.write(wav, audio.samples(), audio.sampleRateHz(), WavWriter.Format.PCM16);
            writeTruth(truthPath(wav), audio);
            calls += audio.calls().size();
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf(Locale.ROOT, "wrote %d songs of %d syllable types (%d syllables) to %s%n", songs, typeCount, calls,
                out);
        stdout.flush();
        return 0;
    }

    /** {@code song.wav} → {@code song.csv} in the same folder. */
    static Path truthPath(Path wav) {
        String name = wav.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return wav.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".csv");
    }

    static void writeTruth(Path csv, SynthesisedAudio audio) throws IOException {
        StringBuilder text = new StringBuilder("onset_s,offset_s,label\n");
        for (SynthesisedAudio.Call call : audio.calls()) {
            text.append(String.format(Locale.ROOT, "%.6f,%.6f,%s\n", call.onsetSeconds(), call.offsetSeconds(),
                    call.label()));
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(csv, o -> o.write(bytes));
    }
}
