package org.losslab.engine.maps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec;
import org.losslab.engine.distance.DistanceTransform;
import org.losslab.engine.seg.BoundaryBands;
import org.losslab.engine.seg.ConfusionCounts;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegmentationData;

class PixelMapsTest {
    static boolean[] randomMask(Random r, int n, double density) {
        boolean[] m = new boolean[n];
        for (int i = 0; i < n; i++) {
            m[i] = r.nextDouble() < density;
        }
        return m;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void theDistanceTransformEqualsBruteForce(int seed) {
        Random r = new Random(seed);
        int h = 1 + r.nextInt(12);
        int w = 1 + r.nextInt(12);
        boolean[] seeds = randomMask(r, h * w, 0.1);
        seeds[r.nextInt(h * w)] = true;
        double[] d = DistanceTransform.squared(seeds, h, w);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double best = Double.POSITIVE_INFINITY;
                for (int j = 0; j < h * w; j++) {
                    if (seeds[j]) {
                        double dy = j / w - y;
                        double dx = j % w - x;
                        best = Math.min(best, dx * dx + dy * dy);
                    }
                }
                assertEquals(best, d[y * w + x], 1e-9);
            }
        }
    }

    /** The recipe itself: pad with zeros, erode d times with a 3x3 square, crop, subtract. */
    static boolean[] bandByErosion(boolean[] mask, int h, int w, int depth) {
        boolean[] padded = new boolean[(h + 2) * (w + 2)];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                padded[(y + 1) * (w + 2) + x + 1] = mask[y * w + x];
            }
        }
        for (int step = 0; step < depth; step++) {
            boolean[] next = new boolean[padded.length];
            for (int y = 0; y < h + 2; y++) {
                for (int x = 0; x < w + 2; x++) {
                    boolean all = true;
                    for (int dy = -1; dy <= 1 && all; dy++) {
                        for (int dx = -1; dx <= 1; dx++) {
                            int yy = y + dy;
                            int xx = x + dx;
                            // OpenCV's erosion border leaves pixels outside the padded image out
                            if (yy >= 0 && xx >= 0 && yy < h + 2 && xx < w + 2 && !padded[yy * (w + 2) + xx]) {
                                all = false;
                                break;
                            }
                        }
                    }
                    next[y * (w + 2) + x] = all && padded[y * (w + 2) + x];
                }
            }
            padded = next;
        }
        boolean[] band = new boolean[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                band[y * w + x] = mask[y * w + x] && !padded[(y + 1) * (w + 2) + x + 1];
            }
        }
        return band;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void bandsFromTheDistanceTransformEqualRepeatedErosion(int seed) {
        Random r = new Random(seed);
        int h = 2 + r.nextInt(20);
        int w = 2 + r.nextInt(20);
        boolean[] mask = randomMask(r, h * w, 0.7);
        for (int depth = 1; depth <= 4; depth++) {
            assertArrayEquals(bandByErosion(mask, h, w, depth), BoundaryBands.band(mask, h, w, depth), "depth " + depth);
        }
    }

    static SegmentationData binaryScene(long seed, int h, int w) {
        Random r = new Random(seed);
        double[] x = new double[h * w];
        int[] t = new int[h * w];
        for (int i = 0; i < x.length; i++) {
            t[i] = r.nextInt(2);
            x[i] = 2 * r.nextGaussian();
        }
        return new SegmentationData(SegMode.BINARY, 1, h, w, x, t);
    }

    @SuppressWarnings("unchecked")
    static double lossValue(String name, SegmentationData data, Map<String, Object> params) {
        LossSpec<SegmentationData> spec = (LossSpec<SegmentationData>) LossRegistry.get(name);
        return spec.evaluate(data, spec.bind(params), false).value();
    }

    @Test
    void theMeanOfTheCrossEntropyAndFocalMapsIsTheLoss() {
        SegmentationData data = binaryScene(3, 7, 9);
        MapSettings s = MapSettings.defaults();
        double[] ce = PixelMaps.compute(MapKind.CROSS_ENTROPY, data, s).values();
        double[] focal = PixelMaps.compute(MapKind.FOCAL, data, s).values();
        assertEquals(lossValue("bce", data, Map.of()), java.util.Arrays.stream(ce).average().orElseThrow(), 1e-12);
        assertEquals(lossValue("focal", data, Map.of()), java.util.Arrays.stream(focal).average().orElseThrow(), 1e-12);
    }

    @Test
    void theErrorMapCountsAreTheMetricsCounts() {
        SegmentationData data = binaryScene(4, 10, 10);
        double[] codes = PixelMaps.compute(MapKind.ERRORS, data, MapSettings.defaults()).values();
        ConfusionCounts counts = ConfusionCounts.of(data, 0.5, null, "test");
        long[] tally = new long[5];
        for (double c : codes) {
            tally[(int) c]++;
        }
        assertEquals(counts.tp[0], tally[PixelMaps.TP]);
        assertEquals(counts.fp[0], tally[PixelMaps.FP]);
        assertEquals(counts.fn[0], tally[PixelMaps.FN]);
        assertEquals(counts.tn[0], tally[PixelMaps.TN]);
    }

    @Test
    void unetWeightsPeakBetweenTwoCloseObjects() {
        // two one-pixel-wide vertical objects at x = 2 and x = 6 in a 9 x 9 image
        int h = 9;
        int w = 9;
        int[] classes = new int[h * w];
        for (int y = 0; y < h; y++) {
            classes[y * w + 2] = 1;
            classes[y * w + 6] = 1;
        }
        double[] weights = UnetWeights.compute(classes, h, w, 10, 5);
        double n = h * w;
        double foreground = 2 * h;
        double wBackground = n / (2 * (n - foreground));
        // at x = 4: d1 = d2 = 2, so the border term is 10 exp(-16 / 50)
        assertEquals(wBackground + 10 * Math.exp(-16.0 / 50), weights[4 * w + 4], 1e-12);
        // at x = 0: d1 = 2, d2 = 6
        assertEquals(wBackground + 10 * Math.exp(-64.0 / 50), weights[4 * w], 1e-12);
        assertEquals(n / (2 * foreground), weights[4 * w + 2], 1e-12);
    }

    @Test
    void everyDifferentiableSegmentationLossHasAGradientMap() {
        java.util.Set<String> mapped = new java.util.HashSet<>();
        for (MapKind kind : MapKind.values()) {
            if (kind.gradientOf() != null) {
                mapped.add(kind.gradientOf());
                assertEquals(MapKind.Scale.SIGNED, kind.scale(), kind + ": a gradient has a sign");
            }
        }
        if (mapped.contains("ce")) {
            mapped.add("bce"); // the cross-entropy map is bce on sigmoid scenes
        }
        for (var spec : org.losslab.engine.LossRegistry.of(org.losslab.engine.Domains.SEGMENTATION)) {
            if (spec.differentiable()) {
                org.junit.jupiter.api.Assertions.assertTrue(mapped.contains(spec.name()), spec.name() + " has no gradient map");
            }
        }
    }
}
