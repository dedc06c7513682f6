package org.losslab.engine.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The Java fdlibm arctangent, scalar and on SIMD lanes, gives StrictMath's bits for every kind of argument. */
class AtanTest {

    /** Random arguments over many magnitudes, fdlibm's branch boundaries and their neighbours, and special values. */
    private static double[] arguments() {
        List<Double> values = new ArrayList<>();
        double[] edges = {0.4375, 0.6875, 1.1875, 2.4375, 0x1p-29, 0x1p66, 1, 1.5, 0.5, 2};
        for (double edge : edges) {
            for (double e : new double[] {edge, Math.nextUp(edge), Math.nextDown(edge)}) {
                values.add(e);
                values.add(-e);
            }
        }
        for (double special : new double[] {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 1e-300, 1e300}) {
            values.add(special);
        }
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            double magnitude = Math.pow(2, random.nextDouble(-40, 70));
            values.add((random.nextBoolean() ? 1 : -1) * magnitude * random.nextDouble());
            values.add(random.nextDouble(-3, 3));
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void scalarMatchesStrictMathBitForBit() {
        for (double x : arguments()) {
            assertEquals(Double.doubleToLongBits(StrictMath.atan(x)), Double.doubleToLongBits(Atan.atan(x)), "atan(" + x + ")");
        }
    }

    @Test
    void lanesMatchStrictMathBitForBit() {
        double[] all = arguments();
        double[] in = new double[LaneAtan.LANES];
        double[] out = new double[LaneAtan.LANES];
        for (int start = 0; start < all.length; start += LaneAtan.LANES) {
            for (int lane = 0; lane < LaneAtan.LANES; lane++) {
                // neighbouring lanes hold arguments of different branches
                in[lane] = all[(start + lane * 7919) % all.length];
            }
            LaneAtan.atan(in, out);
            for (int lane = 0; lane < LaneAtan.LANES; lane++) {
                assertEquals(Double.doubleToLongBits(StrictMath.atan(in[lane])), Double.doubleToLongBits(out[lane]),
                        "atan(" + in[lane] + ") in lane " + lane);
            }
        }
    }
}
