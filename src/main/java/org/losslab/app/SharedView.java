package org.losslab.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.losslab.app.core.ViewSettings;
import org.losslab.engine.EngineException;
import org.losslab.scene.Json;
import org.losslab.scene.Lessons;
import org.losslab.scene.Scene;

/**
 * A shared view: a scene file whose app block also says what the window showed — the workspace, the open lesson
 * and its step, presentation mode — so that opening it (File > Open, or {@code render}) shows exactly that view.
 * The workspaces' own settings are already in the app block; this adds the window's part,
 * {@code losslab_app.window}. A lesson step being a state, a lesson is saved as its key and step and replayed.
 */
public final class SharedView {
    /** The window's entry in the scene's app block. */
    public static final String KEY = "window";

    private SharedView() {
    }

    /** The scene with the window's part of the view written into its app block. */
    static Scene write(MainWindow window, Scene scene) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("workspace", window.shown().key());
        var runner = window.lessonRunner();
        if (runner != null) {
            node.put("lesson", runner.lesson().key());
            node.put("lesson_step", runner.step() + 1);
        }
        node.put("presentation", window.presenting());
        ObjectNode app = ViewSettings.appBlock(scene).deepCopy();
        app.set(KEY, node);
        return scene.withExtraBlock(ViewSettings.APP_BLOCK, app);
    }

    /** Whether a scene holds a shared view. */
    public static boolean in(Scene scene) {
        return ViewSettings.appBlock(scene).get(KEY) instanceof ObjectNode;
    }

    /** The scene without the window's part: what a save of the document writes (a shared view is an export). */
    static Scene without(Scene scene) {
        if (!in(scene)) {
            return scene;
        }
        ObjectNode app = ViewSettings.appBlock(scene).deepCopy();
        app.remove(KEY);
        return scene.withExtraBlock(ViewSettings.APP_BLOCK, app);
    }

    /** Shows what a shared view says (after the workspaces took their part of the scene). */
    static void apply(MainWindow window, Scene scene) {
        JsonNode node = ViewSettings.appBlock(scene).get(KEY);
        if (!(node instanceof ObjectNode)) {
            return;
        }
        JsonNode lesson = node.get("lesson");
        if (lesson != null && lesson.isTextual()) {
            var opened = window.openLesson(Lessons.bundled(lesson.textValue()));
            JsonNode step = node.get("lesson_step");
            int k = step != null && step.canConvertToInt() ? step.intValue() : 1;
            if (k < 1 || k > opened.runner().lesson().steps().size()) {
                throw new EngineException("the shared view's lesson " + lesson.textValue() + " has no step " + k);
            }
            opened.show(k - 1);
        }
        JsonNode workspace = node.get("workspace");
        if (workspace != null && workspace.isTextual()) {
            window.showWorkspace(workspace.textValue());
        }
        JsonNode presentation = node.get("presentation");
        if (presentation != null && presentation.isBoolean() && presentation.booleanValue() != window.presenting()) {
            window.togglePresentation();
        }
    }
}
