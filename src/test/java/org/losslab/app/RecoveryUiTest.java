package org.losslab.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.losslab.engine.paint.MapOperations;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** After a crash the autosaved scene is offered back, exactly as it was. */
@ExtendWith(ApplicationExtension.class)
class RecoveryUiTest {
    private MainWindow crashed;
    private MainWindow next;

    @Start
    void start(Stage stage) {
        crashed = new MainWindow();
        stage.setScene(new Scene(crashed, 1000, 700));
        stage.show();
    }

    @AfterEach
    void tearDown() {
        crashed.close();
        if (next != null) {
            next.close();
        }
    }

    @Test
    void aSimulatedCrashLeavesARecoveryFileThatTheNextStartRestores(FxRobot robot, @TempDir Path dir) throws Exception {
        robot.interact(() -> crashed.recovery().discard());
        crashed.recovery().flush();
        assertTrue(Recovery.find().isEmpty(), "no recovery file at first");
        var doc = crashed.segmentation().document();
        robot.interact(() -> doc.setPrediction("blur", MapOperations.blur(doc.data(), 2)));
        double[] edited = doc.data().prediction().clone();
        robot.interact(crashed::autosaveNow);
        crashed.recovery().flush();
        assertTrue(Files.isRegularFile(Recovery.file()), "the autosave wrote the recovery file");
        // the process dies here: no save, no quit. The next start finds the file and restores it.
        AtomicBoolean restored = new AtomicBoolean();
        robot.interact(() -> {
            next = new MainWindow();
            restored.set(next.restoreRecovery());
        });
        assertTrue(restored.get());
        assertArrayEquals(edited, next.segmentation().document().data().prediction(), 0.0);
        assertTrue(next.dirtyProperty().getValue(), "a restored scene is unsaved until saved");
        Path saved = dir.resolve("kept.json");
        robot.interact(() -> next.saveTo(saved));
        next.recovery().flush();
        assertFalse(Files.exists(Recovery.file()), "saving removes the recovery file");
        assertFalse(next.dirtyProperty().getValue());
    }
}
