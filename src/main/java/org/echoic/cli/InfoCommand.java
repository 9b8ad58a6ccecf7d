package org.echoic.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.echoic.audio.MappedPcmRecording;
import org.echoic.audio.Recording;
import org.echoic.io.AudioFileException;
import org.echoic.io.AudioFiles;
import org.echoic.io.Json;
import org.echoic.service.RecordingService;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code echoic info FILE|FOLDER…}: one JSON line per readable file (folders are searched recursively for audio
 * files by extension) with its container, encoding, bits, channels,
 * rate, frames and duration; one {@code echoic: <path>: <problem>} line on stderr per bad file. Exit 0 when
 * every file was read, 2 when any was bad.
 */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Print the format of audio files as JSON, one line per file.")
public final class InfoCommand implements Callable<Integer> {

    /** The JSON line printed for one file. */
    public record FileInfo(String path, String container, String encoding, int bitsPerSample, int channels,
            double sampleRateHz, long frames, double durationSeconds) {
    }

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR",
            description = "Audio files (WAV, RF64, Wave64, AIFF, FLAC), or folders searched recursively for them.")
    List<Path> files;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean bad = false;
        for (Path file : expand(files)) {
            try (Recording r = AudioFiles.open(file)) {
                out.println(Json.line(describe(file, r)));
            } catch (AudioFileException e) {
                err.println("echoic: " + e.getMessage());
                bad = true;
            }
            out.flush();
            err.flush();
        }
        return bad ? EchoicCli.EXIT_BAD_INPUT : 0;
    }

    private static List<Path> expand(List<Path> inputs) throws IOException {
        List<Path> all = new java.util.ArrayList<>();
        for (Path in : inputs) {
            all.addAll(RecordingService.expand(in));
        }
        return all;
    }

    /** The reported facts of an open recording. */
    public static FileInfo describe(Path file, Recording r) {
        int bits = r instanceof MappedPcmRecording m ? m.bitsPerSample() : r.encoding().bitsPerSample();
        return new FileInfo(file.toString(), r.container(), r.encoding().label(), bits, r.channels(),
                r.sampleRateHz(), r.frames(), r.durationSeconds());
    }
}
