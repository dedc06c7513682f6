package org.losslab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.losslab.app.detect.DetBox;
import org.losslab.scene.Json;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A save writes back only what the window changed: a file with both box pairs and detections keeps its pairs when
 * the detections are edited, and keys of the app block this version does not know survive (issue 24, item 3).
 */
@ExtendWith(ApplicationExtension.class)
class SaveKeepsWhatItDoesNotShowUiTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow();
        stage.setScene(new Scene(window, 1280, 800));
        stage.show();
    }

    @AfterEach
    void tearDown(FxRobot robot) {
        robot.interact(window::close);
    }

    private static final String BOTH = """
            {"format": "losslab-scene", "version": 1,
             "boxes": {"predicted": [[10, 10, 50, 50], [60, 60, 90, 100]], "target": [[12, 8, 48, 52], [64, 58, 95, 96]]},
             "detections": {"boxes": [[20, 20, 70, 70]], "scores": [0.8], "labels": [1],
                            "truth_boxes": [[22, 18, 72, 66]], "truth_labels": [1]},
             "losses": [{"name": "giou"}],
             "losslab_app": {"segmentation": {"layer": "grad-dice", "a_setting_of_a_newer_version": [1, 2, 3]},
                             "someone_elses": {"kept": true}}}
            """;

    @Test
    void editingTheDetectionsKeepsTheFilesPairsAndUnknownAppKeys(FxRobot robot, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("both.json");
        Files.writeString(file, BOTH);
        robot.interact(() -> assertTrue(window.open(file)));
        var doc = window.detection().document();
        assertEquals(1, doc.predictions().size(), "the view shows the detections");
        robot.interact(() -> {
            DetBox p = doc.predictions().get(0);
            doc.checkpoint();
            doc.set(false, 0, new DetBox(p.x1() + 5, p.y1(), p.x2() + 5, p.y2(), p.label(), p.score()));
            window.segmentation().layerChoice().setValue(org.losslab.engine.maps.MapKind.parse("ce"));
        });
        Path saved = dir.resolve("saved.json");
        robot.interact(() -> assertTrue(window.saveTo(saved)));
        JsonNode out = Json.MAPPER.readTree(saved.toFile());
        JsonNode in = Json.MAPPER.readTree(BOTH);
        assertEquals(in.get("boxes"), out.get("boxes"), "the two pairs are as they were");
        assertEquals(25.0, out.get("detections").get("boxes").get(0).get(0).asDouble(), "the edit is saved");
        ObjectNode seg = (ObjectNode) out.get("losslab_app").get("segmentation");
        assertEquals("ce", seg.get("layer").asText(), "the changed setting is saved");
        assertEquals(in.get("losslab_app").get("segmentation").get("a_setting_of_a_newer_version"),
                seg.get("a_setting_of_a_newer_version"), "an unknown key inside the workspace's settings is kept");
        assertEquals(in.get("losslab_app").get("someone_elses"), out.get("losslab_app").get("someone_elses"));
    }
}
