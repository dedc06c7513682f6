package org.losslab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.losslab.engine.Domains;
import org.losslab.engine.box.BoxPairs;
import org.losslab.scene.Json;
import org.losslab.scene.LossEntry;
import org.losslab.scene.Scene;
import org.losslab.scene.SceneFiles;

/** eval on alpha_iou (diou, alpha 0.5) at identical boxes: PyTorch's finite value, the gradient undefined with its reason. */
class AlphaIouEvalTest {
    private static final double TORCH_VALUE = -2.0833335057091062e-10;

    @Test
    void evalPrintsTheValueAndSaysWhyTheGradientIsUndefined(@TempDir Path dir) throws Exception {
        Map<String, Object> raw = Map.of("variant", "diou", "alpha", 0.5);
        Scene scene = new Scene(Map.of(Domains.BOXES, new BoxPairs(new double[] {1, 2, 4, 6}, new double[] {1, 2, 4, 6})),
                List.of(new LossEntry("alpha_iou", raw, Json.MAPPER.valueToTree(raw))), Map.of());
        Path file = dir.resolve("boxes.json");
        SceneFiles.write(scene, file);
        CommandRunner run = CommandRunner.run("eval", "--grad", file.toString());
        JsonNode result = Json.MAPPER.readTree(run.out).get("scenes").get(0).get("results").get(0);
        assertEquals(0, run.status, result.toString());
        JsonNode value = result.get("value"); // reduction "none" by default: one value per pair
        assertEquals(TORCH_VALUE, (value.isArray() ? value.get(0) : value).asDouble(), 1e-24, result.toString());
        assertTrue(result.get("gradient").isNull(), result.toString());
        assertTrue(result.get("gradient_undefined").asText().contains("alpha"), result.toString());
    }
}
