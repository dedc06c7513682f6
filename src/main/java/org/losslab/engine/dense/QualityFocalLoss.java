package org.losslab.engine.dense;

import java.util.List;
import org.losslab.engine.Evaluation;
import org.losslab.engine.Evaluator;
import org.losslab.engine.ParamSpec;
import org.losslab.engine.Params;
import org.losslab.engine.box.BoxReduction;
import org.losslab.engine.seg.Activations;

/**
 * GFL's quality focal loss (Li et al. 2020, mmdetection {@code quality_focal_loss}): every class logit is
 * pushed towards 0 with the weight sigma(z)^beta, except each positive's own class, which is pushed
 * towards its box's IoU with the weight |IoU - sigma(z)|^beta. The classifier learns to predict the
 * localisation quality; "none" gives one value per anchor (summed over classes).
 */
public final class QualityFocalLoss implements Evaluator<DenseData> {

    public static List<ParamSpec> params() {
        return List.of(ParamSpec.number("beta", 2.0, 0, 1e6, "Focusing exponent on the distance to the target score."),
                BoxReduction.MEAN_DEFAULT);
    }

    @Override
    public Evaluation evaluate(DenseData data, Params params, boolean withGradient) {
        double beta = params.number("beta");
        int classes = data.classes();
        double[] z = data.logits();
        double[] perAnchor = new double[data.anchors()];
        double[] gradient = withGradient ? new double[z.length] : null;
        for (int i = 0; i < data.anchors(); i++) {
            for (int c = 0; c < classes; c++) {
                int k = i * classes + c;
                double p = Activations.sigmoid(z[k]);
                boolean own = data.positive(i) && data.labels()[i] == c;
                double score = own ? data.scores()[i] : 0;
                double bce = Activations.binaryCrossEntropy(z[k], score);
                double gap = Math.abs(score - p);
                double weight = beta == 0 ? 1 : Math.pow(gap, beta);
                perAnchor[i] += bce * weight;
                if (gradient != null) {
                    // d|s - p|/dz = sign(p - s) p (1 - p); torch's pow has a zero gradient for exponent 0
                    double dWeight = beta == 0 || gap == 0 ? 0
                            : beta * Math.pow(gap, beta - 1) * Math.signum(p - score) * p * Activations.sigmoid(-z[k]);
                    gradient[k] = (p - score) * weight + bce * dWeight;
                }
            }
        }
        return BoxReduction.reduce(params.choice("reduction"), perAnchor, "logits", gradient);
    }
}
