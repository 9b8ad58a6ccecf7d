package org.echoic.io;

import java.util.Locale;

import org.echoic.dsp.ColorMap;
import org.echoic.project.SpectrogramSettings;

/**
 * JSON form of {@link SpectrogramSettings}: colour map and axis in lower case, an automatic dB floor as
 * {@code null}, the band's top at Nyquist as {@code null} (band: format 1.2). Missing fields take the defaults of {@link SpectrogramSettings#DEFAULT}. Immutable.
 */
public record SpectrogramSettingsDto(StftParamsDto stft, String colorMap, Double floorDb, Double rangeDb,
                                     String axis, Double minHz, Double maxHz) {

    static SpectrogramSettingsDto from(SpectrogramSettings s) {
        return new SpectrogramSettingsDto(StftParamsDto.from(s.stft()), s.colorMap().name().toLowerCase(Locale.ROOT),
                SegmentationParamsDto.nanToNull(s.floorDb()), s.rangeDb(), s.axis().toLowerCase(Locale.ROOT),
                s.minHz(), SegmentationParamsDto.nanToNull(s.maxHz()));
    }

    SpectrogramSettings toCore() {
        SpectrogramSettings d = SpectrogramSettings.DEFAULT;
        return new SpectrogramSettings(stft == null ? d.stft() : stft.toCore(),
                colorMap == null ? d.colorMap() : ColorMap.parse(colorMap), SegmentationParamsDto.nullToNan(floorDb),
                rangeDb == null ? d.rangeDb() : rangeDb, axis == null ? d.axis() : axis.toUpperCase(Locale.ROOT),
                minHz == null ? 0 : minHz, SegmentationParamsDto.nullToNan(maxHz));
    }
}
