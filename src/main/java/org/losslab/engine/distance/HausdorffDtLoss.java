package org.losslab.engine.distance;

import java.util.List;
import org.losslab.engine.Evaluation;
import org.losslab.engine.GridEvaluator;
import org.losslab.engine.ParamSpec;
import org.losslab.engine.Params;
import org.losslab.engine.seg.Activations;
import org.losslab.engine.seg.Labels;
import org.losslab.engine.seg.SegParams;
import org.losslab.engine.seg.SegmentationData;

/**
 * MONAI's HausdorffDTLoss (Karimi and Salcudean 2019): per channel the mean over pixels of
 * (p - t)^2 (dp^alpha + dt^alpha), dp and dt the distance fields of the masks p > 0.5 and t > 0.5, held
 * constant; the mean over the selected channels. With {@code log} it is log(loss + 1)
 * (LogHausdorffDTLoss), which keeps its scale of the thousands readable.
 */
public final class HausdorffDtLoss implements GridEvaluator<SegmentationData> {
    private final boolean log;

    public HausdorffDtLoss(boolean log) {
        this.log = log;
    }

    public static List<ParamSpec> params() {
        return List.of(ParamSpec.number("alpha", 2.0, 0, SegParams.BIG,
                        "Exponent of the distances: how much far-off errors weigh more than near ones."),
                SurfaceDistanceMetric.CLASSES);
    }

    /** The per-pixel weights dp^alpha + dt^alpha of one channel, the map the loss multiplies (p - t)^2 by. */
    public static double[] weights(double[] probability, boolean[] truth, int channel, int height, int width,
                                   double alpha) {
        return weights(probability, truth, channel, new int[] {height, width}, alpha);
    }

    /** The weights on a grid of any shape (an image's {H, W} or a volume's {D, H, W}), distances in cells. */
    private static double[] weights(double[] probability, boolean[] truth, int channel, int[] grid, double alpha) {
        int n = truth.length;
        boolean[] predicted = new boolean[n];
        for (int i = 0; i < n; i++) {
            predicted[i] = probability[channel * n + i] > 0.5;
        }
        double[] dp = grid.length == 2 ? DistanceFields.unsigned(predicted, grid[0], grid[1]) : DistanceFields.unsigned(predicted, grid);
        double[] dt = grid.length == 2 ? DistanceFields.unsigned(truth, grid[0], grid[1]) : DistanceFields.unsigned(truth, grid);
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = Math.pow(dp[i], alpha) + Math.pow(dt[i], alpha);
        }
        return w;
    }

    @Override
    public Evaluation evaluate(SegmentationData data, Params params, boolean withGradient) {
        return evaluate(data, params, withGradient, new int[] {data.height(), data.width()});
    }

    /** MONAI's definition on a volume: the distance fields in 3-D, in voxels (MONAI's loss takes no spacing). */
    @Override
    public Evaluation evaluate(SegmentationData data, Params params, int[] grid) {
        return evaluate(data, params, false, grid);
    }

    private Evaluation evaluate(SegmentationData data, Params params, boolean withGradient, int[] grid) {
        String name = log ? "log_hausdorff_dt" : "hausdorff_dt";
        Labels labels = Labels.of(data, null, name);
        int[] channels = MaskChannels.selected(data, params.integers("classes"), name);
        int n = data.pixels();
        double[] p = Activations.probabilities(data, true);
        double[] dLdp = withGradient ? new double[p.length] : null;
        double alpha = params.number("alpha");
        double value = 0;
        double scale = 1.0 / ((double) n * channels.length);
        for (int c : channels) {
            boolean[] truth = MaskChannels.truth(labels, c, n);
            double[] w = weights(p, truth, c, grid, alpha);
            for (int i = 0; i < n; i++) {
                double e = p[c * n + i] - (truth[i] ? 1 : 0);
                value += e * e * w[i] * scale;
                if (dLdp != null) {
                    dLdp[c * n + i] += 2 * e * w[i] * scale;
                }
            }
        }
        double outer = log ? 1 / (value + 1) : 1;
        double result = log ? Math.log1p(value) : value;
        if (dLdp == null) {
            return Evaluation.scalar(result);
        }
        for (int i = 0; i < dLdp.length; i++) {
            dLdp[i] *= outer;
        }
        return Evaluation.scalar(result, "prediction", Activations.backward(data, p, dLdp, true));
    }
}
