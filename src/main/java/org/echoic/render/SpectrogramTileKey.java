package org.echoic.render;

import org.echoic.dsp.StftParams;

/**
 * Identifies one cached spectrogram tile: {@link SpectrogramTileCache#TILE_COLUMNS} columns at a
 * level of detail, where column {@code c} of level {@code L} is the maximum of STFT frames
 * {@code [c * 2^L, (c + 1) * 2^L)}. The tile starts at STFT frame {@code tileIndex * TILE_COLUMNS * 2^L},
 * i.e. at sample {@link #startSample()}. Immutable value.
 *
 * @param recordingKey identifies the recording (e.g. its path); compared with {@code equals}
 * @param channel      channel index or {@code Recording.MEAN_CHANNEL}
 * @param params       STFT settings (PSD or magnitude mode)
 * @param level        level of detail, 0 = one STFT frame per column
 * @param tileIndex    index of the tile at this level
 */
public record SpectrogramTileKey(Object recordingKey, int channel, StftParams params, int level, long tileIndex) {

    public SpectrogramTileKey {
        if (level < 0 || level > 30 || tileIndex < 0) {
            throw new IllegalArgumentException("bad tile level " + level + " or index " + tileIndex);
        }
        if (params.mode() == StftParams.Mode.COMPLEX) {
            throw new IllegalArgumentException("spectrogram tiles need PSD or magnitude mode");
        }
    }

    /** STFT frames combined in one column: {@code 2^level}. */
    public long framesPerColumn() {
        return 1L << level;
    }

    /** First STFT frame of the tile. */
    public long firstFrame() {
        return tileIndex * SpectrogramTileCache.TILE_COLUMNS * framesPerColumn();
    }

    /** First sample of the tile's first STFT frame. */
    public long startSample() {
        return firstFrame() * params.hop();
    }
}
