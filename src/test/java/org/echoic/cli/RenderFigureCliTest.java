package org.echoic.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;

import org.echoic.audio.Recording;
import org.echoic.io.AudioFiles;
import org.echoic.io.WavWriter;
import org.echoic.service.SpectrogramExporter;
import org.echoic.service.SpectrogramSettings;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Node;

/** {@code echoic render} figures: axes by default, {@code --no-axes} the old bare image, scale and dpi, bad options. */
class RenderFigureCliTest {
    @TempDir
    Path dir;

    private Path wav() throws Exception {
        float[] x = new float[32_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.5 * Math.sin(2 * Math.PI * (300 + 2000 * i / 32_000.0) * i / 16_000.0));
        }
        Path wav = dir.resolve("sweep.wav");
        WavWriter.write(wav, x, 16_000, WavWriter.Format.FLOAT32);
        return wav;
    }

    @Test
    void noAxesWritesExactlyTheOldBareImageAndAxesAFigureOfTheSameSize() throws Exception {
        assertTrue(GraphicsEnvironment.isHeadless(), "the figure code runs headless");
        Path wav = wav();
        Path bare = dir.resolve("bare.png");
        Path fig = dir.resolve("fig.png");
        assertEquals(0, EchoicCli.run("render", wav.toString(), "--width", "500", "--height", "200", "--no-axes",
                "--out", bare.toString()));
        assertEquals(0, EchoicCli.run("render", wav.toString(), "--width", "500", "--height", "200", "--title",
                "Sweep", "--out", fig.toString()));
        int[] old;
        try (Recording rec = AudioFiles.open(wav)) {
            old = SpectrogramExporter.render(rec, wav, Recording.MEAN_CHANNEL, SpectrogramSettings.DEFAULT, 0,
                    rec.frames(), 500, 200, null);
        }
        BufferedImage b = ImageIO.read(bare.toFile());
        int[] got = b.getRGB(0, 0, 500, 200, null, 0, 500);
        for (int i = 0; i < old.length; i++) {
            old[i] |= 0xff000000;
        }
        assertArrayEquals(old, got, "--no-axes is the bare image of before");
        BufferedImage f = ImageIO.read(fig.toFile());
        assertEquals(500, f.getWidth());
        assertEquals(200, f.getHeight());
        assertEquals(0xffffff, f.getRGB(2, 2) & 0xffffff, "the figure's page is white");
    }

    @Test
    void scaleAndDpiMultiplyTheImageAndAreRecordedInThePng() throws Exception {
        Path wav = wav();
        Path two = dir.resolve("two.png");
        Path dpi = dir.resolve("dpi.png");
        assertEquals(0, EchoicCli.run("render", wav.toString(), "--view", "waveform", "--width", "400", "--height",
                "200", "--scale", "2", "--out", two.toString()));
        assertEquals(0, EchoicCli.run("render", wav.toString(), "--width", "400", "--height", "200", "--dpi", "288",
                "--out", dpi.toString()));
        BufferedImage a = ImageIO.read(two.toFile());
        assertEquals(800, a.getWidth());
        assertEquals(400, a.getHeight());
        BufferedImage c = ImageIO.read(dpi.toFile());
        assertEquals(1200, c.getWidth());
        assertEquals(600, c.getHeight());
        assertEquals(Math.round(192 / 0.0254), pixelsPerMetre(two));
        assertEquals(Math.round(288 / 0.0254), pixelsPerMetre(dpi));
        assertEquals(2, EchoicCli.run("render", wav.toString(), "--scale", "2", "--dpi", "300", "--out",
                dir.resolve("x.png").toString()));
        assertEquals(2, EchoicCli.run("render", wav.toString(), "--width", "60", "--height", "40", "--out",
                dir.resolve("x.png").toString()));
        assertTrue(Files.notExists(dir.resolve("x.png")));
    }

    @Test
    void realRecordingsRenderWithKilohertzAxes() throws Exception {
        Path deer = Path.of("/work/shared/data/recordings/deermouse-usv/deermouse-go.wav");
        Assumptions.assumeTrue(Files.exists(deer), "real recording " + deer + " absent; skipping");
        Path out = dir.resolve("deer.png");
        assertEquals(0, EchoicCli.run("render", deer.toString(), "--axis", "mel", "--out", out.toString()));
        assertEquals(1200, ImageIO.read(out.toFile()).getWidth());
    }

    private static long pixelsPerMetre(Path png) throws Exception {
        try (ImageInputStream in = ImageIO.createImageInputStream(png.toFile())) {
            ImageReader r = ImageIO.getImageReaders(in).next();
            r.setInput(in);
            IIOMetadata m = r.getImageMetadata(0);
            Node root = m.getAsTree("javax_imageio_png_1.0");
            for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n.getNodeName().equals("pHYs")) {
                    return Long.parseLong(n.getAttributes().getNamedItem("pixelsPerUnitXAxis").getNodeValue());
                }
            }
            return -1;
        }
    }
}
