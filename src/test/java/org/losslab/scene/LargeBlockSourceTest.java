package org.losslab.scene;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.losslab.engine.Domains;
import org.losslab.engine.seg.SegmentationData;

/**
 * A scene read from a file keeps its document to write it back as it was, but not a block of more than
 * {@link SceneFiles#VERBATIM_VALUES} values (one JSON node a number: 570 MB for a 4096 x 4096 scene): that block is
 * written back from its arrays, the same values in the same place; the rest of the document as it was.
 */
class LargeBlockSourceTest {

    @Test
    void aLargeBlockIsWrittenBackFromItsArraysInItsPlace(@TempDir Path dir) throws Exception {
        int side = 1025; // 2 x 1025^2 values: past the limit
        assertTrue(2L * side * side > SceneFiles.VERBATIM_VALUES);
        StringBuilder json = new StringBuilder("{\"format\": \"losslab-scene\", \"version\": 1, \"note\": {\"kept\": \"1.50\"}, "
                + "\"segmentation\": {\"mode\": \"binary\", \"shape\": [1, " + side + ", " + side + "], \"prediction\": [");
        for (int i = 0; i < side * side; i++) {
            json.append(i == 0 ? "" : ",").append(i % 3 == 0 ? "1.50" : "-0.25"); // "1.50": the text, not the value
        }
        json.append("], \"target\": [");
        for (int i = 0; i < side * side; i++) {
            json.append(i == 0 ? "" : ",").append(i % 3 == 0 ? 1 : 0);
        }
        json.append("]}, \"losses\": [{\"name\": \"dice\", \"params\": {\"smooth\": 2.0}}]}");
        Path file = dir.resolve("large.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);

        Scene read = SceneFiles.read(file);
        SegmentationData data = read.block(Domains.SEGMENTATION).orElseThrow();
        assertEquals(1.5, data.prediction()[0]);
        assertEquals(-0.25, data.prediction()[1]);

        ObjectNode back = SceneFiles.toJson(read);
        List<String> order = new ArrayList<>();
        back.fieldNames().forEachRemaining(order::add);
        assertEquals(List.of("format", "version", "note", "segmentation", "losses"), order, "every field in its place");
        JsonNode prediction = back.get("segmentation").get("prediction");
        assertEquals(side * side, prediction.size());
        for (int i = 0; i < side * side; i++) {
            assertEquals(i % 3 == 0 ? 1.5 : -0.25, prediction.get(i).asDouble(), "prediction " + i);
        }
        Scene again = SceneFiles.parse(Json.MAPPER.writeValueAsString(back));
        SegmentationData reread = again.block(Domains.SEGMENTATION).orElseThrow();
        assertArrayEquals(data.prediction(), reread.prediction(), 0.0);
        assertArrayEquals(data.target(), reread.target());
        assertEquals("1.50", back.get("note").get("kept").asText(), "a small block as it was written");
        assertEquals(2.0, back.get("losses").get(0).get("params").get("smooth").asDouble());
    }
}
