package org.losslab.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec;
import org.losslab.engine.seg.Activations;
import org.losslab.engine.seg.SegmentationData;

/** The numbers a lesson's text states are the engine's numbers on the scene the lesson loads. */
class LessonClaimsTest {

    /** Mean dL/dz over the found core, the missed rim and the background of the scene, and their totals. */
    @SuppressWarnings("unchecked")
    private static double[] byGroup(String loss, SegmentationData scene) {
        LossSpec<SegmentationData> spec = (LossSpec<SegmentationData>) LossRegistry.get(loss);
        double[] g = spec.evaluate(scene, spec.defaults(), true).gradient().get("prediction");
        double[] p = Activations.probabilities(scene, true);
        double[] sum = new double[3];
        int[] n = new int[3];
        for (int i = 0; i < scene.pixels(); i++) {
            int group = scene.target()[i] == 0 ? 2 : p[i] > 0.5 ? 0 : 1;
            sum[group] += g[i];
            n[group]++;
        }
        return new double[] {sum[0] / n[0], sum[1] / n[1], sum[2] / n[2], sum[0] + sum[1], sum[2], n[0], n[1], n[2]};
    }

    @Test
    void ceVsDiceGradients_theNumbersOfStepsOneAndTwo() {
        SegmentationData scene = Presets.get("extreme-imbalance").create(256); // the lesson loads it at 256
        double[] ce = byGroup("bce", scene);
        double[] dice = byGroup("dice", scene);
        assertEquals(65_536, scene.pixels());
        assertTrue(ce[7] > 900 * (ce[5] + ce[6]), "a thousand background pixels for each object pixel");
        // "cross-entropy: the missed rim -1.5e-5 a pixel, the found core -2.7e-7, the background +2.8e-7"
        assertEquals(-1.5e-5, ce[1], 0.05e-5);
        assertEquals(-2.7e-7, ce[0], 0.05e-7);
        assertEquals(2.8e-7, ce[2], 0.05e-7);
        // "Dice: -2.6e-5 on every object pixel, core included, +7.1e-7 on the background"
        assertEquals(-2.6e-5, dice[0], 0.05e-5);
        assertEquals(-2.6e-5, dice[1], 0.1e-5);
        assertEquals(7.1e-7, dice[2], 0.05e-7);
        // "about twice as hard as cross-entropy pulls a missed one"; "the sum over the background is larger"
        assertEquals(2.0, dice[1] / ce[1], 0.3);
        assertTrue(Math.abs(ce[4]) > Math.abs(ce[3]) && Math.abs(dice[4]) > Math.abs(dice[3]));
    }

    @Test
    void iouFamily_withExactGradientsSiouDriftsAwayWhileDiouConverges() {
        var run = org.losslab.engine.race.RaceRun.of(org.losslab.engine.race.RacePreset.RING,
                java.util.List.of(org.losslab.engine.race.RaceLoss.exact("siou"), org.losslab.engine.race.RaceLoss.exact("diou")));
        double[] siou = run.totals()[0];
        double[] diou = run.totals()[1];
        assertTrue(siou[200] > siou[0], "SIoU's total error grows: " + siou[0] + " -> " + siou[200]);
        assertTrue(diou[200] < 0.01 * diou[0], "DIoU's falls: " + diou[0] + " -> " + diou[200]);
    }
}
