package org.losslab.engine.dense;

import java.util.List;
import org.losslab.engine.Evaluation;
import org.losslab.engine.Evaluator;
import org.losslab.engine.ParamSpec;
import org.losslab.engine.Params;
import org.losslab.engine.box.BoxReduction;
import org.losslab.engine.seg.Activations;

/**
 * VarifocalNet's loss (Zhang et al. 2021, mmdetection {@code varifocal_loss}): binary cross-entropy against
 * the target q (the IoU at a positive's class, 0 elsewhere), weighted by q at positives (iou_weighted) and
 * by alpha |sigma(z) - q|^gamma at negatives: unlike focal loss it down-weights only negatives, so rare
 * high-quality positives keep their full gradient. "none" gives one value per (anchor, class).
 */
public final class VarifocalLoss implements Evaluator<DenseData> {

    public static List<ParamSpec> params() {
        return List.of(ParamSpec.number("alpha", 0.75, 0, 1e6, "Weight of the negatives."),
                ParamSpec.number("gamma", 2.0, 0, 1e6, "Focusing exponent of the negatives."),
                ParamSpec.bool("iou_weighted", true, "Weight each positive by its target IoU (else by 1)."),
                BoxReduction.MEAN_DEFAULT);
    }

    @Override
    public Evaluation evaluate(DenseData data, Params params, boolean withGradient) {
        double alpha = params.number("alpha");
        double gamma = params.number("gamma");
        boolean iouWeighted = params.bool("iou_weighted");
        int classes = data.classes();
        double[] z = data.logits();
        double[] elements = new double[z.length];
        double[] gradient = withGradient ? new double[z.length] : null;
        for (int i = 0; i < data.anchors(); i++) {
            for (int c = 0; c < classes; c++) {
                int k = i * classes + c;
                double q = data.positive(i) && data.labels()[i] == c ? data.scores()[i] : 0;
                double p = Activations.sigmoid(z[k]);
                double bce = Activations.binaryCrossEntropy(z[k], q);
                if (q > 0) {
                    double weight = iouWeighted ? q : 1;
                    elements[k] = bce * weight;
                    if (gradient != null) {
                        gradient[k] = (p - q) * weight;
                    }
                    continue;
                }
                double gap = Math.abs(p - q);
                double weight = alpha * (gamma == 0 ? 1 : Math.pow(gap, gamma));
                elements[k] = bce * weight;
                if (gradient != null) {
                    double dWeight = gamma == 0 || gap == 0 ? 0
                            : alpha * gamma * Math.pow(gap, gamma - 1) * Math.signum(p - q) * p * Activations.sigmoid(-z[k]);
                    gradient[k] = (p - q) * weight + bce * dWeight;
                }
            }
        }
        return BoxReduction.reduce(params.choice("reduction"), elements, "logits", gradient);
    }
}
