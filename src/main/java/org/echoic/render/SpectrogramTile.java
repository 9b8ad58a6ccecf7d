package org.echoic.render;

/**
 * One computed tile: per column the maximum over its STFT frames of each bin, in dB
 * ({@code 10 log10} of PSD, {@code 20 log10} of magnitude), time-major ({@code db[column * bins + bin]}).
 * Columns past the end of the recording are absent ({@code columns} may be below TILE_COLUMNS).
 * Immutable once built; thread-safe.
 *
 * @param key     what the tile shows
 * @param columns valid columns
 * @param bins    frequency bins per column
 * @param db      the values (do not modify)
 */
public record SpectrogramTile(SpectrogramTileKey key, int columns, int bins, float[] db) {

    /** Heap bytes held by the values. */
    public long bytes() {
        return 4L * db.length + 64;
    }
}
