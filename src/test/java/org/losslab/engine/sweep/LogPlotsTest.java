package org.losslab.engine.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.Params;
import org.losslab.engine.seg.SegmentationData;
import org.losslab.scene.Presets;

/**
 * The "log or no log" plots against closed forms worked out by hand: one positive pixel of probability p has
 * -log p, 1 - p and -(1 - p)^g log p with |dL/dz| = 1 - p, p (1 - p) and (1 - p)^(g+1) - g p (1 - p)^g log p;
 * one positive pixel whose soft Dice is D has losses 1 - D and -log D and gradient scales 1 and 1/D.
 */
class LogPlotsTest {
    private static final double GAMMA = 3;

    private static Map<String, Params> withFocalGamma(double gamma) {
        Map<String, Params> params = RegistryDefaults.segmentation();
        var focal = LossRegistry.get("focal");
        params.put("focal", focal.defaults().with("focal", focal.params(), "gamma", gamma));
        return params;
    }

    @Test
    void onePixelCurvesAreTheClosedFormsOfCrossEntropyItsNoLogTwinAndFocal() {
        SegmentationData scene = Presets.get("shifted").create(64);
        PlotData data = TeachingSweeps.compute(TeachingPlot.NO_LOG, scene, null, List.of(), withFocalGamma(GAMMA));
        SweepResult loss = data.panels().get(0);
        SweepResult gradient = data.panels().get(1);
        double[] p = loss.x();
        assertEquals(99, p.length);
        List<String> columns = loss.columns();
        assertEquals(List.of("cross-entropy -log p_t", "no log: 1 - p_t (mae_prob)", "focal (gamma 3)"), columns);
        for (int i = 0; i < p.length; i++) {
            double q = 1 - p[i];
            double log = Math.log(p[i]);
            double[] expectedLoss = {-log, q, -Math.pow(q, GAMMA) * log};
            double[] expectedGradient = {q, p[i] * q, Math.pow(q, GAMMA + 1) - GAMMA * p[i] * Math.pow(q, GAMMA) * log};
            for (int k = 0; k < 3; k++) {
                assertEquals(expectedLoss[k], loss.column(k)[i], 1e-12, columns.get(k) + " at p = " + p[i]);
                assertEquals(expectedGradient[k], gradient.column(k)[i], 1e-12, "|dL/dz| of " + columns.get(k) + " at p = " + p[i]);
            }
        }
        // the caption reads the curves at p_t = 0.05 and the no-log gradient's peak at 0.5
        String caption = data.caption();
        double q = 0.95;
        double focalAt = Math.pow(q, GAMMA + 1) - GAMMA * 0.05 * Math.pow(q, GAMMA) * Math.log(0.05);
        assertTrue(caption.startsWith(String.format(Locale.ROOT, "At p_t = 0.05, a confident mistake, |dL/dz| is 0.950 under "
                + "cross-entropy and %.3g under focal (gamma 3) but only 0.0475 without the log, whose gradient p_t (1 - p_t) "
                + "peaks at p_t = 0.50", focalAt)), caption);
        assertTrue(caption.contains("(0.990 at p_t = 0.01, cross-entropy 4.61)"), caption);
        assertEquals(2, caption.split("\\. ").length, "two sentences: " + caption);
        // the marker: the probability the scene gives its probe pixel's label (a foreground pixel: its sigmoid)
        int probe = TeachingSweeps.probePixel(scene);
        assertEquals(1, scene.target()[probe]);
        assertEquals(1 / (1 + Math.exp(-scene.prediction()[probe])), data.operatingX(), 1e-15);
    }

    @Test
    void diceWithTheLogIsMinusLogDiceAndScalesTheGradientByOneOverDice() {
        SegmentationData scene = Presets.get("shifted").create(64);
        PlotData data = TeachingSweeps.compute(TeachingPlot.DICE_LOG, scene, null, List.of(), RegistryDefaults.segmentation());
        SweepResult loss = data.panels().get(0);
        SweepResult scale = data.panels().get(1);
        double[] d = loss.x();
        assertEquals(0.02, d[0], 1e-15);
        assertEquals(0.99, d[d.length - 1], 1e-15);
        for (int i = 0; i < d.length; i++) {
            assertEquals(1 - d[i], loss.column("1 - Dice")[i], 1e-12, "1 - Dice at " + d[i]);
            assertEquals(-Math.log(d[i]), loss.column("-log(Dice) (log_loss)")[i], 1e-12, "-log Dice at " + d[i]);
            assertEquals(1.0, scale.column("1 - Dice")[i], 0.0);
            assertEquals(1 / d[i], scale.column("-log(Dice) (log_loss)")[i], 1e-9 / d[i], "1/Dice at " + d[i]);
        }
        // the marker is the scene's soft Dice 2 TP / (2 TP + FP + FN), from its probabilities
        double tp = 0;
        double fp = 0;
        double fn = 0;
        for (int i = 0; i < scene.pixels(); i++) {
            double p = 1 / (1 + Math.exp(-scene.prediction()[i]));
            int t = scene.target()[i];
            tp += p * t;
            fp += p * (1 - t);
            fn += (1 - p) * t;
        }
        double dice = 2 * tp / (2 * tp + fp + fn);
        assertEquals(dice, data.operatingX(), 1e-12);
        String expected = String.format(Locale.ROOT, "At Dice = %.3f (this scene's soft Dice), -log(Dice) = %.3f against "
                + "1 - Dice = %.3f, and log_loss multiplies Dice's gradient by 1/Dice = %.3g. The factor is 50.0 at Dice = 0.02 "
                + "and 1.01 at 0.99", dice, -Math.log(dice), 1 - dice, 1 / dice);
        assertTrue(data.caption().startsWith(expected), data.caption());
    }

    @Test
    void aSceneWithoutADiceInTheAxisIsReadAtOneHalf() {
        // a perfect prediction: Dice 1, beyond the axis's 0.99; the caption reads the curves at 0.5 instead
        SegmentationData scene = Presets.get("shifted").create(32);
        double[] x = scene.prediction();
        for (int i = 0; i < x.length; i++) {
            x[i] = scene.target()[i] == 1 ? 1000 : -1000;
        }
        PlotData data = TeachingSweeps.compute(TeachingPlot.DICE_LOG, scene, null, List.of(), RegistryDefaults.segmentation());
        assertEquals(1.0, data.operatingX(), 1e-12);
        assertTrue(data.notes().isEmpty(), "the object is there: " + data.notes());
        assertTrue(data.caption().startsWith(String.format(Locale.ROOT, "At Dice = 0.500, -log(Dice) = %.3f against 1 - Dice = "
                + "0.500, and log_loss multiplies Dice's gradient by 1/Dice = 2.00.", Math.log(2))), data.caption());
    }

    @Test
    void anEmptyTargetIsNotedAsSmpsSkippedClass() {
        SegmentationData scene = Presets.get("empty-target").create(32);
        PlotData data = TeachingSweeps.compute(TeachingPlot.DICE_LOG, scene, null, List.of(), RegistryDefaults.segmentation());
        assertEquals(1.0, data.operatingX(), 0.0);
        assertEquals(List.of("the target has no foreground: smp's Dice loss skips the absent class (loss 0), marked at Dice = 1"),
                data.notes());
    }
}
