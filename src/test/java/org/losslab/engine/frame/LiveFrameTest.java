package org.losslab.engine.frame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec;
import org.losslab.engine.seg.BoundaryBands;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegmentationData;

/** The live frame against the registry's losses and the reference bands, for both kernels. */
class LiveFrameTest {
    static Stream<Arguments> kernels() {
        return Stream.of(Arguments.of("scalar", new ScalarFrameKernel()), Arguments.of("best", FrameKernel.best()));
    }

    static SegmentationData scene(long seed, int h, int w) {
        Random r = new Random(seed);
        int[] t = new int[h * w];
        double[] x = new double[h * w];
        for (int i = 0; i < t.length; i++) {
            int y = i / w;
            int c = i % w;
            t[i] = r.nextInt(30) == 0 ? 255 : (y - h / 2.0) * (y - h / 2.0) + (c - w / 3.0) * (c - w / 3.0) < h * w / 10.0 ? 1 : 0;
            x[i] = 2 * r.nextGaussian() + (t[i] == 1 ? 2 : -2) + (r.nextInt(50) == 0 ? 900 : 0);
        }
        return new SegmentationData(SegMode.BINARY, 1, h, w, x, t);
    }

    @SuppressWarnings("unchecked")
    static double registry(String name, SegmentationData data, Map<String, Object> params, boolean gradientSum,
                           float[] compareTo) {
        LossSpec<SegmentationData> spec = (LossSpec<SegmentationData>) LossRegistry.get(name);
        var e = spec.evaluate(data, spec.bind(params), compareTo != null);
        if (compareTo != null) {
            double[] g = e.gradient().get("prediction");
            double max = 0;
            for (double v : g) {
                max = Math.max(max, Math.abs(v));
            }
            for (int i = 0; i < g.length; i++) {
                assertEquals(g[i], compareTo[i], 2e-6 * max + 1e-30, name + " gradient at " + i);
            }
        }
        return e.value();
    }

    static float[] gradient(LiveFrame f, LiveFrame.Region region) {
        float[] out = new float[f.height() * f.width()];
        f.gradient(region, out);
        return out;
    }

    /** The frame works in float32, as PyTorch's frame does: values agree to float precision. */
    static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-6 * Math.abs(expected) + 1e-9, what);
    }

    static void assertMatchesRegistry(LiveFrame f, SegmentationData d) {
        Map<String, Object> ignore = Map.of("ignore_index", 255L);
        assertClose(registry("dice", d, ignore, true, gradient(f, LiveFrame.Region.DICE)), f.diceValue(), "dice");
        assertClose(registry("jaccard", d, ignore, true, gradient(f, LiveFrame.Region.JACCARD)), f.jaccardValue(), "jaccard");
        assertClose(registry("tversky", d, Map.of("ignore_index", 255L, "alpha", 0.3, "beta", 0.7), true,
                gradient(f, LiveFrame.Region.TVERSKY)), f.tverskyValue(), "tversky");
        assertClose(registry("bce", d, ignore, false, null), f.bceValue(), "bce");
        assertClose(registry("focal", d, ignore, false, null), f.focalValue(), "focal");
        boolean[] truth = new boolean[d.pixels()];
        boolean[] predicted = new boolean[d.pixels()];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = d.target()[i] == 1;
            predicted[i] = d.prediction()[i] >= 0;
        }
        int depth = BoundaryBands.depth(0.02, d.height(), d.width());
        assertArrayEquals(BoundaryBands.band(truth, d.height(), d.width(), depth), f.targetBand());
        assertArrayEquals(BoundaryBands.band(predicted, d.height(), d.width(), depth), f.predictionBand());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void aFullFrameEqualsTheRegistry(String name, FrameKernel kernel) {
        SegmentationData d = scene(1, 61, 77);
        LiveFrame f = new LiveFrame(61, 77, d.target(), d.prediction(), FrameSettings.standard(), kernel);
        f.computeAll();
        assertMatchesRegistry(f, d);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void afterManyDabsTheIncrementalStateEqualsAFreshFrame(String name, FrameKernel kernel) {
        SegmentationData d = scene(2, 90, 70);
        LiveFrame f = new LiveFrame(90, 70, d.target(), d.prediction(), FrameSettings.standard(), kernel);
        f.computeAll();
        Random r = new Random(3);
        for (int k = 0; k < 300; k++) {
            int[] box;
            if (k % 7 == 0) {
                // paint the target too: a small square of foreground or background
                int y = r.nextInt(90);
                int x = r.nextInt(70);
                int value = r.nextInt(2);
                for (int yy = y; yy < Math.min(90, y + 4); yy++) {
                    for (int xx = x; xx < Math.min(70, x + 4); xx++) {
                        d.target()[yy * 70 + xx] = value;
                    }
                }
                box = new int[] {y, y + 4, x, x + 4};
            } else {
                box = org.losslab.engine.paint.Painting.predictionDisc(d, r.nextDouble() * 90, r.nextDouble() * 70,
                        1 + 6 * r.nextDouble(), r.nextDouble(), r.nextDouble(), 0, org.losslab.engine.paint.ElementSink.NONE);
            }
            f.update(box[0], box[1], box[2], box[3]);
        }
        assertMatchesRegistry(f, d);
        LiveFrame fresh = new LiveFrame(90, 70, d.target(), d.prediction(), FrameSettings.standard(), kernel);
        fresh.computeAll();
        assertEquals(fresh.boundaryIou(), f.boundaryIou(), 0.0);
        assertTrue(f.boundaryIou() >= 0 && f.boundaryIou() <= 1);
    }

    /**
     * A frame that keeps no BCE and focal maps (a large scene showing another map) has the same values as one that
     * keeps them, on a full frame and after dabs; its maps are absent, not stale. Equal to float rounding, not to the
     * bit: the vector kernel's lanes give the last bit differently interpreted and compiled.
     */
    @org.junit.jupiter.api.Test
    void withoutItsLossMapsTheFrameGivesTheSameValues() {
        SegmentationData d = scene(5, 80, 96);
        SegmentationData copy = d.copy();
        LiveFrame kept = new LiveFrame(80, 96, d.target(), d.prediction(), FrameSettings.standard(), true);
        LiveFrame lean = new LiveFrame(80, 96, copy.target(), copy.prediction(), FrameSettings.standard(), false);
        kept.computeAll();
        lean.computeAll();
        assertTrue(kept.keepsLossMaps() && kept.bceMap() != null);
        assertTrue(!lean.keepsLossMaps() && lean.bceMap() == null && lean.focalMap() == null);
        Random r = new Random(8);
        for (int k = 0; k <= 40; k++) {
            String after = " after " + k + " dabs";
            assertEquals(kept.bceValue(), lean.bceValue(), 1e-6 * kept.bceValue(), "bce" + after);
            assertEquals(kept.focalValue(), lean.focalValue(), 1e-6 * kept.focalValue(), "focal" + after);
            assertEquals(kept.diceValue(), lean.diceValue(), 1e-6 * kept.diceValue(), "dice" + after);
            assertEquals(kept.tverskyValue(), lean.tverskyValue(), 1e-6 * kept.tverskyValue(), "tversky" + after);
            assertEquals(kept.boundaryIou(), lean.boundaryIou(), 0.0, "boundary IoU" + after);
            float[] a = gradient(kept, LiveFrame.Region.JACCARD);
            float[] b = gradient(lean, LiveFrame.Region.JACCARD);
            for (int i = 0; i < a.length; i++) {
                assertEquals(a[i], b[i], 1e-6f * Math.abs(a[i]), "Jaccard gradient at " + i + after);
            }
            double y = r.nextDouble() * 80;
            double x = r.nextDouble() * 96;
            double radius = 1 + 5 * r.nextDouble();
            double value = r.nextDouble();
            int[] box = org.losslab.engine.paint.Painting.predictionDisc(d, y, x, radius, value, 0.5, 0,
                    org.losslab.engine.paint.ElementSink.NONE);
            org.losslab.engine.paint.Painting.predictionDisc(copy, y, x, radius, value, 0.5, 0,
                    org.losslab.engine.paint.ElementSink.NONE);
            kept.update(box[0], box[1], box[2], box[3]);
            lean.update(box[0], box[1], box[2], box[3]);
        }
    }
}
