package org.echoic.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.echoic.SharedData;
import org.echoic.audio.Recording;
import org.echoic.dsp.StftParams;
import org.echoic.dsp.WindowFunction;
import org.echoic.measure.MeasuredSelection;
import org.echoic.measure.SpectralMeasurements;
import org.junit.jupiter.api.Test;

/**
 * Measurements of the shared annotated recordings (skipped when absent) against values of an independent scipy
 * implementation of the same definitions ({@code scipy.signal.spectrogram}, 512-sample Hann, 50 % overlap).
 */
class MeasurementTablesSharedTest {
    private static final StftParams P = new StftParams(512, 256, 512, WindowFunction.HANN, StftParams.Detrend.NONE,
            StftParams.Scaling.DENSITY, StftParams.Mode.PSD);

    @Test
    void chorusRavenBoxesMatchScipy() throws Exception {
        Path wav = SharedData.recording("chorus-raven/Recording_1_Segment_07-snippet.wav");
        Path table = SharedData.recording("chorus-raven/Recording_1_Segment_07-snippet.first10s.selections.txt");
        List<MeasuredSelection> m = MeasurementTables.measure(wav, table, Recording.MEAN_CHANNEL, P, null, null);
        assertEquals(9, m.size());
        SpectralMeasurements noca = m.get(0).spectral();
        assertEquals("NOCA", m.get(0).selection().label());
        assertEquals(2125, noca.peakHz(), 1e-6);
        assertEquals(2125, noca.centerFreqHz(), 1e-6);
        assertEquals(1562.5, noca.freq5Hz(), 1e-6);
        assertEquals(2812.5, noca.freq95Hz(), 1e-6);
        assertEquals(1.28, noca.peakSeconds(), 1e-9);
        for (MeasuredSelection s : m) {
            SpectralMeasurements x = s.spectral();
            assertTrue(x.freq5Hz() >= x.lowHz() && x.freq95Hz() <= x.highHz(), "percentiles inside the box");
            assertTrue(x.time5Seconds() >= x.beginSeconds() && x.time95Seconds() <= x.endSeconds());
        }
    }

    @Test
    void spinetailAudacityBandsAndDeerMouseCsvAreFound() throws Exception {
        Path spinetail = SharedData.recording("spinetail/spinetail.wav");
        Path t1 = MeasurementTables.tableBeside(spinetail).orElseThrow();
        List<MeasuredSelection> s = MeasurementTables.measure(spinetail, t1, Recording.MEAN_CHANNEL, P, null, null);
        assertEquals(18, s.size());
        assertEquals(9216.211, s.get(0).spectral().peakHz(), 0.01);
        assertEquals(6441.064453, s.get(0).spectral().lowHz(), 1e-3, "Audacity's frequency line is the band");
        Path mouse = SharedData.recording("deermouse-usv/deermouse-go.wav");
        Path t2 = MeasurementTables.tableBeside(mouse).orElseThrow();
        List<MeasuredSelection> d = MeasurementTables.measure(mouse, t2, Recording.MEAN_CHANNEL, P, null, null);
        assertEquals(6, d.size());
        assertEquals(29296.875, d.get(0).spectral().peakHz(), 0.01);
        assertEquals(125000, d.get(0).spectral().highHz(), "no band: up to Nyquist");
    }
}
