package org.echoic.project;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.echoic.train.TrainingConfig;

/**
 * A model configuration of the project: sizes (0 = from the scalars × F), CD steps, visible sampling, and the
 * training schedule. Kept in the project's {@code models} section (format 1.1). Immutable.
 *
 * @param name            unique within the project
 * @param nHidden         hidden units, or 0 for floor(hiddenScalar · F)
 * @param nRecurrent      units per recurrent layer, or 0 for floor(recurrentScalar · F)
 * @param hiddenScalar    the hidden scalar (default 1.7)
 * @param recurrentScalar the recurrent scalar (default 1.3)
 * @param cdSteps         k of CD-k
 * @param sampleVisible   sample v in the chain (binary data)
 * @param training        batch, curriculum, regularisation, seed
 */
public record ModelEntry(String name, int nHidden, int nRecurrent, double hiddenScalar, double recurrentScalar,
                         int cdSteps, boolean sampleVisible, TrainingConfig training) {

    public ModelEntry {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a model configuration needs a name");
        }
        if (nHidden < 0 || nRecurrent < 0 || cdSteps < 1 || !(hiddenScalar > 0) || !(recurrentScalar > 0)
                || training == null) {
            throw new IllegalArgumentException(name + ": invalid sizes, scalars, k or schedule");
        }
    }

    /** Hidden units for frames of width {@code nVisible}. */
    public int hiddenFor(int nVisible) {
        return nHidden > 0 ? nHidden : Math.max(1, (int) Math.floor(hiddenScalar * nVisible));
    }

    /** Recurrent units for frames of width {@code nVisible}. */
    public int recurrentFor(int nVisible) {
        return nRecurrent > 0 ? nRecurrent : Math.max(1, (int) Math.floor(recurrentScalar * nVisible));
    }

    public OpaqueItem toItem() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("nHidden", nHidden);
        m.put("nRecurrent", nRecurrent);
        m.put("hiddenScalar", hiddenScalar);
        m.put("recurrentScalar", recurrentScalar);
        m.put("cdSteps", cdSteps);
        m.put("sampleVisible", sampleVisible);
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("batchSize", training.batchSize());
        t.put("epochsPerStage", training.epochsPerStage());
        t.put("learningRates", training.learningRates());
        t.put("resetRmsPropPerStage", training.resetRmsPropPerStage());
        t.put("l1", training.l1());
        t.put("l2", training.l2());
        t.put("windowFrames", training.windowFrames());
        t.put("predictionSteps", training.predictionSteps());
        t.put("maxFailures", training.maxFailures());
        t.put("seed", training.seed());
        t.put("pretrainEpochs", training.pretrainEpochs());
        t.put("patience", training.patience());
        t.put("gradientClip", training.gradientClip());
        m.put("training", t);
        return new OpaqueItem(m);
    }

    public static ModelEntry fromItem(OpaqueItem item) {
        Map<String, Object> f = item.fields();
        String name = Items.string(f, "name", null);
        try {
            Map<String, Object> t = Items.map(f, "training");
            TrainingConfig d = TrainingConfig.defaults(TrainingConfig.DEFAULT_EPOCHS_PER_STAGE, 1);
            List<Double> rates = t.containsKey("learningRates")
                    ? Items.list(t, "learningRates").stream().map(o -> ((Number) o).doubleValue()).toList()
                    : d.learningRates();
            TrainingConfig tc = new TrainingConfig(Items.number(t, "batchSize", d.batchSize()).intValue(),
                    Items.number(t, "epochsPerStage", d.epochsPerStage()).intValue(), rates,
                    Items.bool(t, "resetRmsPropPerStage", false), Items.number(t, "l1", d.l1()).doubleValue(),
                    Items.number(t, "l2", d.l2()).doubleValue(), Items.number(t, "windowFrames", 0).intValue(),
                    Items.number(t, "predictionSteps", d.predictionSteps()).intValue(),
                    Items.number(t, "maxFailures", d.maxFailures()).intValue(),
                    Items.number(t, "seed", 1).longValue(),
                    Items.number(t, "pretrainEpochs", d.pretrainEpochs()).intValue(),
                    Items.number(t, "patience", d.patience()).intValue(),
                    Items.number(t, "gradientClip", d.gradientClip()).doubleValue());
            return new ModelEntry(name, Items.number(f, "nHidden", 0).intValue(),
                    Items.number(f, "nRecurrent", 0).intValue(), Items.number(f, "hiddenScalar", 1.7).doubleValue(),
                    Items.number(f, "recurrentScalar", 1.3).doubleValue(), Items.number(f, "cdSteps", 15).intValue(),
                    Items.bool(f, "sampleVisible", false), tc);
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new IllegalArgumentException("model '" + name + "': " + e.getMessage(), e);
        }
    }
}
