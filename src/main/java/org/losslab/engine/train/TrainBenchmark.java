package org.losslab.engine.train;

import java.util.Arrays;
import java.util.function.DoubleSupplier;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec;
import org.losslab.engine.frame.DiceTraining;
import org.losslab.engine.frame.StandardScene;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegmentationData;

/**
 * Times one training step of the logits model under Dice with Adam (lr 0.01) on the standard bench scene:
 * the fused float32 step on the live frame's kernels and threads ({@link DiceTraining}), and, for
 * reference, the registry's float64 step that {@code train} and the playground run.
 */
public final class TrainBenchmark {
    private TrainBenchmark() {
    }

    /**
     * @param fusedMedianMs   the fused float32 step, on {@code threads} threads
     * @param registryMedianMs the registry's float64 step, one thread
     * @param fusedLoss       the Dice loss after the fused run, to show both ran the same thing
     * @param registryLoss    likewise for the registry's run
     */
    public record Result(int size, int steps, int threads, boolean vectorised, double fusedMedianMs,
                         double registryMedianMs, double fusedLoss, double registryLoss) {
    }

    @SuppressWarnings("unchecked")
    public static Result run(int size, int steps, int threads) {
        StandardScene s = new StandardScene(size);
        DiceTraining fused = new DiceTraining(s.target, s.logits, 0.01, threads);
        double[] fusedTimes = time(fused::step, steps);
        SegmentationData scene = new SegmentationData(SegMode.BINARY, 1, size, size, s.logits.clone(), s.target.clone());
        LossSpec<SegmentationData> dice = (LossSpec<SegmentationData>) LossRegistry.get("dice");
        Trainer trainer = new Trainer(scene, new LogitsModel(scene.prediction()), Optimizer.of("adam", 0.01), dice,
                dice.defaults());
        double[] registryTimes = time(trainer::step, steps);
        return new Result(size, steps, threads, fused.vectorised(), median(fusedTimes), median(registryTimes), fused.step(),
                trainer.loss());
    }

    /** 20 warm-up steps, then {@code steps} timed ones (ms each). */
    private static double[] time(DoubleSupplier step, int steps) {
        for (int w = 0; w < 20; w++) {
            step.getAsDouble();
        }
        double[] times = new double[steps];
        for (int k = 0; k < steps; k++) {
            long t0 = System.nanoTime();
            step.getAsDouble();
            times[k] = (System.nanoTime() - t0) / 1e6;
        }
        return times;
    }

    private static double median(double[] times) {
        double[] sorted = times.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
