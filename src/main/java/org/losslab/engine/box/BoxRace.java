package org.losslab.engine.box;

import java.util.ArrayList;
import java.util.List;

/**
 * Plain gradient descent of one box on one IoU-family loss: the simulation experiment of the DIoU
 * paper (Zheng et al. 2020), step by step. Each step moves the corners by -step x gradient; a box that
 * would turn inside out is kept at least a tenth of a pixel wide.
 */
public final class BoxRace {
    /** The state after each iteration: the box, its IoU with the target and its loss. */
    public record Step(double[] box, double iou, double loss) {
    }

    private BoxRace() {
    }

    public static List<Step> run(IouFamilyLoss.Variant variant, double[] start, double[] target, double step, int iterations) {
        return run(variant, start, target, step, 1.0, iterations);
    }

    /**
     * As {@link #run(IouFamilyLoss.Variant, double[], double[], double, int)} with the step multiplied
     * by {@code decay} after every iteration: IoU losses have a kink at the optimum, where a fixed step
     * keeps bouncing around the target; a decaying one settles.
     */
    public static List<Step> run(IouFamilyLoss.Variant variant, double[] start, double[] target, double step,
                                 double decay, int iterations) {
        List<Step> steps = new ArrayList<>();
        double[] box = start.clone();
        double[] g = new double[4];
        for (int k = 0; k <= iterations; k++) {
            double loss = IouFamilyLoss.pair(variant, box, target, 0, 1e-7, g);
            steps.add(new Step(box.clone(), Box.iou(box, 0, target, 0), loss));
            if (k == iterations) {
                break;
            }
            double rate = step * Math.pow(decay, k);
            for (int c = 0; c < 4; c++) {
                box[c] -= rate * g[c];
            }
            if (box[2] < box[0] + 0.1) {
                double mid = (box[0] + box[2]) / 2;
                box[0] = mid - 0.05;
                box[2] = mid + 0.05;
            }
            if (box[3] < box[1] + 0.1) {
                double mid = (box[1] + box[3]) / 2;
                box[1] = mid - 0.05;
                box[3] = mid + 0.05;
            }
        }
        return steps;
    }

    /** The DIoU paper's layouts: the anchor placed diagonally, horizontally, vertically from, or inside the target. */
    public enum Layout {
        DIAGONAL, HORIZONTAL, VERTICAL, NESTED;

        /** {start box, target box} in a 200 x 200 field. */
        public double[][] boxes() {
            double[] target = {80, 80, 120, 120};
            switch (this) {
                case DIAGONAL:
                    return new double[][] {{20, 20, 60, 50}, target};
                case HORIZONTAL:
                    return new double[][] {{10, 85, 50, 115}, target};
                case VERTICAL:
                    return new double[][] {{85, 150, 115, 190}, target};
                default:
                    return new double[][] {{88, 95, 104, 105}, target};
            }
        }
    }
}
