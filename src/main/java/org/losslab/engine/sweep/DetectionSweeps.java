package org.losslab.engine.sweep;

import java.util.List;
import java.util.Map;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec;
import org.losslab.engine.Params;
import org.losslab.engine.box.Box;
import org.losslab.engine.box.BoxPairs;
import org.losslab.engine.box.ClassificationData;
import org.losslab.engine.dense.DenseData;
import org.losslab.engine.dense.DistributionData;

/**
 * The teaching plots of the dense-detection losses, each computed by the registry's entries with the
 * user's parameters: DFL against the target edge, the IoU-aware classification losses against the
 * predicted score, and IoU loss against NWD as a tiny box moves.
 */
public final class DetectionSweeps {
    private static final int BINS = 8;

    private DetectionSweeps() {
    }

    @SuppressWarnings("unchecked")
    private static <I> LossSpec<I> spec(String name) {
        return (LossSpec<I>) LossRegistry.get(name);
    }

    private static Params paramsOf(String name, Map<String, Params> params) {
        return params.getOrDefault(name, LossRegistry.get(name).defaults());
    }

    /** The predicted distribution of one side: logits of a softmax peaked between bins 3 and 4. */
    static double[] sideLogits() {
        double[] z = new double[4 * BINS];
        for (int side = 0; side < 4; side++) {
            for (int b = 0; b < BINS; b++) {
                double d = b - 3.3;
                z[side * BINS + b] = -0.8 * d * d;
            }
        }
        return z;
    }

    static PlotData dfl(Map<String, Params> params) {
        double[] z = sideLogits();
        double[] grid = Sweeps.grid(0, BINS - 1 - 1e-9, 281);
        SweepResult r = new SweepResult("target edge (bins)", grid);
        double[] loss = r.addColumn("dfl");
        double[] expectedError = r.addColumn("|expected edge - target| (bins)");
        LossSpec<DistributionData> dfl = spec("dfl");
        Params p = paramsOf("dfl", params).with("dfl", dfl.params(), "reduction", "mean");
        double mean = expectedEdge(z);
        for (int k = 0; k < grid.length; k++) {
            double t = grid[k];
            loss[k] = dfl.evaluate(new DistributionData(BINS, z, new double[] {t, t, t, t}), p, false).value();
            expectedError[k] = Math.abs(mean - t);
        }
        return new PlotData(TeachingPlot.DFL, List.of(r), "target distance of the edge (bins)", List.of("loss"), false, mean);
    }

    /** The mean bin of the first side's softmax: the edge a GFL / YOLOv8 head predicts. */
    static double expectedEdge(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (int b = 0; b < BINS; b++) {
            max = Math.max(max, z[b]);
        }
        double sum = 0;
        double weighted = 0;
        for (int b = 0; b < BINS; b++) {
            double e = Math.exp(z[b] - max);
            sum += e;
            weighted += b * e;
        }
        return weighted / sum;
    }

    /** The IoU used when there is no box pair to take it from (or the pair coincides). */
    static final double EXAMPLE_IOU = 0.6;

    /** The quality target: the IoU of the first box pair, or {@link #EXAMPLE_IOU} for the identical default pair. */
    static double qualityTarget(BoxPairs boxes) {
        double iou = Box.iou(boxes.predicted(), 0, boxes.target(), 0);
        return iou >= 0.999 ? EXAMPLE_IOU : iou;
    }

    static PlotData quality(BoxPairs boxes, Map<String, Params> params) {
        double iou = qualityTarget(boxes);
        double[] grid = Sweeps.grid(0.005, 0.995, 199);
        SweepResult r = new SweepResult("predicted score", grid);
        double[] qfl = r.addColumn("quality_focal");
        double[] vfl = r.addColumn("varifocal");
        double[] focal = r.addColumn("sigmoid_focal (target 1)");
        LossSpec<DenseData> quality = spec("quality_focal");
        LossSpec<DenseData> varifocal = spec("varifocal");
        LossSpec<ClassificationData> sigmoidFocal = spec("sigmoid_focal");
        Params qp = paramsOf("quality_focal", params).with("quality_focal", quality.params(), "reduction", "sum");
        Params vp = paramsOf("varifocal", params).with("varifocal", varifocal.params(), "reduction", "sum");
        Params fp = paramsOf("sigmoid_focal", params).with("sigmoid_focal", sigmoidFocal.params(), "reduction", "sum");
        for (int k = 0; k < grid.length; k++) {
            double logit = Math.log(grid[k] / (1 - grid[k]));
            DenseData positive = new DenseData(1, new double[] {logit}, new int[] {0}, new double[] {iou});
            qfl[k] = quality.evaluate(positive, qp, false).value();
            vfl[k] = varifocal.evaluate(positive, vp, false).value();
            focal[k] = sigmoidFocal.evaluate(new ClassificationData(new double[] {logit}, new double[] {1}), fp, false).value();
        }
        return new PlotData(TeachingPlot.QUALITY, List.of(r), "predicted score sigma(z) of a positive", List.of("loss"), false,
                iou);
    }

    static PlotData tinyBoxes(Map<String, Params> params) {
        double[] shifts = Sweeps.grid(0, 12, 241);
        SweepResult r = new SweepResult("shift (pixels)", shifts);
        double[] iouSmall = r.addColumn("iou, 6 px box");
        double[] nwdSmall = r.addColumn("nwd, 6 px box");
        double[] iouLarge = r.addColumn("iou, 60 px box");
        double[] nwdLarge = r.addColumn("nwd, 60 px box");
        IouAndNwd losses = IouAndNwd.of(params);
        for (int k = 0; k < shifts.length; k++) {
            double s = shifts[k];
            BoxPairs small = new BoxPairs(new double[] {s, 0, 6 + s, 6}, new double[] {0, 0, 6, 6});
            BoxPairs large = new BoxPairs(new double[] {s, 0, 60 + s, 60}, new double[] {0, 0, 60, 60});
            iouSmall[k] = losses.iou(small);
            nwdSmall[k] = losses.nwd(small);
            iouLarge[k] = losses.iou(large);
            nwdLarge[k] = losses.nwd(large);
        }
        return new PlotData(TeachingPlot.TINY_BOXES, List.of(r), "horizontal shift (pixels)", List.of("loss"), false,
                Double.NaN);
    }

    /**
     * The pair resized so that the target's longer side is each of {@code sizes} (pixels), both boxes keeping their
     * shapes and the centres their offset in pixels: IoU loss and NWD of each. A shift that is nothing for a large
     * box takes a small one off its target, and IoU loss then sits at 1; NWD depends on the offset and the sizes in
     * pixels and moves smoothly.
     */
    public static SweepResult shrinkingPair(BoxPairs pair, double[] sizes, Map<String, Params> params) {
        SweepResult r = new SweepResult("target size (pixels, longer side)", sizes);
        double[] iouLoss = r.addColumn("iou");
        double[] nwdLoss = r.addColumn("nwd");
        IouAndNwd losses = IouAndNwd.of(params);
        for (int k = 0; k < sizes.length; k++) {
            BoxPairs resized = resized(pair, sizes[k]);
            iouLoss[k] = losses.iou(resized);
            nwdLoss[k] = losses.nwd(resized);
        }
        return r;
    }

    /** The first pair with both boxes scaled about their own centres, the target's longer side {@code size} pixels. */
    public static BoxPairs resized(BoxPairs pair, double size) {
        double[] p = pair.predicted();
        double[] t = pair.target();
        double factor = size / Math.max(1e-9, Math.max(t[2] - t[0], t[3] - t[1]));
        return new BoxPairs(scaled(p, factor), scaled(t, factor));
    }

    private static double[] scaled(double[] box, double factor) {
        double cx = (box[0] + box[2]) / 2;
        double cy = (box[1] + box[3]) / 2;
        double hw = (box[2] - box[0]) / 2 * factor;
        double hh = (box[3] - box[1]) / 2 * factor;
        return new double[] {cx - hw, cy - hh, cx + hw, cy + hh};
    }

    /**
     * A 20-pixel box whose centre goes round the target's at 1.5 widths: SIoU against DIoU and EIoU, and
     * SIoU's angle cost itself (1 - 2 sin^2(angle - 45 degrees) as in its paper: 0 on the axes, 1 on the diagonals).
     */
    static PlotData siouAngle(Map<String, Params> params) {
        double[] degrees = Sweeps.grid(0, 90, 181);
        SweepResult r = new SweepResult("angle (degrees)", degrees);
        double[] siou = r.addColumn("siou");
        double[] diou = r.addColumn("diou");
        double[] eiou = r.addColumn("eiou");
        double[] angleCost = r.addColumn("SIoU angle cost");
        LossSpec<BoxPairs> s = spec("siou");
        LossSpec<BoxPairs> d = spec("diou");
        LossSpec<BoxPairs> e = spec("eiou");
        Params sp = paramsOf("siou", params).with("siou", s.params(), "reduction", "sum");
        Params dp = paramsOf("diou", params).with("diou", d.params(), "reduction", "sum");
        Params ep = paramsOf("eiou", params).with("eiou", e.params(), "reduction", "sum");
        double side = 20;
        double distance = 1.5 * side;
        for (int k = 0; k < degrees.length; k++) {
            double a = Math.toRadians(degrees[k]);
            double cx = 50 + distance * Math.cos(a);
            double cy = 50 + distance * Math.sin(a);
            BoxPairs pair = new BoxPairs(new double[] {cx - side / 2, cy - side / 2, cx + side / 2, cy + side / 2},
                    new double[] {50 - side / 2, 50 - side / 2, 50 + side / 2, 50 + side / 2});
            siou[k] = s.evaluate(pair, sp, false).value();
            diou[k] = d.evaluate(pair, dp, false).value();
            eiou[k] = e.evaluate(pair, ep, false).value();
            double sine = Math.min(Math.abs(Math.sin(a)), Math.abs(Math.cos(a)));
            angleCost[k] = Math.cos(2 * Math.asin(sine) - Math.PI / 2);
        }
        return new PlotData(TeachingPlot.SIOU_ANGLE, List.of(r), "direction of the centre offset (degrees from the x axis)",
                List.of("loss"), false, 45);
    }

    /** IoU loss and NWD with the user's parameters, summed over a pair's boxes. */
    private record IouAndNwd(LossSpec<BoxPairs> iouSpec, Params iouParams, LossSpec<BoxPairs> nwdSpec, Params nwdParams) {
        static IouAndNwd of(Map<String, Params> params) {
            LossSpec<BoxPairs> iou = spec("iou");
            LossSpec<BoxPairs> nwd = spec("nwd");
            return new IouAndNwd(iou, paramsOf("iou", params).with("iou", iou.params(), "reduction", "sum"),
                    nwd, paramsOf("nwd", params).with("nwd", nwd.params(), "reduction", "sum"));
        }

        double iou(BoxPairs pair) {
            return iouSpec.evaluate(pair, iouParams, false).value();
        }

        double nwd(BoxPairs pair) {
            return nwdSpec.evaluate(pair, nwdParams, false).value();
        }
    }
}
