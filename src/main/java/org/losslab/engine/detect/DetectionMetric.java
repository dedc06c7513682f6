package org.losslab.engine.detect;

import java.util.List;
import org.losslab.engine.Evaluation;
import org.losslab.engine.Evaluator;
import org.losslab.engine.ParamSpec;
import org.losslab.engine.Params;

/**
 * AP and mAP over the classes present in the ground truth. {@code average_precision}: the mean over
 * classes of the AP at one IoU threshold with a chosen interpolation (mAP@IoU); {@code map_coco}: the
 * COCO mAP, the mean of the 101-point AP over IoU thresholds 0.50, 0.55, ..., 0.95. A scene with no
 * ground truth scores 0.
 */
public final class DetectionMetric implements Evaluator<DetectionsData> {
    private final boolean coco;

    public DetectionMetric(boolean coco) {
        this.coco = coco;
    }

    public static List<ParamSpec> params(boolean coco) {
        if (coco) {
            return List.of();
        }
        return List.of(ParamSpec.number("iou_threshold", 0.5, 0, 1, "IoU from which a detection matches a truth."),
                ParamSpec.choice("interpolation", "all_point", List.of("all_point", "voc11", "coco101"),
                        "How the precision/recall curve is summarised."));
    }

    @Override
    public Evaluation evaluate(DetectionsData data, Params params, boolean withGradient) {
        if (coco) {
            double sum = 0;
            for (int k = 0; k < 10; k++) {
                sum += meanAp(data, 0.5 + 0.05 * k, AveragePrecision.COCO101);
            }
            return Evaluation.scalar(sum / 10);
        }
        return Evaluation.scalar(meanAp(data, params.number("iou_threshold"),
                AveragePrecision.parse(params.choice("interpolation"))));
    }

    /** The mean AP over the truth's classes at one IoU threshold. */
    public static double meanAp(DetectionsData data, double iouThreshold, AveragePrecision interpolation) {
        var classes = AveragePrecision.truthClasses(data);
        if (classes.isEmpty()) {
            return 0;
        }
        double sum = 0;
        for (int label : classes) {
            sum += interpolation.of(DetectionMatching.match(data, label, iouThreshold));
        }
        return sum / classes.size();
    }
}
