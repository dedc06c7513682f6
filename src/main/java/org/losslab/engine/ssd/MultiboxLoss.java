package org.losslab.engine.ssd;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.losslab.engine.EngineException;
import org.losslab.engine.Evaluation;
import org.losslab.engine.Evaluator;
import org.losslab.engine.ParamSpec;
import org.losslab.engine.Params;
import org.losslab.engine.box.CoordinateLoss;
import org.losslab.engine.seg.IndexSort;

/**
 * SSD's MultiBox loss for one image: localisation loss (L1 or smooth L1, mean over the positives'
 * coordinates) times alpha, plus cross-entropy over the positives and the hardest
 * neg_pos_ratio x positives negatives, divided by the number of positives. Gradients with respect to
 * the offsets and the class logits.
 */
public final class MultiboxLoss implements Evaluator<MultiboxData> {

    public static List<ParamSpec> params() {
        return List.of(
                ParamSpec.number("threshold", 0.5, 0, 1, "Overlap from which a prior is matched to an object."),
                ParamSpec.integer("neg_pos_ratio", 3, 0, 1_000_000, "Hard negatives kept per positive."),
                ParamSpec.number("alpha", 1.0, 0, 1e12, "Weight of the localisation loss."),
                ParamSpec.choice("loc_loss", "l1", List.of("l1", "smooth_l1"), "Localisation loss on the offsets."),
                ParamSpec.numberList("variances", List.of(0.1, 0.2), 1e-12, 1e12,
                        "Encoding variances of centre and size."));
    }

    @Override
    public Evaluation evaluate(MultiboxData data, Params params, boolean withGradient) {
        MultiboxAnalysis a = MultiboxAnalysis.of(data, params);
        if (!withGradient) {
            return Evaluation.scalar(a.total());
        }
        Map<String, double[]> gradients = new LinkedHashMap<>();
        gradients.put("locs", a.locGradient());
        gradients.put("scores", a.scoreGradient());
        return Evaluation.withGradients(a.total(), gradients);
    }

    static double[] variances(Params params) {
        double[] v = params.numbers("variances");
        if (v.length != 2) {
            throw new EngineException("multibox.variances: expected 2 numbers (centre, size), got " + v.length);
        }
        return v;
    }

    static double locLoss(double d, boolean smooth) {
        return CoordinateLoss.value(d, smooth ? 1.0 : 0.0);
    }

    static double locDerivative(double d, boolean smooth) {
        return CoordinateLoss.derivative(d, smooth ? 1.0 : 0.0);
    }

    static int[] hardestFirst(double[] negativeLoss) {
        return IndexSort.descending(negativeLoss, negativeLoss.length);
    }
}
