package org.losslab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.losslab.scene.Lesson;
import org.losslab.scene.Lessons;

/** The lesson decides which of its steps keep the scene controls (moved from Presentation, behaviour unchanged). */
class LessonModeTest {

    private static List<Boolean> controls(String key) {
        return Lessons.bundled(key).steps().stream().map(LessonMode::usesSceneControls).toList();
    }

    @Test
    void aStepKeepsTheSceneControlsWhenItsTaskUsesThem() {
        // soft-vs-hard-dice step 3: "drag the Confidence slider"; the others drag no scene control
        assertEquals(List.of(false, false, true, false), controls("soft-vs-hard-dice"));
        // tversky's task drags a parameter of the sheet beside the table, not a scene control
        assertEquals(List.of(false, false, false), controls("tversky"));
        assertFalse(LessonMode.usesSceneControls(null), "no lesson step: nothing to keep");
        Lesson.Step paints = new Lesson.Step("t", null, null, null, null, java.util.Map.of(), null, null, null, null, null,
                null, null, null, "Paint a stroke across the gap", null, null, null, null, null, null);
        assertEquals(true, LessonMode.usesSceneControls(paints), "any case: 'Paint' as 'paint'");
    }
}
