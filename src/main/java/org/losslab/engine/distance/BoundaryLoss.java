package org.losslab.engine.distance;

import java.util.List;
import org.losslab.engine.EngineException;
import org.losslab.engine.Evaluation;
import org.losslab.engine.GridEvaluator;
import org.losslab.engine.ParamSpec;
import org.losslab.engine.ParamType;
import org.losslab.engine.Params;
import org.losslab.engine.seg.Activations;
import org.losslab.engine.seg.Labels;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegmentationData;

/**
 * Kervadec et al.'s boundary (surface) loss: the mean over the selected classes and pixels of
 * probs_k x phi_k, phi_k the signed distance map of class k (negative inside). It is negative when the
 * prediction sits inside the target: its minimum is not 0, which is why it is added to a region loss.
 * Binary scenes have two channels here, 0 = 1 - p and 1 = p.
 */
public final class BoundaryLoss implements GridEvaluator<SegmentationData> {
    private static final String NAME = "boundary";

    public static List<ParamSpec> params() {
        return List.of(new ParamSpec("classes", ParamType.INTEGER_LIST, List.of(1L), false, 0, Integer.MAX_VALUE,
                List.of(), "Channels summed (binary: 0 = background 1 - p, 1 = foreground p)."));
    }

    /** The number of channels the loss sees: two for a binary scene (1 - p, p), C otherwise. */
    static int channels(SegmentationData data) {
        return data.mode() == SegMode.BINARY ? 2 : data.channels();
    }

    /** The signed distance map of class {@code k}'s target mask, checked to have an outside. */
    public static double[] signedMap(SegmentationData data, int k) {
        return signedMap(data, k, new int[] {data.height(), data.width()});
    }

    /** The same on a grid of any shape the scene's pixels lie on (a volume's voxels), distances in cells. */
    private static double[] signedMap(SegmentationData data, int k, int[] grid) {
        Labels labels = Labels.of(data, null, NAME);
        boolean[] mask = classMask(data, labels, k);
        if (MaskChannels.isFull(mask)) {
            throw new EngineException(NAME + ": class " + k + " covers every pixel, so its distance map is undefined");
        }
        return grid.length == 2 ? DistanceFields.signed(mask, grid[0], grid[1]) : DistanceFields.signed(mask, grid);
    }

    private static boolean[] classMask(SegmentationData data, Labels labels, int k) {
        int n = data.pixels();
        if (data.mode() != SegMode.BINARY) {
            return MaskChannels.truth(labels, k, n);
        }
        boolean[] foreground = MaskChannels.truth(labels, 0, n);
        if (k == 1) {
            return foreground;
        }
        return DistanceFields.complement(foreground);
    }

    @Override
    public Evaluation evaluate(SegmentationData data, Params params, boolean withGradient) {
        return evaluate(data, params, withGradient, new int[] {data.height(), data.width()});
    }

    /** The loss on a volume: Kervadec's 3-D signed maps on the voxel grid, in voxels ({@code one_hot2dist}'s default). */
    @Override
    public Evaluation evaluate(SegmentationData data, Params params, int[] grid) {
        return evaluate(data, params, false, grid);
    }

    private Evaluation evaluate(SegmentationData data, Params params, boolean withGradient, int[] grid) {
        int[] classes = params.integers("classes");
        int channels = channels(data);
        if (classes.length == 0) {
            throw new EngineException(NAME + ".classes: the list is empty");
        }
        for (int k : classes) {
            if (k < 0 || k >= channels) {
                throw new EngineException(NAME + ".classes: class " + k + " is outside 0.." + (channels - 1));
            }
        }
        int n = data.pixels();
        double[] p = Activations.probabilities(data, true);
        double scale = 1.0 / ((double) n * classes.length);
        double value = 0;
        double[] dLdp = new double[p.length];
        boolean binary = data.mode() == SegMode.BINARY;
        for (int k : classes) {
            double[] phi = signedMap(data, k, grid);
            for (int i = 0; i < n; i++) {
                double probability = binary ? (k == 1 ? p[i] : 1 - p[i]) : p[k * n + i];
                value += probability * phi[i] * scale;
                if (binary) {
                    dLdp[i] += (k == 1 ? 1 : -1) * phi[i] * scale;
                } else {
                    dLdp[k * n + i] += phi[i] * scale;
                }
            }
        }
        if (!withGradient) {
            return Evaluation.scalar(value);
        }
        return Evaluation.scalar(value, "prediction", Activations.backward(data, p, dLdp, true));
    }
}
