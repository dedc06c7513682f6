package org.losslab.app.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.losslab.app.MainWindow;
import org.losslab.engine.dataset.CaseMetric;
import org.losslab.scene.Json;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The window's Save writes the audit's folders relative to the file being written (the window tells the
 * workspace the file before it asks for the scene), and Open puts them back resolved against it.
 */
@ExtendWith(ApplicationExtension.class)
class AuditSavedWithSceneUiTest {
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

    private AuditWorkspace audit() {
        return window.workspaces().stream().filter(AuditWorkspace.class::isInstance).map(AuditWorkspace.class::cast).findFirst().orElseThrow();
    }

    @Test
    void theFoldersTravelRelativeToTheSceneFile(FxRobot robot, @TempDir Path project) throws Exception {
        for (String folder : new String[] {"data/labels", "data/a", "data/b", "scenes/deeper"}) {
            Files.createDirectories(project.resolve(folder));
        }
        robot.interact(() -> {
            audit().model().labelsProperty().set(project.resolve("data/labels"));
            audit().model().predictionsProperty().set(project.resolve("data/a"));
            audit().model().predictionsBProperty().set(project.resolve("data/b"));
            audit().choices().comparedProperty().set(CaseMetric.ASSD);
            assertTrue(window.saveTo(project.resolve("scenes/one.json")));
            assertTrue(window.saveTo(project.resolve("scenes/deeper/two.json")));
        });
        JsonNode one = Json.MAPPER.readTree(Files.readString(project.resolve("scenes/one.json"))).get("losslab_app").get("audit");
        JsonNode two = Json.MAPPER.readTree(Files.readString(project.resolve("scenes/deeper/two.json"))).get("losslab_app").get("audit");
        assertEquals("../data/labels", one.get("labels").textValue());
        assertEquals("../../data/b", two.get("predictions_b").textValue());
        assertEquals("assd", two.get("compared_metric").textValue());

        robot.interact(() -> {
            audit().model().predictionsBProperty().set(null);
            audit().choices().comparedProperty().set(CaseMetric.DICE);
            assertTrue(window.open(project.resolve("scenes/one.json")));
        });
        assertEquals(project.resolve("data/b"), audit().model().predictionsBProperty().get());
        assertEquals(CaseMetric.ASSD, audit().choices().comparedProperty().get());
    }
}
