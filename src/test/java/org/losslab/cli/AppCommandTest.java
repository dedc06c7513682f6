package org.losslab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The launchers' usual command lines open the window without the full parser; anything else goes to picocli. */
class AppCommandTest {

    @Test
    void theUsualLinesAreReadDirectly() {
        AppCommand plain = AppCommand.plain(new String[] {"app"});
        assertFalse(plain.startupProbe);
        assertNull(plain.scene);
        AppCommand probe = AppCommand.plain(new String[] {"app", "--startup-probe"});
        assertTrue(probe.startupProbe);
        AppCommand scene = AppCommand.plain(new String[] {"app", "lesson.losslab.json", "--startup-probe"});
        assertEquals(Path.of("lesson.losslab.json"), scene.scene);
        assertTrue(scene.startupProbe);
    }

    @Test
    void everythingElseIsLeftToTheParser() {
        for (String[] line : new String[][] {{}, {"eval", "a.json"}, {"app", "--help"}, {"app", "-h"}, {"app", "a.json", "b.json"},
            {"app", "--startup-probe", "--startup-probe"}, {"app", "--startup-prob"}, {"application"}, {"app", "bad\u0000path"}}) {
            assertNull(AppCommand.plain(line), String.join(" ", line));
        }
    }
}
