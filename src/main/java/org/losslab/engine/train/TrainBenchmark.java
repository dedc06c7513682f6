package org.losslab.engine.train;

import java.util.Arrays;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec;
import org.losslab.engine.frame.StandardScene;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegmentationData;

/**
 * Times one training step (forward, Dice loss and its gradient, Adam update) of the logits model on the
 * standard bench scene, as the playground runs it.
 */
public final class TrainBenchmark {
    private TrainBenchmark() {
    }

    /** @param loss the loss after the timed steps, to show both sides trained the same thing */
    public record Result(int size, int steps, double medianMs, double minMs, double loss) {
    }

    @SuppressWarnings("unchecked")
    public static Result run(int size, int steps) {
        StandardScene s = new StandardScene(size);
        SegmentationData scene = new SegmentationData(SegMode.BINARY, 1, size, size, s.logits.clone(), s.target.clone());
        LossSpec<SegmentationData> dice = (LossSpec<SegmentationData>) LossRegistry.get("dice");
        Trainer trainer = new Trainer(scene, new LogitsModel(scene.prediction()), Optimizer.of("adam", 0.01), dice,
                dice.defaults());
        for (int w = 0; w < 20; w++) {
            trainer.step();
        }
        double[] times = new double[steps];
        for (int k = 0; k < steps; k++) {
            long t0 = System.nanoTime();
            trainer.step();
            times[k] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(times);
        return new Result(size, steps, times[steps / 2], times[0], trainer.loss());
    }
}
