package org.losslab.engine.distance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.losslab.engine.EngineException;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegmentationData;

/**
 * The distance, boundary and topology entries on scenes whose answers can be worked out independently:
 * brute-force boundary distances, shifted squares, saturated predictions, and the edge cases the contract
 * names (empty masks, full masks, nothing kept).
 */
class DistanceEntriesTest {

    @SuppressWarnings("unchecked")
    private static double eval(String name, SegmentationData data, Map<String, ?> params) {
        LossSpec<SegmentationData> spec = (LossSpec<SegmentationData>) LossRegistry.get(name);
        return spec.evaluate(data, spec.bind(params), false).value();
    }

    /** A binary scene from two masks, the prediction saturated (logit +-1000) so that it is exactly the mask. */
    private static SegmentationData binary(boolean[] predicted, int[] target, int h, int w) {
        double[] z = new double[h * w];
        for (int i = 0; i < z.length; i++) {
            z[i] = predicted[i] ? 1000 : -1000;
        }
        return new SegmentationData(SegMode.BINARY, 1, h, w, z, target);
    }

    private static boolean[] square(int h, int w, int y0, int x0, int size) {
        boolean[] m = new boolean[h * w];
        for (int y = y0; y < y0 + size; y++) {
            for (int x = x0; x < x0 + size; x++) {
                m[y * w + x] = true;
            }
        }
        return m;
    }

    private static int[] ints(boolean[] m) {
        int[] t = new int[m.length];
        for (int i = 0; i < m.length; i++) {
            t[i] = m[i] ? 1 : 0;
        }
        return t;
    }

    @Test
    void aSquareShiftedByThreePixelsIsThreePixelsAway() {
        int h = 20;
        int w = 20;
        SegmentationData data = binary(square(h, w, 5, 5, 6), ints(square(h, w, 5, 2, 6)), h, w);
        assertEquals(3.0, eval("hausdorff_distance", data, Map.of()), 1e-12);
        assertEquals(3.0, eval("hausdorff_distance", data, Map.of("directed", true)), 1e-12);
        assertEquals(1.0, eval("surface_dice", data, Map.of("tolerance", 3.0)), 1e-12);
        assertTrue(eval("surface_dice", data, Map.of("tolerance", 1.0)) < 1);
    }

    /** Brute force: the distance of every edge pixel of a to the nearest edge pixel of b. */
    private static double[] bruteForce(boolean[] a, boolean[] b, int h, int w) {
        boolean[] ea = MaskChannels.edges(a, h, w);
        boolean[] eb = MaskChannels.edges(b, h, w);
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < ea.length; i++) {
            if (!ea[i]) {
                continue;
            }
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < eb.length; j++) {
                if (eb[j]) {
                    best = Math.min(best, Math.hypot(i / w - j / w, i % w - j % w));
                }
            }
            out.add(best);
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double linearQuantile(double[] v, double q) {
        double[] s = v.clone();
        Arrays.sort(s);
        double pos = q * (s.length - 1);
        int lo = (int) pos;
        int hi = Math.min(lo + 1, s.length - 1);
        return s[lo] + (pos - lo) * (s[hi] - s[lo]);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void theSurfaceMetricsAgreeWithABruteForceSearch(long seed) {
        Random r = new Random(seed);
        int h = 6 + r.nextInt(14);
        int w = 6 + r.nextInt(14);
        boolean[] predicted = new boolean[h * w];
        boolean[] truth = new boolean[h * w];
        for (int i = 0; i < predicted.length; i++) {
            predicted[i] = r.nextDouble() < 0.4;
            truth[i] = r.nextDouble() < 0.4;
        }
        SegmentationData data = binary(predicted, ints(truth), h, w);
        double[] pg = bruteForce(predicted, truth, h, w);
        double[] gp = bruteForce(truth, predicted, h, w);
        double hd95 = Math.max(linearQuantile(pg, 0.95), linearQuantile(gp, 0.95));
        assertEquals(hd95, eval("hausdorff_distance", data, Map.of("percentile", 95.0)), 1e-9);
        assertEquals(Arrays.stream(pg).max().getAsDouble(), eval("hausdorff_distance", data, Map.of("directed", true)), 1e-9);
        double sum = Arrays.stream(pg).sum() + Arrays.stream(gp).sum();
        assertEquals(sum / (pg.length + gp.length), eval("surface_distance", data, Map.of()), 1e-9);
        double tol = 1.5;
        long near = Arrays.stream(pg).filter(d -> d <= tol).count() + Arrays.stream(gp).filter(d -> d <= tol).count();
        assertEquals((double) near / (pg.length + gp.length), eval("surface_dice", data, Map.of("tolerance", tol)), 1e-12);
    }

    @Test
    void emptyMasksGiveTheContractsAnswersNeverNaN() {
        int h = 10;
        int w = 10;
        boolean[] none = new boolean[h * w];
        boolean[] some = square(h, w, 2, 2, 3);
        SegmentationData missed = binary(none, ints(some), h, w);
        EngineException e = assertThrows(EngineException.class, () -> eval("hausdorff_distance", missed, Map.of()));
        assertTrue(e.getMessage().contains("infinite"), e.getMessage());
        assertThrows(EngineException.class, () -> eval("surface_distance", missed, Map.of()));
        assertEquals(0.0, eval("surface_dice", missed, Map.of()), 0.0);
        SegmentationData bothEmpty = binary(none, ints(none), h, w);
        assertThrows(EngineException.class, () -> eval("hausdorff_distance", bothEmpty, Map.of()));
        assertThrows(EngineException.class, () -> eval("surface_dice", bothEmpty, Map.of()));
    }

    @Test
    void theBoundaryLossIsNegativeWhenThePredictionIsRightAndItsMinimumIsNotZero() {
        int h = 16;
        int w = 16;
        boolean[] object = square(h, w, 4, 4, 8);
        SegmentationData perfect = binary(object, ints(object), h, w);
        double value = eval("boundary", perfect, Map.of());
        // inside, phi = -(distance to the outside - 1): the sum over the 8 x 8 square's rings 1..4 of -(ring - 1)
        double expected = -(0 * 28 + 1 * 20 + 2 * 12 + 3 * 4) / 256.0;
        assertEquals(expected, value, 1e-12);
        boolean[] everywhere = new boolean[h * w];
        Arrays.fill(everywhere, true);
        SegmentationData full = binary(object, ints(everywhere), h, w);
        assertThrows(EngineException.class, () -> eval("boundary", full, Map.of()));
    }

    @Test
    void theHausdorffLossVanishesOnAPerfectPredictionAndItsLogIsLog1p() {
        int h = 12;
        int w = 12;
        boolean[] object = square(h, w, 3, 3, 5);
        SegmentationData perfect = binary(object, ints(object), h, w);
        assertEquals(0.0, eval("hausdorff_dt", perfect, Map.of()), 1e-12);
        boolean[] shifted = square(h, w, 3, 5, 5);
        SegmentationData off = binary(shifted, ints(object), h, w);
        double loss = eval("hausdorff_dt", off, Map.of("alpha", 1.0));
        assertTrue(loss > 0);
        assertEquals(Math.log1p(loss), eval("log_hausdorff_dt", off, Map.of("alpha", 1.0)), 1e-12);
    }

    @Test
    void topKWithEveryPixelIsTheMeanCrossEntropyAndKeepingNoneIsAnError() {
        Random r = new Random(11);
        int c = 3;
        int h = 5;
        int w = 7;
        double[] z = new double[c * h * w];
        for (int i = 0; i < z.length; i++) {
            z[i] = 3 * r.nextGaussian();
        }
        int[] t = new int[h * w];
        for (int i = 0; i < t.length; i++) {
            t[i] = r.nextInt(c);
        }
        SegmentationData data = new SegmentationData(SegMode.MULTICLASS, c, h, w, z, t);
        assertEquals(eval("ce", data, Map.of()), eval("topk_ce", data, Map.of("k", 100.0)), 1e-12);
        assertTrue(eval("topk_ce", data, Map.of("k", 10.0)) > eval("ce", data, Map.of()));
        assertThrows(EngineException.class, () -> eval("topk_ce", data, Map.of("k", 1.0)));
    }

    @Test
    void aBrokenVesselLosesTopologySensitivityNotPrecision() {
        int h = 7;
        int w = 16;
        boolean[] vessel = new boolean[h * w];
        for (int x = 1; x < 15; x++) {
            vessel[3 * w + x] = true;
        }
        boolean[] broken = vessel.clone();
        broken[3 * w + 7] = false;
        broken[3 * w + 8] = false;
        SegmentationData data = binary(broken, ints(vessel), h, w);
        boolean[] skelTruth = Skeletonize.skeleton(vessel, h, w);
        boolean[] skelPred = Skeletonize.skeleton(broken, h, w);
        double precision = overlap(broken, skelTruth) / count(skelTruth);
        double sensitivity = overlap(vessel, skelPred) / count(skelPred);
        assertEquals(12.0 / 14, precision, 1e-12);
        assertEquals(1.0, sensitivity, 1e-12);
        assertEquals(2 * precision * sensitivity / (precision + sensitivity), eval("cldice_score", data, Map.of()), 1e-12);
        double dice = 2.0 * 12 / (12 + 14);
        assertTrue(eval("cldice_score", data, Map.of()) > dice - 1, "defined and finite");
    }

    private static double overlap(boolean[] a, boolean[] b) {
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            n += a[i] && b[i] ? 1 : 0;
        }
        return n;
    }

    private static double count(boolean[] a) {
        return overlap(a, a);
    }
}
