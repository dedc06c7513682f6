package org.losslab.engine;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongUnaryOperator;
import org.losslab.engine.distance.FreshFields;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegmentationData;

/**
 * Whether one evaluation of a registry entry fits in the heap the program has free, asked before a large scene's
 * evaluation rather than learnt from an out-of-memory error (which can strike any thread, the window's too).
 *
 * <p>The working memory is measured, not declared, so that a new entry needs nothing more than its class: the entry
 * is evaluated on a probe (the scene sampled down to at most {@value #PROBE_SIDE} x {@value #PROBE_SIDE} pixels, the
 * same mode and classes), the bytes its thread allocated doing so are counted, and scaled to the scene's pixels. What
 * an evaluation allocates bounds what it holds at any moment, and per pixel the probe allocates about what the scene does
 * (measured for every entry at 128, 256, 2048 and 4096 pixels a side; {@link #PROBE_HEADROOM} covers the rest and
 * {@code EntryMemoryTest} checks every entry): the estimate errs on the side of refusing. Entries whose cost grows faster than the pixels (clDice's iterations) still
 * declare it ({@link WorkingMemory.Costly}), which is the same answer everywhere.
 */
public final class EntryMemory {
    /** Scenes below this many pixels are not probed: at most about 80 bytes a pixel, no entry needs 100 MB there. */
    public static final int PROBED_FROM_PIXELS = 1024 * 1024;
    static final int PROBE_SIDE = 256;
    /**
     * The probe's bytes a pixel are scaled up by this much: the distance entries allocate up to 12% more a pixel on a
     * scene large enough for their transforms' parallel path than on the probe (EntryMemoryTest measures every entry).
     */
    static final double PROBE_HEADROOM = 1.25;
    /** Kept free for the rest of the program (the window's own work) while an entry computes. */
    static final long MARGIN_BYTES = 96L << 20;

    private EntryMemory() {
    }

    /**
     * Why this evaluation is not run: the entry's own rule of cost ({@link LossSpec#tooCostly}), else on a large scene
     * what it needs against what the heap can spare now; empty when it runs.
     */
    public static Optional<String> refusal(LossSpec<SegmentationData> spec, SegmentationData scene, Params params,
                                           boolean withGradient) {
        return refusal(spec, scene, params, withGradient, EntryMemory::freeHeap);
    }

    /** As above, with the free heap told by {@code free} (given the bytes wanted, it may collect garbage first). */
    static Optional<String> refusal(LossSpec<SegmentationData> spec, SegmentationData scene, Params params,
                                    boolean withGradient, LongUnaryOperator free) {
        Optional<String> declared = spec.tooCostly(scene, params); // the fixed rule first: the same answer everywhere
        if (declared.isPresent()) {
            return declared;
        }
        if (scene.pixels() < PROBED_FROM_PIXELS || !ALLOCATIONS_COUNTED) {
            return Optional.empty();
        }
        long need = estimate(spec, scene, params, withGradient);
        long available = free.applyAsLong(need + MARGIN_BYTES);
        if (need + MARGIN_BYTES <= available) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "%s needs up to %s of working memory on this %d x %d scene, more than"
                        + " the %s the heap can spare now (%s free of %s, %s kept for the window): not computed",
                spec.name(), WorkingMemory.size(need), scene.height(), scene.width(),
                WorkingMemory.size(Math.max(0, available - MARGIN_BYTES)), WorkingMemory.size(Math.max(0, available)),
                WorkingMemory.size(Runtime.getRuntime().maxMemory()), WorkingMemory.size(MARGIN_BYTES)));
    }

    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final boolean ALLOCATIONS_COUNTED = THREADS.isThreadAllocatedMemorySupported()
            && THREADS.isThreadAllocatedMemoryEnabled();

    /**
     * What an entry is taken to need a pixel and channel when its probe could not be evaluated (refused where the
     * scene may not be, a class the sampling missed): above every entry's measured need (75 bytes at most).
     */
    static final long UNPROBED_BYTES_PER_PIXEL = 100;

    /**
     * The bytes one evaluation on {@code scene} allocates, scaled from its evaluation on the probe. The probe runs
     * twice and the second count is taken: the first run of an entry in the program also allocates its classes'
     * one-off set-up, which scaled by the ratio of pixels (320 at 4096 x 4096) would read as hundreds of MB.
     */
    static long estimate(LossSpec<SegmentationData> spec, SegmentationData scene, Params params, boolean withGradient) {
        SegmentationData probe = probe(scene);
        long[] allocated = new long[1];
        boolean[] evaluated = {true};
        // fields kept from earlier evaluations would hide the probe's own; the scene's are too large to be kept
        for (int run = 0; run < 2; run++) {
            FreshFields.run(() -> {
                long before = THREADS.getCurrentThreadAllocatedBytes();
                try {
                    spec.evaluate(probe, params, withGradient);
                } catch (RuntimeException e) {
                    evaluated[0] = false;
                }
                allocated[0] = THREADS.getCurrentThreadAllocatedBytes() - before;
            });
        }
        if (!evaluated[0]) {
            return UNPROBED_BYTES_PER_PIXEL * scene.pixels() * scene.channels();
        }
        return (long) Math.ceil(allocated[0] / (double) probe.pixels() * scene.pixels() * PROBE_HEADROOM);
    }

    /** The scene sampled down (nearest pixel) to at most PROBE_SIDE a side, every channel and target plane. */
    static SegmentationData probe(SegmentationData scene) {
        int h = Math.min(scene.height(), PROBE_SIDE);
        int w = Math.min(scene.width(), PROBE_SIDE);
        int n = scene.pixels();
        int planes = scene.mode() == SegMode.MULTILABEL ? scene.channels() : 1;
        double[] prediction = new double[scene.channels() * h * w];
        int[] target = new int[planes * h * w];
        for (int y = 0; y < h; y++) {
            int sy = (int) ((y + 0.5) * scene.height() / h);
            for (int x = 0; x < w; x++) {
                int from = sy * scene.width() + (int) ((x + 0.5) * scene.width() / w);
                for (int c = 0; c < scene.channels(); c++) {
                    prediction[(c * h + y) * w + x] = scene.prediction()[c * n + from];
                }
                for (int c = 0; c < planes; c++) {
                    target[(c * h + y) * w + x] = scene.target()[c * n + from];
                }
            }
        }
        return new SegmentationData(scene.mode(), scene.channels(), h, w, prediction, target);
    }

    /** The heap free now; when that is less than {@code wanted}, after collecting the garbage (which counts as used). */
    private static long freeHeap(long wanted) {
        Runtime runtime = Runtime.getRuntime();
        long free = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
        if (free < wanted) {
            System.gc();
            free = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
        }
        return free;
    }
}
