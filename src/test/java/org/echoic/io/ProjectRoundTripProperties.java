package org.echoic.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import org.echoic.dsp.ColorMap;
import org.echoic.dsp.StftParams;
import org.echoic.dsp.WindowFunction;
import org.echoic.project.OpaqueItem;
import org.echoic.project.Project;
import org.echoic.project.ProjectRecording;
import org.echoic.project.SpectrogramSettings;
import org.echoic.project.ViewState;
import org.echoic.segment.SegmentationFingerprint;
import org.echoic.segment.SegmentationParams;

/** Every project state (and so every DTO) survives JSON unchanged: core → DTO → JSON → DTO → core. */
class ProjectRoundTripProperties {
    private static final Path PROJECT = Paths.get("/data/birds/projects/p.echoic.json").toAbsolutePath();
    private static final ObjectMapper PLAIN = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    @Property(tries = 300)
    void projectsRoundTrip(@ForAll long seed) throws Exception {
        Project p = randomProject(new Random(seed));
        String json = ProjectFiles.toJson(p, PROJECT.getParent());
        Project back = ProjectFiles.parse(json.getBytes(StandardCharsets.UTF_8), PROJECT, RecordingFolders.NONE, new ArrayList<>()).project();
        assertEquals(p, back);
        assertEquals(json, ProjectFiles.toJson(back, PROJECT.getParent()));
    }

    @Property(tries = 300)
    void dtosRoundTripThroughJson(@ForAll long seed) throws Exception {
        Project p = randomProject(new Random(seed));
        ProjectDto dto = ProjectDto.from(p, PROJECT.getParent(), "test");
        assertEquals(dto, PLAIN.readValue(PLAIN.writeValueAsString(dto), ProjectDto.class));
        for (RecordingDto r : dto.recordings()) {
            assertEquals(r, PLAIN.readValue(PLAIN.writeValueAsString(r), RecordingDto.class));
            assertEquals(r.segmentation(), PLAIN.readValue(PLAIN.writeValueAsString(r.segmentation()),
                    SegmentationParamsDto.class));
        }
        assertEquals(dto.spectrogram(), PLAIN.readValue(PLAIN.writeValueAsString(dto.spectrogram()),
                SpectrogramSettingsDto.class));
        assertEquals(dto.view(), PLAIN.readValue(PLAIN.writeValueAsString(dto.view()), ViewStateDto.class));
        assertEquals(p.spectrogram(), dto.spectrogram().toCore());
        assertEquals(p.view(), dto.view().toCore());
    }

    static Project randomProject(Random r) {
        List<ProjectRecording> recs = new ArrayList<>();
        int n = r.nextInt(5);
        for (int i = 0; i < n; i++) {
            recs.add(randomRecording(r, i));
        }
        ViewState view = n == 0 || r.nextBoolean() ? ViewState.NONE
                : new ViewState(r.nextInt(n), r.nextInt(1000) * 0.5, 1000 + r.nextDouble() * 1e6, r.nextInt(3) - 1);
        SpectrogramSettings spec = new SpectrogramSettings(randomStft(r),
                ColorMap.values()[r.nextInt(ColorMap.values().length)], r.nextBoolean() ? Double.NaN : -r.nextInt(120),
                1 + r.nextInt(120), List.copyOf(SpectrogramSettings.AXES).get(r.nextInt(3)));
        return new Project(recs, spec, view, items(r), items(r), items(r), items(r),
                r.nextBoolean() ? new OpaqueItem(null) : new OpaqueItem(Map.of("zNewSection", items(r).size())));
    }

    private static StftParams randomStft(Random r) {
        int nperseg = 2 + r.nextInt(4096);
        WindowFunction w = switch (r.nextInt(3)) {
            case 0 -> WindowFunction.HANN;
            case 1 -> new WindowFunction(WindowFunction.Kind.TUKEY, r.nextDouble());
            default -> new WindowFunction(WindowFunction.Kind.BLACKMAN, 0);
        };
        return new StftParams(nperseg, r.nextInt(nperseg), nperseg + r.nextInt(4096), w,
                StftParams.Detrend.values()[r.nextInt(2)], StftParams.Scaling.values()[r.nextInt(2)],
                StftParams.Mode.values()[r.nextInt(3)]);
    }

    private static ProjectRecording randomRecording(Random r, int i) {
        String[] places = {"a.wav", "rec/b c.wav", "../other/ü.flac", "../../x/y/z.aiff", "deep/er/" + i + ".wav"};
        Path path = PROJECT.getParent().resolve(places[r.nextInt(places.length)] + i);
        boolean hashed = r.nextBoolean();
        String sha = hashed ? hex(r) : null;
        double lo = r.nextBoolean() ? Double.NaN : r.nextInt(5000);
        SegmentationParams params = new SegmentationParams(0.5 + r.nextInt(50), r.nextInt(101),
                r.nextBoolean() ? Double.NaN : -r.nextInt(90) - r.nextDouble(), r.nextInt(10), r.nextInt(100),
                100 + r.nextInt(1000), r.nextDouble() * 10, r.nextInt(3) - 1, lo,
                Double.isNaN(lo) ? Double.NaN : lo + 1 + r.nextInt(10000));
        SegmentationFingerprint f = r.nextBoolean() ? null : new SegmentationFingerprint(r.nextInt(10000), hex(r));
        List<Path> annotations = r.nextBoolean() ? List.of()
                : List.of(path.resolveSibling("t" + i + ".Table.1.selections.txt"));
        return new ProjectRecording(path, hashed ? r.nextInt(Integer.MAX_VALUE) * 7L : -1, sha,
                new double[] {8000, 22050, 44100, 250000, 384000.5}[r.nextInt(5)], 1 + r.nextInt(8), params, f,
                annotations, items(r));
    }

    private static List<OpaqueItem> items(Random r) {
        List<OpaqueItem> out = new ArrayList<>();
        for (int i = r.nextInt(3); i > 0; i--) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", "item" + r.nextInt(100));
            m.put("count", r.nextInt(1000));
            m.put("rate", r.nextDouble());
            m.put("flag", r.nextBoolean());
            m.put("none", null);
            m.put("list", List.of(r.nextInt(9), "s", Map.of("k", r.nextDouble())));
            out.add(new OpaqueItem(m));
        }
        return out;
    }

    private static String hex(Random r) {
        byte[] b = new byte[32];
        r.nextBytes(b);
        return java.util.HexFormat.of().formatHex(b);
    }
}
