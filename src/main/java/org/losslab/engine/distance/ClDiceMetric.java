package org.losslab.engine.distance;

import java.util.List;
import org.losslab.engine.EngineException;
import org.losslab.engine.Evaluation;
import org.losslab.engine.Evaluator;
import org.losslab.engine.ParamSpec;
import org.losslab.engine.Params;
import org.losslab.engine.seg.Labels;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegParams;
import org.losslab.engine.seg.SegmentationData;

/**
 * The clDice metric of a binary scene (Shit et al. 2021, reference cldice_metric) on hard skeletons:
 * tprec = |pred and skel(gt)| / |skel(gt)|, tsens = |gt and skel(pred)| / |skel(pred)|, value
 * 2 tprec tsens / (tprec + tsens). A broken vessel loses sensitivity, a spurious branch precision.
 */
public final class ClDiceMetric implements Evaluator<SegmentationData> {
    private static final String NAME = "cldice_score";

    public static List<ParamSpec> params() {
        return List.of(SegParams.THRESHOLD);
    }

    @Override
    public Evaluation evaluate(SegmentationData data, Params params, boolean withGradient) {
        if (data.mode() != SegMode.BINARY) {
            throw new EngineException(NAME + ": needs a binary scene");
        }
        boolean[] predicted = MaskChannels.predicted(data, 0, params.number("threshold"));
        boolean[] truth = MaskChannels.truth(Labels.of(data, null, NAME), 0, data.pixels());
        if (MaskChannels.isEmpty(predicted) || MaskChannels.isEmpty(truth)) {
            throw new EngineException(NAME + ": the " + (MaskChannels.isEmpty(predicted) ? "prediction" : "target")
                    + " is empty, so it has no skeleton");
        }
        boolean[] truthSkeleton = Skeletonize.cachedSkeleton(truth, data.height(), data.width());
        boolean[] predictedSkeleton = Skeletonize.cachedSkeleton(predicted, data.height(), data.width());
        double precision = coverage(predicted, truthSkeleton, "target");
        double sensitivity = coverage(truth, predictedSkeleton, "prediction");
        if (precision + sensitivity == 0) {
            throw new EngineException(NAME + ": topology precision and sensitivity are both 0, so the score is 0/0");
        }
        return Evaluation.scalar(2 * precision * sensitivity / (precision + sensitivity));
    }

    /** |mask and skeleton| / |skeleton|. */
    private static double coverage(boolean[] mask, boolean[] skeleton, String whose) {
        int inside = 0;
        int total = 0;
        for (int i = 0; i < mask.length; i++) {
            total += skeleton[i] ? 1 : 0;
            inside += skeleton[i] && mask[i] ? 1 : 0;
        }
        if (total == 0) {
            throw new EngineException(NAME + ": the " + whose + "'s skeleton is empty");
        }
        return (double) inside / total;
    }
}
