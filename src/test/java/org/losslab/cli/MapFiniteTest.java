package org.losslab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.losslab.engine.Domains;
import org.losslab.scene.Json;
import org.losslab.scene.LossEntry;
import org.losslab.engine.seg.SegMode;
import org.losslab.engine.seg.SegmentationData;
import org.losslab.scene.Scene;
import org.losslab.scene.SceneFiles;

/** {@code map} refuses a non-finite map where {@code eval} refuses the same entry: it used to write it with exit 0. */
class MapFiniteTest {

    @Test
    void aNonFiniteGradientIsRefusedAsEvalRefusesIt(@TempDir Path dir) throws Exception {
        // probabilities 0 and an empty target: MCC with eps 0 is 0 / 0, its value and gradient NaN
        Map<String, Object> raw = Map.of("from_logits", false, "eps", 0);
        Path scene = dir.resolve("scene.json");
        SceneFiles.write(new Scene(Map.of(Domains.SEGMENTATION, new SegmentationData(SegMode.BINARY, 1, 2, 2, new double[4],
                new int[4])), List.of(new LossEntry("mcc", raw, Json.MAPPER.valueToTree(raw))), Map.of()), scene);
        CommandRunner eval = CommandRunner.run("eval", "--grad", scene.toString());
        assertEquals(1, eval.status, eval.out);
        JsonNode error = Json.MAPPER.readTree(eval.out).get("scenes").get(0).get("results").get(0).get("error");
        assertTrue(error != null && error.asText().contains("not finite"), eval.out);
        Path out = dir.resolve("map.npy");
        CommandRunner map = CommandRunner.run("map", scene.toString(), "--kind", "gradient", "--out", out.toString());
        assertEquals(1, map.status, map.out + map.err);
        assertTrue(map.err.contains("not finite"), map.err);
        assertEquals(1, map.err.strip().lines().count(), map.err);
        assertFalse(Files.exists(out), "no map written");
    }
}
