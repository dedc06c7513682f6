package org.losslab.engine.train;

import java.util.Arrays;
import java.util.function.DoubleSupplier;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec;
import org.losslab.engine.frame.DiceTraining;
import org.losslab.engine.frame.StandardScene;
import org.losslab.engine.frame.StreamCopy;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegmentationData;

/**
 * Times one training step of the logits model under Dice with Adam (lr 0.01) on the standard bench scene:
 * the fused float32 step on the live frame's kernels and threads ({@link DiceTraining}), and, for
 * reference, the registry's float64 step that {@code train} and the playground run. It also measures what
 * the memory gives: a stream-like copy of float arrays as large as the step's, on the same threads, so the
 * step's bytes a second can be set against it.
 */
public final class TrainBenchmark {
    /** Warm-up steps before the first timed round. */
    private static final int WARM_UP = 20;
    private final int size;
    private final int threads;
    private final DiceTraining fused;

    public TrainBenchmark(int size, int threads) {
        this.size = size;
        this.threads = threads;
        StandardScene s = new StandardScene(size);
        fused = new DiceTraining(s.target, s.logits, 0.01, threads);
        for (int w = 0; w < WARM_UP; w++) {
            fused.step();
        }
    }

    /** The median of {@code steps} timed fused steps, in ms (the steps go on from the previous round's). */
    public double fusedMedianMs(int steps) {
        return median(time(fused::step, steps));
    }

    /** The Dice loss the fused step is at now (it takes one more step). */
    public double fusedLoss() {
        return fused.step();
    }

    public boolean vectorised() {
        return fused.vectorised();
    }

    /** Bytes the fused step reads and writes per step. */
    public long fusedBytesPerStep() {
        return (long) DiceTraining.BYTES_PER_PIXEL * size * size;
    }

    /** The registry's float64 step (one thread): its median in ms over {@code steps} after warm-up, and its loss. */
    @SuppressWarnings("unchecked")
    public double[] registry(int steps) {
        StandardScene s = new StandardScene(size);
        SegmentationData scene = new SegmentationData(SegMode.BINARY, 1, size, size, s.logits.clone(), s.target.clone());
        LossSpec<SegmentationData> dice = (LossSpec<SegmentationData>) LossRegistry.get("dice");
        Trainer trainer = new Trainer(scene, new LogitsModel(scene.prediction()), Optimizer.of("adam", 0.01), dice,
                dice.defaults());
        for (int w = 0; w < WARM_UP; w++) {
            trainer.step();
        }
        double ms = median(time(trainer::step, steps));
        return new double[] {ms, trainer.loss()};
    }

    /**
     * A stream-like copy (STREAM's "copy": b = a) of five float arrays of N x N, as many as the step reads, on the
     * step's threads, the best of {@code reps}: bytes read plus written a second, in GB/s.
     */
    public double copyGigabytesPerSecond(int reps) {
        return StreamCopy.gigabytesPerSecond(size * size, 5, threads, reps);
    }

    /** {@code steps} timed steps (ms each). */
    private static double[] time(DoubleSupplier step, int steps) {
        double[] times = new double[steps];
        for (int k = 0; k < steps; k++) {
            long t0 = System.nanoTime();
            step.getAsDouble();
            times[k] = (System.nanoTime() - t0) / 1e6;
        }
        return times;
    }

    /** The median of some values (the upper one of an even count). */
    public static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
