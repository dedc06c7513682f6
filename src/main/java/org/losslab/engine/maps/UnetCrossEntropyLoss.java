package org.losslab.engine.maps;

import java.util.List;
import org.losslab.engine.Evaluation;
import org.losslab.engine.Evaluator;
import org.losslab.engine.ParamSpec;
import org.losslab.engine.Params;
import org.losslab.engine.seg.Activations;
import org.losslab.engine.seg.Labels;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegParams;
import org.losslab.engine.seg.SegmentationData;
import org.losslab.engine.seg.TermReduction;

/**
 * U-Net's weighted cross-entropy (Ronneberger et al. 2015): each pixel's cross-entropy (sigmoid on a binary scene,
 * softmax on a multiclass one) times the weight map {@link UnetWeights} of the target, w = w_c + w0 exp(-(d1 + d2)^2
 * / (2 sigma^2)), summed or averaged over the valid pixels. The weights depend on the target only, so the gradient is
 * the cross-entropy's scaled pixel by pixel: w (sigmoid(z) - t), or w (softmax(z) - onehot(t)), over the count.
 */
public final class UnetCrossEntropyLoss implements Evaluator<SegmentationData> {
    private static final String NAME = "unet_ce";

    public static List<ParamSpec> params() {
        return List.of(ParamSpec.number("w0", 10, 0, 100, "Border weight: the most a pixel between two objects adds (paper: 10)."),
                ParamSpec.number("sigma", 5, 0.5, 50, "Border width in pixels: how fast the border weight falls off with "
                        + "the distances to the two nearest objects (paper: about 5)."),
                SegParams.IGNORE_INDEX, SegParams.REDUCTION);
    }

    @Override
    public Evaluation evaluate(SegmentationData data, Params params, boolean withGradient) {
        Long ignore = params.optionalInteger("ignore_index");
        Labels labels = Labels.of(data, ignore, NAME);
        double[] w = UnetWeights.compute(PixelMaps.pixelClasses(data, labels), data.height(), data.width(),
                params.number("w0"), params.number("sigma"));
        double[] x = data.prediction();
        int n = data.pixels();
        int channels = data.channels();
        boolean softmax = data.mode() == SegMode.MULTICLASS;
        double[] elements = new double[n];
        double[] gradient = withGradient ? new double[x.length] : null;
        for (int i = 0; i < n; i++) {
            if (labels.valid(i) == 0) {
                continue;
            }
            if (!softmax) {
                int t = labels.truth(i);
                elements[i] = w[i] * Activations.binaryCrossEntropy(x[i], t);
                if (gradient != null) {
                    gradient[i] = w[i] * (Activations.sigmoid(x[i]) - t);
                }
                continue;
            }
            double logZ = Activations.logSumExp(x, i, n, channels);
            for (int c = 0; c < channels; c++) {
                int t = labels.truth(c * n + i);
                elements[i] += t == 1 ? w[i] * (logZ - x[c * n + i]) : 0;
                if (gradient != null) {
                    gradient[c * n + i] = w[i] * (Math.exp(x[c * n + i] - logZ) - t);
                }
            }
        }
        String reduction = params.choice("reduction");
        int count = softmax ? labels.validCount() / channels : labels.validCount(); // pixels, not elements
        return TermReduction.of(elements, gradient, reduction, count);
    }
}
