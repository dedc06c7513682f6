package org.losslab.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.losslab.engine.EngineException;
import org.losslab.engine.LossRegistry;
import org.losslab.engine.LossSpec;
import org.losslab.engine.seg.SegmentationData;

/** The distance and topology presets teach what their one-line lessons say, on the numbers. */
class PitfallPresetsTest {

    @SuppressWarnings("unchecked")
    private static double eval(String preset, String loss, Map<String, ?> params) {
        SegmentationData d = Presets.get(preset).create(256);
        LossSpec<SegmentationData> spec = (LossSpec<SegmentationData>) LossRegistry.get(loss);
        return spec.evaluate(d, spec.bind(params), false).value();
    }

    @Test
    void aStraySpeckMovesHdButNotHd95OrDice() {
        assertTrue(eval("stray-blob", "hausdorff_distance", Map.of()) > 100);
        assertEquals(0.0, eval("stray-blob", "hausdorff_distance", Map.of("percentile", 95.0)), 1e-9);
        assertTrue(eval("stray-blob", "f1_score", Map.of()) > 0.999);
    }

    @Test
    void anEmptyPredictionHasNoDistanceAndNoSurfaceDice() {
        assertThrows(EngineException.class, () -> eval("empty-prediction", "hausdorff_distance", Map.of()));
        assertEquals(0.0, eval("empty-prediction", "surface_dice", Map.of()), 0.0);
    }

    @Test
    void aGapCostsDiceAndClDiceAboutTheSame() {
        double f1 = eval("broken-vessel", "f1_score", Map.of());
        double cl = eval("broken-vessel", "cldice_score", Map.of());
        assertTrue(f1 < 1 && f1 > 0.98, "f1 " + f1);
        assertTrue(cl < 1 && cl > 0.98, "clDice " + cl);
    }

    @Test
    void aMissedThinBranchCostsClDiceFarMoreThanDice() {
        SegmentationData d = Presets.get("missed-branch").create(256);
        long target = 0;
        long found = 0;
        for (int i = 0; i < d.pixels(); i++) {
            target += d.target()[i];
            found += d.target()[i] > 0 && d.prediction()[i] > 0 ? 1 : 0;
        }
        // no false positives: Dice = 2 TP / (2 TP + FN), counted here
        assertEquals(2.0 * found / (found + target), eval("missed-branch", "f1_score", Map.of()), 1e-9);
        double lostDice = 1 - eval("missed-branch", "f1_score", Map.of());
        double lostClDice = 1 - eval("missed-branch", "cldice_score", Map.of());
        assertTrue(lostDice < 0.06 && lostClDice > 3 * lostDice, "Dice loses " + lostDice + ", clDice " + lostClDice);
    }

    @Test
    void touchingCellsAreNineObjectsOneOrTwoPixelsApart() {
        SegmentationData d = Presets.get("touching-cells").create(256);
        int n = d.width();
        int[] label = new int[d.pixels()];
        int objects = 0;
        for (int start = 0; start < label.length; start++) {
            if (d.target()[start] == 0 || label[start] != 0) {
                continue;
            }
            objects++;
            java.util.ArrayDeque<Integer> todo = new java.util.ArrayDeque<>(java.util.List.of(start));
            label[start] = objects;
            while (!todo.isEmpty()) {
                int i = todo.pop();
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int y = i / n + dy;
                        int x = i % n + dx;
                        if (y >= 0 && x >= 0 && y < n && x < n && d.target()[y * n + x] > 0 && label[y * n + x] == 0) {
                            label[y * n + x] = objects;
                            todo.push(y * n + x);
                        }
                    }
                }
            }
        }
        assertEquals(9, objects, "nine cells, none touching another (8-connected)");
        // along the middle row the first two cells are separated by a gap of one or two background pixels
        int row = n / 2;
        int gap = 0;
        boolean left = false;
        for (int x = 0; x < n; x++) {
            int t = d.target()[row * n + x];
            if (t > 0 && gap > 0 && left) {
                break;
            }
            left |= t > 0;
            gap += left && t == 0 ? 1 : 0;
        }
        assertTrue(gap >= 1 && gap <= 2, "gap " + gap);
    }

    @Test
    void aJitteryBoundaryIsWithinTwoPixels() {
        assertEquals(1.0, eval("jittery-boundary", "surface_dice", Map.of("tolerance", 2.0)), 0.0);
        assertTrue(eval("jittery-boundary", "f1_score", Map.of()) < 1);
    }

    @Test
    void theBoundaryLossOfAPerfectPredictionIsNegative() {
        assertTrue(eval("perfect", "boundary", Map.of()) < 0);
        assertEquals(1.0, eval("perfect", "f1_score", Map.of()), 0.0);
    }

    @Test
    void globalDiceHidesTheMissedSmallObjects() {
        assertTrue(eval("many-small-objects", "f1_score", Map.of()) > 0.95);
        assertTrue(eval("many-small-objects", "hausdorff_distance", Map.of()) > 50);
    }
}
