package org.losslab.engine.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegmentationData;
import org.losslab.engine.train.LogitsModel;
import org.losslab.engine.train.Optimizer;
import org.losslab.engine.train.Trainer;

/** The fused float32 Dice + Adam step follows the registry's float64 step (the train command's) to float precision. */
class DiceTrainingTest {

    @Test
    @SuppressWarnings("unchecked")
    void thirtyFusedStepsMatchTheRegistrysSteps() {
        StandardScene s = new StandardScene(96);
        DiceTraining fused = new DiceTraining(s.target, s.logits, 0.05, 2);
        SegmentationData scene = new SegmentationData(SegMode.BINARY, 1, 96, 96, s.logits.clone(), s.target.clone());
        LossSpec<SegmentationData> dice = (LossSpec<SegmentationData>) LossRegistry.get("dice");
        Trainer trainer = new Trainer(scene, new LogitsModel(scene.prediction()), Optimizer.of("adam", 0.05), dice,
                dice.defaults());
        for (int k = 0; k < 30; k++) {
            double fusedLoss = fused.step();
            double registryLoss = trainer.step();
            assertEquals(registryLoss, fusedLoss, 1e-5, "loss before step " + (k + 1));
        }
        double[] a = fused.logits();
        double[] b = trainer.logits();
        for (int i = 0; i < a.length; i++) {
            assertEquals(b[i], a[i], 1e-4 * Math.max(1, Math.abs(b[i])), "logit " + i);
        }
    }
}
