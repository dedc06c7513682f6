package org.losslab.app.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.losslab.app.SceneAdapter;
import org.losslab.scene.LossEntry;
import org.losslab.scene.Scene;
import org.losslab.scene.SceneEvaluator;

/** The detection table shows what eval computes for the same scene. */
class PairValuesTest {
    @Test
    void theTableEqualsEvalOnTheSavedScene() {
        BoxDocument doc = new BoxDocument();
        doc.add(true, new DetBox(20, 30, 60, 90, 1, 1));
        doc.add(false, new DetBox(25, 20, 70, 80, 1, 0.7));
        Scene scene = SceneAdapter.withBoxes(new Scene(Map.of(), java.util.List.of(), Map.of()), doc);
        var pairs = doc.pairs();
        assertEquals(doc.predictions().size(), pairs.count());
        for (String name : new String[] {"iou", "giou", "diou", "ciou", "l1", "smooth_l1"}) {
            LossEntry entry = new LossEntry(name, Map.of("reduction", "none"),
                    com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("reduction", "none"));
            double[] perPair = SceneEvaluator.evaluate(scene, entry, false).values();
            for (int k = 0; k < pairs.count(); k++) {
                double shown = PairValues.of(doc.pair(k)).get(name);
                double fromEval = name.contains("l1") ? (perPair[4 * k] + perPair[4 * k + 1] + perPair[4 * k + 2]
                        + perPair[4 * k + 3]) / 4 : perPair[k];
                assertEquals(fromEval, shown, 1e-12, name + " of pair " + k);
            }
        }
    }
}
