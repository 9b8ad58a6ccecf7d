package org.echoic.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.echoic.label.FrameLabels;
import org.echoic.label.LabelMetrics;
import org.echoic.segment.Agreement;
import org.echoic.segment.Annotation;

/**
 * How a frame labeller's output on one recording compares with its true table: frame error (background included),
 * syllable error rate raw (every run of one class is a segment) and after the clean-up, and onset/offset agreement
 * (both within ±10 ms or ±20 ms, one-to-one, labels ignored) raw and cleaned. Immutable.
 *
 * @param frames     frames scored
 * @param wrong      frames whose most probable class differs from the true one (before the clean-up)
 * @param serRaw     syllable error rate of the raw segments
 * @param serCleaned syllable error rate after the clean-up
 * @param raw10      agreement of the raw segments at ±10 ms
 * @param raw20      … at ±20 ms
 * @param clean10    agreement of the cleaned segments at ±10 ms
 * @param clean20    … at ±20 ms
 */
public record LabelScore(long frames, long wrong, double serRaw, double serCleaned, Agreement.Result raw10,
                         Agreement.Result raw20, Agreement.Result clean10, Agreement.Result clean20) {

    /** Scores {@code p} against {@code truth} with the model's {@code classes}. */
    public static LabelScore of(LabelApply.Prediction p, List<Annotation> truth, List<String> classes) {
        int[] t = FrameLabels.of(p.grid(), truth, classes);
        long wrongRaw = Math.round(LabelMetrics.frameError(t, p.raw()) * t.length);
        return new LabelScore(t.length, wrongRaw, LabelMetrics.syllableErrorRate(truth, p.rawSegments()),
                LabelMetrics.syllableErrorRate(truth, p.segments()), Agreement.compare(truth, p.rawSegments(), 0.010),
                Agreement.compare(truth, p.rawSegments(), 0.020), Agreement.compare(truth, p.segments(), 0.010),
                Agreement.compare(truth, p.segments(), 0.020));
    }

    /**
     * Totals over recordings: frame error over all frames, syllable error rates averaged over recordings (as vak
     * reports them), F1 from the pooled matches.
     */
    public static Map<String, Object> summary(List<LabelScore> scores) {
        long frames = 0;
        long wrong = 0;
        double serRaw = 0;
        double serClean = 0;
        for (LabelScore s : scores) {
            frames += s.frames();
            wrong += s.wrong();
            serRaw += s.serRaw();
            serClean += s.serCleaned();
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("recordings", scores.size());
        m.put("frameError", wrong / (double) Math.max(1, frames));
        m.put("syllableErrorRateRaw", serRaw / Math.max(1, scores.size()));
        m.put("syllableErrorRateCleaned", serClean / Math.max(1, scores.size()));
        m.put("f1At10msRaw", pooled(scores.stream().map(LabelScore::raw10).toList()));
        m.put("f1At20msRaw", pooled(scores.stream().map(LabelScore::raw20).toList()));
        m.put("f1At10msCleaned", pooled(scores.stream().map(LabelScore::clean10).toList()));
        m.put("f1At20msCleaned", pooled(scores.stream().map(LabelScore::clean20).toList()));
        return m;
    }

    /** F1 of pooled matches: 2·matches / (references + detections). */
    public static double pooled(List<Agreement.Result> results) {
        long refs = 0;
        long dets = 0;
        long matches = 0;
        for (Agreement.Result r : results) {
            refs += r.references();
            dets += r.detections();
            matches += r.matches();
        }
        return refs + dets == 0 ? 1 : 2.0 * matches / (refs + dets);
    }
}
