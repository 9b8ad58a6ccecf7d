package org.echoic.dsp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Matplotlib's 256-entry colour maps (exact tables of matplotlib 3.6.3, generated once into the resource
 * {@code colormaps.txt} by {@code src/test/resources/scipy/generate_colormaps.py}), as opaque ARGB ints.
 * Immutable; thread-safe.
 */
public enum ColorMap {
    VIRIDIS("viridis"), MAGMA("magma"), INFERNO("inferno"), GREY("gray"),
    /** White (low) to black (high): silence is white, as on a printed sonogram. */
    GRAY_R("gray_r"),
    /** Matplotlib's sequential white-to-black map (a little darker in the middle than gray_r). */
    GREYS("Greys"),
    /** White to dark blue. */
    BLUES("Blues"),
    /** Dark blue to yellow, uniform in lightness and readable with colour-vision deficiency. */
    CIVIDIS("cividis");

    private static final Map<ColorMap, int[]> TABLES = load();

    private final String matplotlibName;

    ColorMap(String matplotlibName) {
        this.matplotlibName = matplotlibName;
    }

    /** The 256 opaque ARGB colours from low to high (a copy is not made: do not modify). */
    public int[] table() {
        return TABLES.get(this);
    }

    /** The colour for {@code value} in [0, 1] (clamped; NaN gives the lowest colour). */
    public int argb(double value) {
        int i = value > 0 ? (int) Math.min(255, value * 256) : 0;
        return TABLES.get(this)[i];
    }

    /** Parses a map's matplotlib name or enum name, ignoring case ({@code viridis}, {@code gray_r}, {@code Greys}…). */
    public static ColorMap parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (ColorMap m : values()) {
            if (m.matplotlibName.toLowerCase(Locale.ROOT).equals(n) || m.name().toLowerCase(Locale.ROOT).equals(n)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown colour map '" + name + "' (" + names() + ")");
    }

    /** The matplotlib names, comma-separated (for messages and help). */
    public static String names() {
        StringBuilder b = new StringBuilder();
        for (ColorMap m : values()) {
            b.append(b.length() == 0 ? "" : ", ").append(m.matplotlibName);
        }
        return b.toString();
    }

    /** Matplotlib's name of this map. */
    public String matplotlibName() {
        return matplotlibName;
    }

    /** True when the lowest colour is near white (silence shows white). */
    public boolean lightBackground() {
        int c = table()[0];
        return ((c >> 16 & 0xff) + (c >> 8 & 0xff) + (c & 0xff)) > 3 * 230;
    }

    private static Map<ColorMap, int[]> load() {
        Map<ColorMap, int[]> tables = new EnumMap<>(ColorMap.class);
        try (InputStream in = ColorMap.class.getResourceAsStream("colormaps.txt")) {
            if (in == null) {
                throw new IllegalStateException("resource colormaps.txt is missing");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] parts = line.trim().split(" ");
                int[] table = new int[parts.length - 1];
                for (int i = 1; i < parts.length; i++) {
                    table[i - 1] = 0xff000000 | Integer.parseInt(parts[i], 16);
                }
                for (ColorMap m : values()) {
                    if (m.matplotlibName.equals(parts[0])) {
                        tables.put(m, table);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (ColorMap m : values()) {
            if (!tables.containsKey(m) || tables.get(m).length != 256) {
                throw new IllegalStateException("colour table " + m + " missing or not 256 entries");
            }
        }
        return tables;
    }
}
