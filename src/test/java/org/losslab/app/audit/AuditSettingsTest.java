package org.losslab.app.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.losslab.app.core.ViewSettings;
import org.losslab.engine.dataset.CaseMetric;
import org.losslab.scene.Scene;
import org.losslab.scene.SceneFiles;

/**
 * The audit's settings through a scene file and back: folders relative to the scene file's folder (with the
 * absolute path beside them for a scene file moved alone), run B, the numbers, the chosen metrics and the sort.
 */
class AuditSettingsTest {
    private record Workspace(AuditModel model, AuditChoices choices, AuditSettings settings) {
        static Workspace fresh() {
            AuditModel model = new AuditModel(Runnable::run);
            AuditChoices choices = new AuditChoices();
            return new Workspace(model, choices, new AuditSettings(model, choices));
        }
    }

    private static Path saved(Workspace w, Path sceneFile) throws Exception {
        w.settings().sceneFile(sceneFile);
        SceneFiles.write(w.settings().view().writeTo(new Scene(Map.of(), List.of(), Map.of())), sceneFile);
        return sceneFile;
    }

    private static Workspace opened(Path sceneFile) {
        Workspace w = Workspace.fresh();
        w.settings().sceneFile(sceneFile);
        w.settings().view().restoreFrom(SceneFiles.read(sceneFile));
        return w;
    }

    @Test
    void everySettingComesBackAndTheFoldersAreWrittenRelativeToTheSceneFile(@TempDir Path project) throws Exception {
        for (String folder : List.of("data/labels", "data/model-a", "data/model-b", "scenes")) {
            Files.createDirectories(project.resolve(folder));
        }
        Workspace w = Workspace.fresh();
        w.model().labelsProperty().set(project.resolve("data/labels"));
        w.model().predictionsProperty().set(project.resolve("data/model-a"));
        w.model().predictionsBProperty().set(project.resolve("data/model-b"));
        w.model().toleranceProperty().set(2.5);
        w.model().thresholdProperty().set(0.3);
        w.choices().comparedProperty().set(CaseMetric.HD95);
        w.choices().scatterXProperty().set(CaseMetric.NSD);
        w.choices().scatterYProperty().set(CaseMetric.ASSD);
        w.choices().sortProperty().set("hd95 descending");
        Path sceneFile = saved(w, project.resolve("scenes/audit.json"));

        JsonNode block = ViewSettings.appBlock(SceneFiles.read(sceneFile)).get("audit");
        assertEquals("../data/labels", block.get("labels").textValue());
        assertEquals("../data/model-b", block.get("predictions_b").textValue());

        Workspace back = opened(sceneFile);
        assertEquals(project.resolve("data/labels"), back.model().labelsProperty().get());
        assertEquals(project.resolve("data/model-a"), back.model().predictionsProperty().get());
        assertEquals(project.resolve("data/model-b"), back.model().predictionsBProperty().get());
        assertEquals(2.5, back.model().toleranceProperty().get(), 0);
        assertEquals(0.3, back.model().thresholdProperty().get(), 0);
        assertEquals(CaseMetric.HD95, back.choices().comparedProperty().get());
        assertEquals(CaseMetric.NSD, back.choices().scatterXProperty().get());
        assertEquals(CaseMetric.ASSD, back.choices().scatterYProperty().get());
        assertEquals("hd95 descending", back.choices().sortProperty().get());
    }

    @Test
    void aSceneFileMovedAloneFindsItsFoldersByTheirAbsolutePath(@TempDir Path project, @TempDir Path elsewhere) throws Exception {
        Files.createDirectories(project.resolve("labels"));
        Files.createDirectories(project.resolve("predictions"));
        Workspace w = Workspace.fresh();
        w.model().labelsProperty().set(project.resolve("labels"));
        w.model().predictionsProperty().set(project.resolve("predictions"));
        Path sceneFile = saved(w, project.resolve("audit.json"));
        Path moved = Files.move(sceneFile, elsewhere.resolve("audit.json"));

        Workspace back = opened(moved);
        assertEquals(project.resolve("labels"), back.model().labelsProperty().get());
        assertEquals(project.resolve("predictions"), back.model().predictionsProperty().get());
        assertNull(back.model().predictionsBProperty().get(), "no run B was set");
    }

    @Test
    void aLessonsSavedStateIsPutBackWhole() {
        AuditWorkspace workspace = new AuditWorkspace();
        workspace.model().labelsProperty().set(Path.of("/data/labels"));
        workspace.choices().scatterYProperty().set(CaseMetric.HD);
        Object state = workspace.saveState();
        workspace.model().labelsProperty().set(Path.of("/elsewhere"));
        workspace.choices().scatterYProperty().set(CaseMetric.IOU);
        workspace.restoreState(state);
        assertEquals(Path.of("/data/labels"), workspace.model().labelsProperty().get());
        assertEquals(CaseMetric.HD, workspace.choices().scatterYProperty().get());
    }
}
