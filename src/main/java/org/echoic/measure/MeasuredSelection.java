package org.echoic.measure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.echoic.segment.Annotation;

/**
 * One selection with its measurements and, when asked for, its F0 contour (null otherwise). Immutable.
 *
 * @param selection the selection as read (time range, optional band, label, attributes)
 * @param spectral  its spectral and temporal measurements
 * @param pitch     its F0 contour, or null when measured without pitch
 */
public record MeasuredSelection(Annotation selection, SpectralMeasurements spectral, PitchContour pitch) {

    public MeasuredSelection {
        if (selection == null || spectral == null) {
            throw new IllegalArgumentException("selection and measurements are required");
        }
    }

    /**
     * The selection as an annotation for a table writer: its band is the band measured, and the chosen
     * measurements (bounds excluded, since tables carry them) follow its own attributes as formatted text.
     */
    public Annotation toAnnotation(Set<Measurement> columns) {
        Map<String, String> attrs = new LinkedHashMap<>(selection.attributes());
        for (Measurement m : columns) {
            if (!m.isBound()) {
                attrs.put(m.column(), m.format(this));
            }
        }
        return new Annotation(selection.startSeconds(), selection.endSeconds(), spectral.lowHz(), spectral.highHz(),
                selection.label(), attrs);
    }
}
