package org.losslab.engine.distance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.losslab.engine.EngineException;
import org.losslab.engine.Evaluation;
import org.losslab.engine.Evaluator;
import org.losslab.engine.ParamSpec;
import org.losslab.engine.Params;
import org.losslab.engine.WorkingMemory;
import org.losslab.engine.seg.Activations;
import org.losslab.engine.seg.Labels;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegParams;
import org.losslab.engine.seg.SegmentationData;

/**
 * MONAI's SoftclDiceLoss and SoftDiceclDiceLoss (Shit et al. 2021) on a binary scene (channels
 * [1 - p, p]) or a multiclass one (softmax), channel 0 left out and the sums pooled over the others:
 * topology precision tprec = (sum skel(p) t + s) / (sum skel(p) + s), topology sensitivity
 * tsens = (sum skel(t) p + s) / (sum skel(t) + s), clDice loss = 1 - 2 tprec tsens / (tprec + tsens);
 * the combined loss adds (1 - alpha) of the soft Dice loss to alpha of it.
 */
public final class ClDiceLoss implements Evaluator<SegmentationData>, WorkingMemory.Costly<SegmentationData> {
    private final boolean withDice;

    public ClDiceLoss(boolean withDice) {
        this.withDice = withDice;
    }

    public static List<ParamSpec> params(boolean withDice) {
        List<ParamSpec> specs = new ArrayList<>(List.of(
                ParamSpec.integer("iterations", 3, 0, 1000, "Soft erosion steps of the soft skeleton (about the vessel radius)."),
                ParamSpec.number("smooth", 1.0, 0, SegParams.BIG, "Added to the numerators and denominators.")));
        if (withDice) {
            specs.add(ParamSpec.number("alpha", 0.5, 0, 1, "Weight of clDice; 1 - alpha weighs the soft Dice loss."));
        }
        return specs;
    }

    /**
     * Bytes per pixel and channel of one evaluation: each erosion step keeps its image, its two minima
     * with their winners, its opening with its winner and its skeleton (52 bytes), the backward pass one
     * more gradient (8); about 40 more for the probabilities, targets and their copies.
     */
    static long bytes(SegmentationData data, int iterations) {
        long perPixel = 60L * (iterations + 2) + 40;
        return perPixel * data.pixels() * Math.max(1, data.channels() - (data.mode() == SegMode.BINARY ? 0 : 1));
    }

    @Override
    public String tooCostly(SegmentationData data, Params params) {
        return tooCostly(data, (int) params.integer("iterations"));
    }

    private static String tooCostly(SegmentationData data, int iterations) {
        long bytes = bytes(data, iterations);
        if (bytes <= WorkingMemory.LIMIT_BYTES) {
            return null;
        }
        long most = 0;
        while (bytes(data, (int) most + 1) <= WorkingMemory.LIMIT_BYTES && most < iterations) {
            most++;
        }
        String advice = bytes(data, 0) > WorkingMemory.LIMIT_BYTES
                ? "crop or downsample the scene"
                : "at most " + most + " iterations fit this scene";
        return String.format(Locale.ROOT, "is too costly for a %d x %d x %d scene: its soft skeleton keeps every one of its "
                + "%d erosion steps, about %s, over the %s one entry may use (%s)", data.channels(), data.height(), data.width(),
                iterations, WorkingMemory.size(bytes), WorkingMemory.size(WorkingMemory.LIMIT_BYTES), advice);
    }

    /** The quantities of one evaluation, for the read-outs and maps of the app. */
    public record Parts(double precision, double sensitivity, double[] predictedSkeleton, double[] targetSkeleton) {
    }

    private String name() {
        return withDice ? "dice_cldice" : "cldice";
    }

    /** The probabilities the loss sees, channel-major over channels 1..K-1 (binary: just p). */
    private static double[] foreground(SegmentationData data, double[] p) {
        if (data.mode() == SegMode.BINARY) {
            return p;
        }
        int n = data.pixels();
        double[] out = new double[p.length - n];
        System.arraycopy(p, n, out, 0, out.length);
        return out;
    }

    private static double[] foregroundTruth(SegmentationData data, Labels labels) {
        int n = data.pixels();
        int first = data.mode() == SegMode.BINARY ? 0 : 1;
        double[] t = new double[(data.channels() - first) * n];
        for (int i = 0; i < t.length; i++) {
            t[i] = labels.truth(first * n + i);
        }
        return t;
    }

    /** The soft skeletons and the two topology scores of a scene. */
    public static Parts parts(SegmentationData data, int iterations, double smooth) {
        return new Computation(data, iterations, smooth, "cldice").parts();
    }

    @Override
    public Evaluation evaluate(SegmentationData data, Params params, boolean withGradient) {
        Computation c = new Computation(data, (int) params.integer("iterations"), params.number("smooth"), name());
        double alpha = withDice ? params.number("alpha") : 1;
        double clDice = c.loss();
        double value = alpha * clDice;
        double[] dLdq = withGradient ? c.gradient(alpha) : null;
        if (withDice) {
            double s = params.number("smooth");
            double intersection = 0;
            double total = 0;
            for (int i = 0; i < c.q.length; i++) {
                intersection += c.t[i] * c.q[i];
                total += c.t[i] + c.q[i];
            }
            double denominator = total + s;
            if (denominator == 0) {
                throw new EngineException(name() + ": soft Dice is 0/0 (no foreground anywhere and smooth = 0)");
            }
            double coefficient = (2 * intersection + s) / denominator;
            value += (1 - alpha) * (1 - coefficient);
            if (dLdq != null) {
                for (int i = 0; i < c.q.length; i++) {
                    dLdq[i] -= (1 - alpha) * (2 * c.t[i] * denominator - (2 * intersection + s)) / (denominator * denominator);
                }
            }
        }
        if (dLdq == null) {
            return Evaluation.scalar(value);
        }
        double[] dLdp = new double[c.p.length];
        System.arraycopy(dLdq, 0, dLdp, c.p.length - dLdq.length, dLdq.length);
        return Evaluation.scalar(value, "prediction", Activations.backward(data, c.p, dLdp, true));
    }

    /** One forward pass, kept for the backward pass. */
    private static final class Computation {
        final double[] p;
        final double[] q;
        final double[] t;
        final SoftSkeleton[] predicted;
        final double[][] truthSkeleton;
        final double smooth;
        final double precision;
        final double sensitivity;
        final double skelPredSum;
        final double skelTruthSum;
        final int pixels;

        Computation(SegmentationData data, int iterations, double smooth, String name) {
            if (data.mode() == SegMode.MULTILABEL) {
                throw new EngineException(name + ": needs a binary or multiclass scene");
            }
            String tooCostly = tooCostly(data, iterations);
            if (tooCostly != null) {
                throw new EngineException(name + " " + tooCostly);
            }
            Labels labels = Labels.of(data, null, name);
            this.smooth = smooth;
            pixels = data.pixels();
            p = Activations.probabilities(data, true);
            q = foreground(data, p);
            t = foregroundTruth(data, labels);
            int channels = q.length / pixels;
            predicted = new SoftSkeleton[channels];
            truthSkeleton = new double[channels][];
            double a = 0;
            double sp = 0;
            double b = 0;
            double st = 0;
            for (int c = 0; c < channels; c++) {
                double[] qc = Arrays.copyOfRange(q, c * pixels, (c + 1) * pixels);
                double[] tc = Arrays.copyOfRange(t, c * pixels, (c + 1) * pixels);
                predicted[c] = SoftSkeleton.of(qc, data.height(), data.width(), iterations);
                truthSkeleton[c] = truthSkeleton(tc, data.height(), data.width(), iterations);
                double[] s = predicted[c].skeleton();
                for (int i = 0; i < pixels; i++) {
                    a += s[i] * tc[i];
                    sp += s[i];
                    b += truthSkeleton[c][i] * qc[i];
                    st += truthSkeleton[c][i];
                }
            }
            if (sp + smooth == 0 || st + smooth == 0) {
                throw new EngineException(name + ": a soft skeleton is empty and smooth = 0, so clDice is 0/0");
            }
            skelPredSum = sp;
            skelTruthSum = st;
            precision = (a + smooth) / (sp + smooth);
            sensitivity = (b + smooth) / (st + smooth);
            if (precision + sensitivity == 0) {
                throw new EngineException(name + ": topology precision and sensitivity are both 0, so clDice is 0/0");
            }
        }

        double loss() {
            return 1 - 2 * precision * sensitivity / (precision + sensitivity);
        }

        Parts parts() {
            double[] ps = new double[q.length];
            double[] ts = new double[q.length];
            for (int c = 0; c < predicted.length; c++) {
                System.arraycopy(predicted[c].skeleton(), 0, ps, c * pixels, pixels);
                System.arraycopy(truthSkeleton[c], 0, ts, c * pixels, pixels);
            }
            return new Parts(precision, sensitivity, ps, ts);
        }

        /** weight x d(clDice loss)/dq over the foreground channels. */
        double[] gradient(double weight) {
            double sum = precision + sensitivity;
            double dPrecision = -2 * sensitivity * sensitivity / (sum * sum) * weight;
            double dSensitivity = -2 * precision * precision / (sum * sum) * weight;
            double[] g = new double[q.length];
            for (int c = 0; c < predicted.length; c++) {
                double[] gSkel = new double[pixels];
                for (int i = 0; i < pixels; i++) {
                    gSkel[i] = dPrecision * (t[c * pixels + i] - precision) / (skelPredSum + smooth);
                }
                double[] back = predicted[c].backward(gSkel);
                for (int i = 0; i < pixels; i++) {
                    g[c * pixels + i] = back[i] + dSensitivity * truthSkeleton[c][i] / (skelTruthSum + smooth);
                }
            }
            return g;
        }
    }

    /** The target's soft skeletons: a stroke on the prediction leaves them as they were. */
    private static final MaskCache TRUTH_SKELETONS = new MaskCache(4, 4L << 20);

    /** The soft skeleton of a 0/1 target channel (read-only), kept while the target does not change. */
    static double[] truthSkeleton(double[] truth, int height, int width, int iterations) {
        boolean[] mask = new boolean[truth.length];
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] != 0 && truth[i] != 1) {
                return SoftSkeleton.of(truth, height, width, iterations).skeleton(); // not a hard mask: no key for it
            }
            mask[i] = truth[i] == 1;
        }
        return TRUTH_SKELETONS.get(mask, height, width, iterations,
                () -> SoftSkeleton.of(truth, height, width, iterations).skeleton());
    }
}
