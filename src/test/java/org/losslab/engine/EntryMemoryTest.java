package org.losslab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.losslab.engine.distance.FreshFields;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegmentationData;

class EntryMemoryTest {
    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    /**
     * A scene of h x w with c channels: a disc of class 1 (multiclass: rings of classes 1, 2, ...), and logits that
     * agree with the target near its centre and drift off towards the edge, with a pattern.
     */
    static SegmentationData scene(SegMode mode, int c, int h, int w) {
        int n = h * w;
        double[] x = new double[c * n];
        int[] t = new int[mode == SegMode.MULTILABEL ? c * n : n];
        for (int y = 0; y < h; y++) {
            for (int i = 0; i < w; i++) {
                double r = Math.hypot(y - h / 2.0, i - w / 2.0) / Math.min(h, w);
                int label = r < 0.3 ? (mode == SegMode.MULTICLASS ? 1 + (int) (r * 10) % (c - 1) : 1) : 0;
                int p = y * w + i;
                for (int k = 0; k < t.length / n; k++) {
                    t[k * n + p] = mode == SegMode.MULTILABEL ? (label + k) % 2 : label;
                }
                for (int k = 0; k < c; k++) {
                    x[k * n + p] = (0.35 - r) * 4 * (k == label || c == 1 ? 1 : -1) + ((i * 7 + y * 13 + k) % 11 - 5) * 0.3;
                }
            }
        }
        return new SegmentationData(mode, c, h, w, x, t);
    }

    /**
     * What work allocates on this thread with nothing cached before or kept after, as on a large scene (whose fields are
     * past the caches' budget): counted by the JVM, not by the code under test.
     */
    private static long allocatedBy(Runnable work) {
        long[] bytes = new long[1];
        FreshFields.run(() -> {
            long before = THREADS.getCurrentThreadAllocatedBytes();
            work.run();
            bytes[0] = THREADS.getCurrentThreadAllocatedBytes() - before;
        });
        return bytes[0];
    }

    /**
     * The estimate from the probe never falls short of what the evaluation on the whole scene allocates (and so of what
     * it holds at once): every entry of the registry, with and without its gradient, on a binary and a three-class
     * scene nine times the probe's pixels. Allocations are counted by the JVM for the thread, independently of the probe.
     */
    @Test
    void theProbesEstimateBoundsWhatEveryEntryAllocatesOnTheWholeScene() {
        List<String> shortfalls = new ArrayList<>();
        int checked = 0;
        for (SegmentationData scene : List.of(scene(SegMode.BINARY, 1, 768, 768), scene(SegMode.MULTICLASS, 3, 640, 928))) {
            for (LossSpec<SegmentationData> spec : LossRegistry.of(Domains.SEGMENTATION)) {
                if (!spec.appliesTo(scene) || spec.tooCostly(scene, spec.defaults()).isPresent()) {
                    continue;
                }
                for (boolean gradient : new boolean[] {false, true}) {
                    long estimate = EntryMemory.estimate(spec, scene, spec.defaults(), gradient);
                    long actual = allocatedBy(() -> spec.evaluate(scene, spec.defaults(), gradient));
                    checked++;
                    if (estimate < actual) {
                        shortfalls.add(spec.name() + (gradient ? " with gradient" : "") + " on " + scene.mode() + ": estimate "
                                + (estimate >> 10) + " KB, allocated " + (actual >> 10) + " KB");
                    }
                }
            }
        }
        assertTrue(checked > 50, checked + " evaluations checked");
        assertTrue(shortfalls.isEmpty(), String.join("\n", shortfalls));
    }

    @Test
    void aLargeScenesEntryIsRefusedWhenItWouldNotFitAndTheReasonSaysWhat() {
        SegmentationData scene = scene(SegMode.BINARY, 1, 1024, 1024);
        @SuppressWarnings("unchecked")
        LossSpec<SegmentationData> lovasz = (LossSpec<SegmentationData>) LossRegistry.get("lovasz");
        long allocated = allocatedBy(() -> lovasz.evaluate(scene, lovasz.defaults(), false));
        AtomicLong asked = new AtomicLong();
        Optional<String> refused = EntryMemory.refusal(lovasz, scene, lovasz.defaults(), false, wanted -> {
            asked.set(wanted);
            return 32L << 20;
        });
        assertTrue(refused.isPresent(), "32 MB free for an entry that allocates " + (allocated >> 20) + " MB");
        // what it asked the heap for: at least what the evaluation allocates, plus the margin kept for the window
        assertTrue(asked.get() >= allocated + EntryMemory.MARGIN_BYTES, asked.get() + " < " + allocated);
        String why = refused.get();
        assertTrue(why.startsWith("lovasz needs up to ") && why.contains("1024 x 1024") && why.contains("32 MB free"), why);
        assertEquals(Optional.empty(), EntryMemory.refusal(lovasz, scene, lovasz.defaults(), false, wanted -> 8L << 30));
        // an entry's own rule of cost answers first, whatever the heap (clDice's iterations)
        @SuppressWarnings("unchecked")
        LossSpec<SegmentationData> cldice = (LossSpec<SegmentationData>) LossRegistry.get("cldice");
        Params many = cldice.bind(Map.of("iterations", 50L));
        assertEquals(cldice.tooCostly(scene, many), EntryMemory.refusal(cldice, scene, many, false, wanted -> 8L << 30));
        assertTrue(cldice.tooCostly(scene, many).isPresent());
        // a scene under the probed size is never refused (nor probed): no entry needs 100 MB there
        SegmentationData small = scene(SegMode.BINARY, 1, 512, 512);
        assertEquals(Optional.empty(), EntryMemory.refusal(lovasz, small, lovasz.defaults(), false, wanted -> 0));
    }

    /** An entry whose probe cannot be evaluated is taken to need the most any entry was measured to (not nothing). */
    @Test
    void anEntryRefusedOnItsProbeIsTakenToNeedTheMost() {
        SegmentationData scene = scene(SegMode.MULTICLASS, 3, 1100, 1000);
        LossSpec<SegmentationData> refusesSmall = new LossSpec<>("refuses_small", Domains.SEGMENTATION, LossSpec.Kind.METRIC,
                "", "", List.of(), (data, params, gradient) -> {
                    if (data.pixels() < 1 << 20) {
                        throw new EngineException("refuses_small: a class is missing");
                    }
                    return Evaluation.scalar(0);
                });
        assertEquals(EntryMemory.UNPROBED_BYTES_PER_PIXEL * 1100 * 1000 * 3,
                EntryMemory.estimate(refusesSmall, scene, refusesSmall.defaults(), false));
        assertTrue(EntryMemory.refusal(refusesSmall, scene, refusesSmall.defaults(), false, wanted -> 200L << 20).isPresent());
    }

    @Test
    void theProbeSamplesEveryChannelAndTargetPlaneAtTheNearestPixel() {
        SegmentationData scene = scene(SegMode.MULTILABEL, 2, 1000, 600);
        SegmentationData probe = EntryMemory.probe(scene);
        assertEquals(256, probe.height());
        assertEquals(256, probe.width());
        int n = scene.pixels();
        // probe pixel (y, x) is the scene's pixel under its centre: row floor((y + 0.5) 1000 / 256), column ... 600 / 256
        for (int[] yx : new int[][] {{0, 0}, {17, 200}, {255, 255}, {100, 3}}) {
            int sy = (int) Math.floor((yx[0] + 0.5) * 1000 / 256);
            int sx = (int) Math.floor((yx[1] + 0.5) * 600 / 256);
            for (int c = 0; c < 2; c++) {
                assertEquals(scene.prediction()[c * n + sy * 600 + sx], probe.prediction()[c * 256 * 256 + yx[0] * 256 + yx[1]]);
                assertEquals(scene.target()[c * n + sy * 600 + sx], probe.target()[c * 256 * 256 + yx[0] * 256 + yx[1]]);
            }
        }
        SegmentationData tiny = scene(SegMode.BINARY, 1, 40, 300);
        assertEquals(40, EntryMemory.probe(tiny).height());
        assertEquals(256, EntryMemory.probe(tiny).width());
    }
}
