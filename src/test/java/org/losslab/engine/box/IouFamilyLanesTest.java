package org.losslab.engine.box;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The race's SIMD gradients of the IoU family are the registry's, bit for bit (any NaN equal to any NaN), lane by lane: on boxes
 * that overlap, nest, touch, lie apart, share edges (ties split in half) or have no width.
 */
class IouFamilyLanesTest {
    private static final int N = IouFamilyLanes.LANES;

    @Test
    void everyLaneHasTheRegistrysGradient() {
        SplittableRandom random = new SplittableRandom(11);
        for (IouFamilyLoss.Variant variant : IouFamilyLoss.Variant.values()) {
            for (double eps : new double[] {1e-7, 0}) {
                IouFamilyLanes lanes = new IouFamilyLanes(variant, eps);
                double[][] p = new double[4][N];
                double[][] t = new double[4][N];
                double[][] g = new double[4][N];
                for (int round = 0; round < 5000; round++) {
                    double[][] boxes = new double[N][];
                    double[][] targets = new double[N][];
                    for (int lane = 0; lane < N; lane++) {
                        targets[lane] = box(random, null);
                        boxes[lane] = box(random, targets[lane]);
                        for (int c = 0; c < 4; c++) {
                            p[c][lane] = boxes[lane][c];
                            t[c][lane] = targets[lane][c];
                        }
                    }
                    lanes.gradient(p, t, g);
                    double[] want = new double[4];
                    for (int lane = 0; lane < N; lane++) {
                        IouFamilyLoss.pair(variant, boxes[lane], targets[lane], 0, eps, want);
                        for (int c = 0; c < 4; c++) {
                            assertEquals(Double.doubleToLongBits(want[c]), Double.doubleToLongBits(g[c][lane]),
                                    variant + " eps " + eps + " lane " + lane + " corner " + c + ": " + want[c] + " vs " + g[c][lane]);
                        }
                    }
                }
            }
        }
    }

    /** A box (x1, y1, x2, y2); near {@code other} it often shares one of its coordinates or sits inside or apart. */
    private static double[] box(SplittableRandom random, double[] other) {
        double x1 = random.nextInt(4) == 0 ? random.nextInt(-2, 3) : random.nextDouble(-2, 2);
        double y1 = random.nextInt(4) == 0 ? random.nextInt(-2, 3) : random.nextDouble(-2, 2);
        double w = random.nextInt(10) == 0 ? 0 : random.nextDouble(0.01, 3);
        double h = random.nextInt(10) == 0 ? 0 : random.nextDouble(0.01, 3);
        double[] b = {x1, y1, x1 + w, y1 + h};
        if (other != null) {
            for (int c = 0; c < 4; c++) {
                if (random.nextInt(5) == 0) {
                    b[c] = other[c];
                }
            }
            if (random.nextInt(10) == 0) {
                b = new double[] {b[0] + 10, b[1], b[2] + 10, b[3]};
            }
        }
        return b;
    }
}
