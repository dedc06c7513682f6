package org.losslab.engine.dense;

import java.util.List;
import org.losslab.engine.Evaluation;
import org.losslab.engine.Evaluator;
import org.losslab.engine.ParamSpec;
import org.losslab.engine.Params;
import org.losslab.engine.box.BoxReduction;
import org.losslab.engine.seg.Activations;

/**
 * The distribution focal loss (GFL; {@code dfl_loss} in YOLOv8/11 logs): each box side is predicted as a
 * distribution over bins, and a target distance t between bins l = floor(t) and l + 1 is taught as the two
 * cross-entropies CE(l) (l + 1 - t) + CE(l + 1) (t - l), which makes the distribution concentrate on the
 * two bins around t. It is not 0 at the optimum: its minimum is the entropy of that two-bin split.
 * "none" gives one value per side (mmdetection's); ultralytics averages the 4 sides per box instead.
 */
public final class DistributionFocalLoss implements Evaluator<DistributionData> {

    public static List<ParamSpec> params() {
        return List.of(BoxReduction.MEAN_DEFAULT);
    }

    @Override
    public Evaluation evaluate(DistributionData data, Params params, boolean withGradient) {
        int bins = data.bins();
        double[] z = data.logits();
        double[] t = data.target();
        double[] elements = new double[data.sides()];
        double[] gradient = withGradient ? new double[z.length] : null;
        for (int s = 0; s < data.sides(); s++) {
            int offset = s * bins;
            int left = (int) Math.floor(t[s]);
            double rightWeight = t[s] - left;
            double leftWeight = left + 1 - t[s];
            double logZ = Activations.logSumExp(z, offset, 1, bins);
            elements[s] = (logZ - z[offset + left]) * leftWeight + (logZ - z[offset + left + 1]) * rightWeight;
            if (gradient != null) {
                double total = leftWeight + rightWeight;
                for (int b = 0; b < bins; b++) {
                    gradient[offset + b] = Math.exp(z[offset + b] - logZ) * total;
                }
                gradient[offset + left] -= leftWeight;
                gradient[offset + left + 1] -= rightWeight;
            }
        }
        return BoxReduction.reduce(params.choice("reduction"), elements, "logits", gradient);
    }
}
