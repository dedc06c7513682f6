package org.losslab.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegmentationData;

/** The trainer's pieces on small scenes with answers worked out independently. */
class TrainerTest {

    @SuppressWarnings("unchecked")
    private static LossSpec<SegmentationData> spec(String name) {
        return (LossSpec<SegmentationData>) LossRegistry.get(name);
    }

    /** A 1:100 scene: one foreground pixel in 10 x 10, logits -2 everywhere (the object missed). */
    private static SegmentationData smallObject() {
        int[] target = new int[100];
        target[44] = 1;
        double[] z = new double[100];
        java.util.Arrays.fill(z, -2);
        return new SegmentationData(SegMode.BINARY, 1, 10, 10, z, target);
    }

    @Test
    void sgdOnTheLogitsIsMinusTheRateTimesTheRegistryGradient() {
        SegmentationData scene = smallObject();
        LossSpec<SegmentationData> dice = spec("dice");
        double[] g = dice.evaluate(scene, dice.defaults(), true).gradient().get("prediction");
        Trainer t = new Trainer(scene, new LogitsModel(scene.prediction()), Optimizer.of("sgd", 0.5), dice, dice.defaults());
        t.step();
        double[] z = t.logits();
        for (int i = 0; i < z.length; i++) {
            assertEquals(-2 - 0.5 * g[i], z[i], 1e-15);
        }
    }

    @Test
    void diceAimsItsGradientAtTheMissedObjectWhereMeanCrossEntropySpreadsItOverTheBackground() {
        SegmentationData scene = smallObject();
        double[] dice = spec("dice").evaluate(scene, spec("dice").defaults(), true).gradient().get("prediction");
        double[] bce = spec("bce").evaluate(scene, spec("bce").defaults(), true).gradient().get("prediction");
        double diceFocus = -dice[44] / dice[0];
        double bceFocus = -bce[44] / bce[0];
        assertTrue(diceFocus > 10 * bceFocus, "object against background pixel: Dice " + diceFocus + ", BCE " + bceFocus);
        Trainer diceRun = new Trainer(scene, new LogitsModel(scene.prediction()), Optimizer.of("sgd", 20), spec("dice"),
                spec("dice").defaults());
        Trainer bceRun = new Trainer(scene, new LogitsModel(scene.prediction()), Optimizer.of("sgd", 20), spec("bce"),
                spec("bce").defaults());
        for (int s = 0; s < 20; s++) {
            diceRun.step();
            bceRun.step();
        }
        assertTrue(diceRun.logits()[44] > 0, "Dice turned the object on: " + diceRun.logits()[44]);
        assertTrue(diceRun.logits()[44] > bceRun.logits()[44], "and faster than BCE: " + bceRun.logits()[44]);
    }

    @Test
    void aCheckpointReplaysTheRunExactly() {
        Random r = new Random(3);
        double[] z = new double[64];
        int[] t = new int[64];
        for (int i = 0; i < 64; i++) {
            z[i] = r.nextGaussian();
            t[i] = r.nextInt(4) == 0 ? 1 : 0;
        }
        SegmentationData scene = new SegmentationData(SegMode.BINARY, 1, 8, 8, z, t);
        Trainer trainer = new Trainer(scene, new LogitsModel(z), Optimizer.of("adam", 0.05), spec("focal"),
                spec("focal").defaults());
        for (int s = 0; s < 7; s++) {
            trainer.step();
        }
        Trainer.Checkpoint at7 = trainer.checkpoint();
        for (int s = 0; s < 5; s++) {
            trainer.step();
        }
        double[] at12 = trainer.logits();
        trainer.restore(at7);
        assertEquals(7, trainer.steps());
        for (int s = 0; s < 5; s++) {
            trainer.step();
        }
        assertArrayEquals(at12, trainer.logits(), 0.0);
    }

    @Test
    void thePixelModelsGradientIsTheChainRule() {
        SegmentationData scene = smallObject();
        double[] image = new double[200];
        Random r = new Random(5);
        for (int i = 0; i < image.length; i++) {
            image[i] = r.nextDouble();
        }
        PixelModel model = new PixelModel(2, 100, image);
        double[] theta = {0.3, -0.7, 0.1};
        double[] z = new double[100];
        model.logits(theta, z);
        LossSpec<SegmentationData> bce = spec("bce");
        double[] dz = bce.evaluate(scene.withPrediction(z), bce.defaults(), true).gradient().get("prediction");
        double[] g = new double[3];
        model.backward(theta, dz, g);
        for (int k = 0; k < 3; k++) {
            double[] plus = theta.clone();
            double[] minus = theta.clone();
            plus[k] += 1e-6;
            minus[k] -= 1e-6;
            double[] zp = new double[100];
            double[] zm = new double[100];
            model.logits(plus, zp);
            model.logits(minus, zm);
            double numeric = (bce.evaluate(scene.withPrediction(zp), bce.defaults(), false).value()
                    - bce.evaluate(scene.withPrediction(zm), bce.defaults(), false).value()) / 2e-6;
            assertEquals(numeric, g[k], 1e-8, "parameter " + k);
        }
    }

    @Test
    void theGradientShareSplitsTheTotalByOutcome() {
        SegmentationData scene = smallObject();
        LossSpec<SegmentationData> bce = spec("bce");
        double[] g = bce.evaluate(scene, bce.defaults(), true).gradient().get("prediction");
        GradientShare share = GradientShare.of(scene, g);
        assertEquals(0.0, share.tp(), 0.0);
        assertEquals(0.0, share.fp(), 0.0);
        assertEquals(Math.abs(g[44]), share.fn(), 1e-15);
        double rest = 0;
        for (int i = 0; i < 100; i++) {
            rest += i == 44 ? 0 : Math.abs(g[i]);
        }
        assertEquals(rest, share.tn(), 1e-12);
        assertTrue(share.tn() > 10 * share.fn(), "mean BCE spends its gradient on the easy background");
        LossSpec<SegmentationData> dice = spec("dice");
        GradientShare diceShare = GradientShare.of(scene, dice.evaluate(scene, dice.defaults(), true).gradient().get("prediction"));
        assertTrue(diceShare.fn() / diceShare.total() > share.fn() / share.total(), "Dice puts more of it on the object");
    }
}
