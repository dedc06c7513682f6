package org.losslab.engine.seg;

import java.util.List;
import org.losslab.engine.EngineException;
import org.losslab.engine.Evaluation;
import org.losslab.engine.Evaluator;
import org.losslab.engine.ParamSpec;
import org.losslab.engine.Params;

/**
 * Boundary IoU (Cheng et al. 2021) of a binary scene: the IoU of the boundary bands of the target and
 * of the prediction thresholded on its sigmoid probability. Two empty bands (both masks empty) give 1:
 * the boundaries agree.
 */
public final class BoundaryIouMetric implements Evaluator<SegmentationData> {
    private static final String NAME = "boundary_iou";

    public static List<ParamSpec> params() {
        return List.of(SegParams.THRESHOLD,
                ParamSpec.number("dilation_ratio", 0.02, 0, 1,
                        "Band width as a share of the image diagonal (at least one pixel)."));
    }

    @Override
    public Evaluation evaluate(SegmentationData data, Params params, boolean withGradient) {
        if (data.mode() != SegMode.BINARY) {
            throw new EngineException(NAME + ": Boundary IoU needs binary mode");
        }
        Labels labels = Labels.of(data, null, NAME);
        int h = data.height();
        int w = data.width();
        double threshold = params.number("threshold");
        boolean[] truth = new boolean[h * w];
        boolean[] predicted = new boolean[h * w];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = labels.truth(i) == 1;
            predicted[i] = Activations.sigmoid(data.prediction()[i]) >= threshold;
        }
        int depth = BoundaryBands.depth(params.number("dilation_ratio"), h, w);
        boolean[] a = BoundaryBands.band(truth, h, w, depth);
        boolean[] b = BoundaryBands.band(predicted, h, w, depth);
        long intersection = 0;
        long union = 0;
        for (int i = 0; i < a.length; i++) {
            intersection += a[i] && b[i] ? 1 : 0;
            union += a[i] || b[i] ? 1 : 0;
        }
        return Evaluation.scalar(union == 0 ? 1.0 : (double) intersection / union);
    }
}
