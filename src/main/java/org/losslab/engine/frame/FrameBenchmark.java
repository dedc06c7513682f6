package org.losslab.engine.frame;

import java.util.Arrays;
import java.util.Random;
import org.losslab.engine.paint.ElementSink;
import org.losslab.engine.paint.Painting;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegmentationData;

/**
 * Times the live frame: full frames, and the update after one brush dab, on the standard scene. The
 * figures are medians of repeated runs after a warm-up; nothing here asserts a time.
 */
public final class FrameBenchmark {
    /** What one run measured. */
    public record Result(int size, int frames, int threads, double frameMedianMs, double frameMinMs, double brushMedianMs,
                         double brushRadius, double dice, double boundaryIou, boolean vectorised) {
    }

    private FrameBenchmark() {
    }

    /** Times {@code frames} frames (and {@code dabs} dabs of {@code brushRadius}, if positive) on {@code threads} threads. */
    public static Result run(int size, int frames, double brushRadius, int dabs, int threads) {
        StandardScene scene = new StandardScene(size);
        LiveFrame frame = new LiveFrame(size, size, scene.target, scene.logits, FrameSettings.standard(), threads);
        // the vector API's kernels reach full speed only once the JIT's last tier has compiled them
        long warmUntil = System.nanoTime() + 3_000_000_000L;
        float[] map = new float[size * size];
        for (int i = 0; i < 300 || System.nanoTime() < warmUntil; i++) {
            fullFrame(frame, map);
        }
        double[] times = new double[frames];
        for (int i = 0; i < frames; i++) {
            long start = System.nanoTime();
            fullFrame(frame, map);
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        double brushMedian = Double.NaN;
        if (brushRadius > 0) {
            Random random = new Random(1);
            // the scene's own arrays, painted with the workspace's brush
            SegmentationData painted = new SegmentationData(SegMode.BINARY, 1, size, size, scene.logits, scene.target);
            double[] dabTimes = new double[dabs];
            double cy = size / 2.0;
            double cx = size / 2.0;
            for (int i = -Math.max(dabs, 300); i < dabs; i++) {
                // a random walk, painting foreground and background alternately in strokes
                cy = Math.min(size - 1, Math.max(0, cy + random.nextGaussian() * brushRadius));
                cx = Math.min(size - 1, Math.max(0, cx + random.nextGaussian() * brushRadius));
                double probability = (i / 25) % 2 == 0 ? 0.95 : 0.05;
                long start = System.nanoTime();
                int[] box = Painting.predictionDisc(painted, cy, cx, brushRadius, probability, 0.7, 0, ElementSink.NONE);
                frame.update(box[0], box[1], box[2], box[3]);
                frame.gradient(LiveFrame.Region.DICE, map); // the workspace's dab: the update and the map shown
                if (i >= 0) {
                    dabTimes[i] = (System.nanoTime() - start) / 1e6;
                }
            }
            brushMedian = median(dabTimes);
        }
        return new Result(size, frames, threads, median(times), Arrays.stream(times).min().orElse(0), brushMedian, brushRadius,
                frame.diceValue(), frame.boundaryIou(), frame.vectorised());
    }

    /** A frame as PyTorch's reference computes it: every value and map, the three gradient maps included. */
    private static void fullFrame(LiveFrame frame, float[] map) {
        frame.computeAll();
        for (LiveFrame.Region region : LiveFrame.Region.values()) {
            frame.gradient(region, map);
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }
}
