package org.losslab.engine.seg;

import java.util.List;
import org.losslab.engine.EngineException;
import org.losslab.engine.Evaluation;
import org.losslab.engine.Evaluator;
import org.losslab.engine.ParamSpec;
import org.losslab.engine.Params;

/**
 * smp's SoftBCEWithLogitsLoss: binary cross-entropy on logits with label smoothing
 * (t' = (1 - t) s + t (1 - s)) and pos_weight w: l = (1 - t') z + (1 + (w - 1) t') softplus(-z).
 * Ignored elements contribute 0 but, as in smp, still count in the mean's denominator.
 */
public final class BceLoss implements Evaluator<SegmentationData> {
    private static final String NAME = "bce";

    public static List<ParamSpec> params() {
        return List.of(
                SegParams.IGNORE_INDEX.withDefault(-100L),
                SegParams.REDUCTION,
                ParamSpec.optionalNumber("smooth_factor", null, 0, 1, "Label smoothing: targets become s and 1 - s."),
                ParamSpec.optionalNumber("pos_weight", null, 0, SegParams.BIG, "Weight of the positive term."));
    }

    @Override
    public Evaluation evaluate(SegmentationData data, Params params, boolean withGradient) {
        if (data.mode() == SegMode.MULTICLASS) {
            throw new EngineException(NAME + ": binary cross-entropy needs binary or multilabel mode; use ce for multiclass");
        }
        Labels labels = Labels.of(data, params.optionalInteger("ignore_index"), NAME);
        Double smoothing = params.optionalNumber("smooth_factor");
        Double posWeight = params.optionalNumber("pos_weight");
        String reduction = params.choice("reduction");
        double[] x = data.prediction();
        int count = x.length;
        double scale = reduction.equals("mean") ? 1.0 / count : 1.0;
        double[] elements = new double[count];
        double[] gradient = withGradient ? new double[count] : null;
        double sum = 0;
        for (int i = 0; i < count; i++) {
            if (labels.valid(i) == 0) {
                continue;
            }
            double t = labels.truth(i);
            double soft = smoothing == null ? t : (1 - t) * smoothing + t * (1 - smoothing);
            double logWeight = posWeight == null ? 1 : 1 + (posWeight - 1) * soft;
            double z = x[i];
            double l = (1 - soft) * z + logWeight * Activations.softplus(-z);
            elements[i] = l;
            sum += l;
            if (gradient != null) {
                gradient[i] = ((1 - soft) - logWeight * Activations.sigmoid(-z)) * scale;
            }
        }
        if (reduction.equals("none")) {
            return Evaluation.elementwise(elements, "prediction", gradient);
        }
        return Evaluation.scalar(sum * scale, "prediction", gradient);
    }
}
