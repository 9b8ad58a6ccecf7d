package org.echoic.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleConsumer;

import org.echoic.audio.Recording;
import org.echoic.dsp.StftParams;
import org.echoic.segment.Annotation;

/**
 * Measures every selection of a recording: spectral measurements always, F0 contours when {@code pitch} is non-null.
 * A selection whose Raven {@code Channel} attribute names a channel of a multi-channel recording is measured in that
 * channel (1-based, as Raven numbers them); otherwise in {@code channel}. Stateless; runs on the calling thread.
 */
public final class Measurer {

    private Measurer() {
    }

    /**
     * @param channel  0-based channel or {@link Recording#MEAN_CHANNEL}
     * @param pitch    F0 settings, or null for no F0
     * @param progress receives the fraction done in [0, 1] after each selection (may be null)
     * @throws InterruptedException if the thread is interrupted
     */
    public static List<MeasuredSelection> measureAll(Recording rec, int channel, List<Annotation> selections,
                                                     StftParams stft, PitchParams pitch, DoubleConsumer progress)
            throws InterruptedException {
        List<MeasuredSelection> out = new ArrayList<>(selections.size());
        for (int i = 0; i < selections.size(); i++) {
            Annotation a = selections.get(i);
            int ch = channelOf(a.attributes(), rec.channels(), channel);
            SpectralMeasurements s = SpectralMeasurer.measure(rec, ch, a, stft);
            PitchContour c = pitch == null ? null : PitchTracker.track(rec, ch, a, pitch);
            out.add(new MeasuredSelection(a, s, c));
            if (progress != null) {
                progress.accept((i + 1) / (double) selections.size());
            }
        }
        return out;
    }

    static int channelOf(Map<String, String> attributes, int channels, int fallback) {
        String c = attributes.get("Channel");
        if (channels < 2 || c == null) {
            return fallback;
        }
        try {
            int one = Integer.parseInt(c.trim());
            return one >= 1 && one <= channels ? one - 1 : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
