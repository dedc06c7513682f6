package org.losslab.scene;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.losslab.engine.Domains;
import org.losslab.engine.box.BoxPairs;
import org.losslab.engine.seg.SegmentationData;

class SceneFilesTest {
    @Test
    void aSceneRoundTripsThroughItsFileWithTheAppsOwnBlocks(@TempDir Path dir) throws Exception {
        Path source = Path.of(getClass().getResource("/gold/seg-0034.json").toURI());
        Scene scene = SceneFiles.read(source).withBlock(Domains.BOXES,
                new BoxPairs(new double[] {0.1, 0.2, 3.3, 4.4}, new double[] {0, 0, 1.0 / 3, 2}));
        scene = scene.withExtraBlock("view", (com.fasterxml.jackson.databind.node.ObjectNode)
                Json.MAPPER.readTree("{\"zoom\": 2.5, \"layer\": \"dice\"}"));
        Path saved = dir.resolve("saved.json");
        SceneFiles.write(scene, saved);
        Scene back = SceneFiles.read(saved);
        SegmentationData a = scene.block(Domains.SEGMENTATION).orElseThrow();
        SegmentationData b = back.block(Domains.SEGMENTATION).orElseThrow();
        assertArrayEquals(a.prediction(), b.prediction(), 0.0);
        assertArrayEquals(a.target(), b.target());
        assertArrayEquals(scene.block(Domains.BOXES).orElseThrow().target(), back.block(Domains.BOXES).orElseThrow().target(), 0.0);
        assertEquals(scene.losses().size(), back.losses().size());
        assertEquals(scene.losses().get(2).given(), back.losses().get(2).given());
        assertEquals(2.5, back.extraBlocks().get("view").get("zoom").asDouble());
        assertEquals(1, Files.list(dir).count(), "no temporary file left behind");
    }
}
