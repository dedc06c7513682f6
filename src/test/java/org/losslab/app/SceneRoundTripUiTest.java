package org.losslab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.losslab.scene.Json;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A scene opened and saved with no edit is the same JSON document: every reference scene, one after another. */
@ExtendWith(ApplicationExtension.class)
class SceneRoundTripUiTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow();
        stage.setScene(new Scene(window, 1280, 800));
        stage.show();
    }

    @AfterEach
    void tearDown() {
        window.close();
    }

    static List<Path> referenceScenes() throws Exception {
        Path gold = Path.of(SceneRoundTripUiTest.class.getResource("/gold/seg-0000.json").toURI()).getParent();
        List<Path> out = new ArrayList<>();
        for (Path dir : List.of(gold, gold.resolve("v2"))) {
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(f -> f.toString().endsWith(".json") && !f.toString().endsWith(".expected.json")).sorted()
                        .forEach(out::add);
            }
        }
        return out;
    }

    @Test
    void everyReferenceSceneOpenedAndSavedIsTheSameDocument(FxRobot robot, @TempDir Path dir) throws Exception {
        List<Path> scenes = referenceScenes();
        assertTrue(scenes.size() > 200, "reference scenes: " + scenes.size());
        List<String> changed = new ArrayList<>();
        for (Path scene : scenes) {
            Path copy = dir.resolve(scene.getFileName());
            AtomicBoolean ok = new AtomicBoolean();
            robot.interact(() -> ok.set(window.open(scene) && window.saveTo(copy)));
            assertTrue(ok.get(), "open and save " + scene.getFileName());
            JsonNode before = Json.MAPPER.readTree(scene.toFile());
            JsonNode after = Json.MAPPER.readTree(copy.toFile());
            if (!before.equals(after)) {
                changed.add(scene.getFileName().toString());
            }
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), changed, "scenes that a save without an edit changed");
    }

    @Test
    void anEditWritesOnlyWhatChangedAndKeepsTheRest(FxRobot robot, @TempDir Path dir) throws Exception {
        // a box scene with several box losses: editing a box keeps every loss entry and adds no segmentation
        Path boxes = referenceScenes().stream().filter(p -> p.getFileName().toString().startsWith("box-")).findFirst()
                .orElseThrow();
        Path copy = dir.resolve("edited.json");
        AtomicBoolean ok = new AtomicBoolean();
        robot.interact(() -> {
            window.open(boxes);
            var doc = window.detection().document();
            doc.checkpoint();
            doc.set(false, 0, doc.predictions().get(0).moved(1, 0));
            ok.set(window.saveTo(copy));
        });
        assertTrue(ok.get());
        JsonNode before = Json.MAPPER.readTree(boxes.toFile());
        JsonNode after = Json.MAPPER.readTree(copy.toFile());
        assertEquals(before.get("losses"), after.get("losses"), "the loss entries, in order, with their parameters");
        assertTrue(!after.has("segmentation"), "no segmentation block appears in a box scene");
        // the edit goes back to the block the boxes were read from (no detections block is made up from the pairs)
        assertTrue(!after.has("detections"), "no detections block appears in a box-pair scene");
        assertEquals(before.get("boxes").get("target"), after.get("boxes").get("target"));
        assertEquals(before.get("boxes").get("predicted").get(0).get(0).asDouble() + 1,
                after.get("boxes").get("predicted").get(0).get(0).asDouble(), 1e-9, "the edited box is written");
    }
}
