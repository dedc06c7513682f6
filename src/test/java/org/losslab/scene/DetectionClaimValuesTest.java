package org.losslab.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.losslab.engine.EngineException;
import org.losslab.engine.race.RaceLoss;
import org.losslab.engine.race.RacePreset;
import org.losslab.engine.race.RaceRun;

/** The ssd, race and dfl namespaces of lesson values, against counts and entropies worked by hand. */
class DetectionClaimValuesTest {
    private static StepScene state(String stepJson) throws Exception {
        return ClaimNamespacesTest.state(stepJson);
    }

    @Test
    void ssdValuesCountThePriorsAndShareTheNegativesLoss() throws Exception {
        StepScene ssd = state("{\"text\": \"x\", \"workspace\": \"detection\", \"detection_tab\": \"ssd\"}");
        // maps of 16, 8, 4, 2 and 1 cells a side, 4 priors a cell (ratios 1, 2, 0.5 and the extra square)
        assertEquals(4 * (256 + 64 + 16 + 4 + 1), Claims.value("ssd:priors", ssd), 0.0);
        double positives = Claims.value("ssd:positives", ssd);
        double negatives = Claims.value("ssd:negatives", ssd);
        assertEquals(1364, positives + negatives, 0.0);
        assertEquals(3 * positives, Claims.value("ssd:mined", ssd), 0.0, "neg_pos_ratio 3");
        assertEquals(negatives - 3 * positives, Claims.value("ssd:dropped", ssd), 0.0);
        assertEquals(Math.ceil(0.01 * negatives), Claims.value("ssd:hardest_count", ssd), 0.0);
        assertEquals(Math.ceil(0.1 * negatives), Claims.value("ssd:hardest_count@fraction=0.1", ssd), 0.0);
        // the hardest 100% carry all of it, at any gamma
        assertEquals(100, Claims.value("ssd:hardest_pct@gamma=5,fraction=1", ssd), 1e-9);
        // a larger gamma moves the loss towards the hard negatives; an unsure model moves it back to the easy ones
        double easy0 = Claims.value("ssd:easy_pct@gamma=0", ssd);
        double easy2 = Claims.value("ssd:easy_pct", ssd);
        assertTrue(easy2 < easy0, easy2 + " < " + easy0);
        assertTrue(Claims.value("ssd:easy_pct@background=2", ssd) > easy2);
        assertTrue(Claims.value("ssd:easy_threshold", ssd) > 0.5);
        assertTrue(assertThrows(EngineException.class, () -> Claims.check("ssd:hardest_pct@beta=2", false)).getMessage()
                .contains("beta=2"));
        assertThrows(EngineException.class, () -> Claims.check("ssd:no_such_value", false));
        assertThrows(EngineException.class, () -> Claims.check("ssd:hardest_pct@fraction=2", false));
    }

    @Test
    void raceValuesAreTheTotalsOfTheStepsAnchorsAndGradients() throws Exception {
        StepScene paper = state("{\"text\": \"x\", \"race\": \"one-anchor\", \"race_gradients\": \"paper\"}");
        // one anchor of area 1 beside its target: 1:4 against 4:1, centres 1.6 apart in x: |dx| + |dw| + |dh|
        // = 1.6 + |0.5 - 2| + |2 - 0.5| = 4.6; IoU has no gradient without overlap and never moves it
        assertEquals(4.6, Claims.value("race:iou@step=0", paper), 1e-12);
        assertEquals(4.6, Claims.value("race:iou", paper), 1e-12);
        assertTrue(Claims.value("race:giou", paper) < 0.01);
        StepScene exact = state("{\"text\": \"x\", \"race\": \"one-point\", \"race_gradients\": \"exact\"}");
        // one loss raced alone ends where the window's run of every loss ends it: the regressions are independent
        RaceRun together = RaceRun.of(RacePreset.ONE_POINT, List.of(RaceLoss.exact("ciou"), RaceLoss.exact("smooth_l1")));
        assertEquals(together.totals()[1][200], Claims.value("race:smooth_l1", exact), 0.0);
        assertEquals(together.totals()[0][120], Claims.value("race:ciou@step=120", exact), 0.0);
        assertTrue(assertThrows(EngineException.class, () -> Claims.value("race:eiou", paper)).getMessage()
                .contains("iou, giou, diou and ciou"));
        assertThrows(EngineException.class, () -> Claims.check("race:dice", false));
        assertThrows(EngineException.class, () -> Claims.check("race:ciou@step=201", false));
    }

    @Test
    void dflValuesReadThePlotAndTheFloorOfTheSplit() throws Exception {
        StepScene plot = state("{\"text\": \"x\", \"workspace\": \"plots\", \"plot\": \"dfl\"}");
        // the plot's distribution: softmax of -0.8 (b - 3.3)^2 over 8 bins, p(bin 3) = 0.46957; at a target on bin 3
        // DFL is -ln p(3) = 0.75594, the curve's lowest point
        double[] z = new double[8];
        double sum = 0;
        for (int b = 0; b < 8; b++) {
            z[b] = Math.exp(-0.8 * (b - 3.3) * (b - 3.3));
            sum += z[b];
        }
        assertEquals(-Math.log(z[3] / sum), Claims.value("dfl:plot_min", plot), 1e-9);
        assertEquals(0.75594, Claims.value("dfl:plot_at@target=3", plot), 1e-5);
        // the floor is the entropy of the split: ln 2 halfway, -(0.7 ln 0.7 + 0.3 ln 0.3) at 3.3, 0 on a whole bin
        assertEquals(Math.log(2), Claims.value("dfl:floor@target=3.5", plot), 1e-9);
        assertEquals(-(0.7 * Math.log(0.7) + 0.3 * Math.log(0.3)), Claims.value("dfl:floor@target=3.3", plot), 1e-9);
        assertEquals(0, Claims.value("dfl:floor@target=4", plot), 1e-9);
        // its mean over a bin: 2 x integral of -u ln u from 0 to 1 = 2 x 1/4
        assertEquals(0.5, Claims.value("dfl:mean_floor", plot), 1e-5);
        assertThrows(EngineException.class, () -> Claims.check("dfl:floor", false));
        assertThrows(EngineException.class, () -> Claims.check("dfl:mean_floor@target=2", false));
    }
}
