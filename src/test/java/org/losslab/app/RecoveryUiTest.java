package org.losslab.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.losslab.engine.paint.MapOperations;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * After a crash the autosaved scene is offered back, exactly as it was; each window's recovery file is its own,
 * so one window's save or quit never removes another's, and only "Discard" or a save removes one.
 */
@ExtendWith(ApplicationExtension.class)
class RecoveryUiTest {
    private final List<MainWindow> windows = new ArrayList<>();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(window(), 1000, 700));
        stage.show();
    }

    private MainWindow window() {
        MainWindow w = new MainWindow();
        windows.add(w);
        return w;
    }

    @BeforeEach
    void noLeftOvers() throws Exception {
        if (Files.isDirectory(Recovery.folder())) {
            try (var files = Files.list(Recovery.folder())) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    @AfterEach
    void tearDown(FxRobot robot) {
        robot.interact(() -> windows.forEach(MainWindow::close));
    }

    private static void edit(FxRobot robot, MainWindow w) {
        var doc = w.segmentation().document();
        robot.interact(() -> doc.setPrediction("blur", MapOperations.blur(doc.data(), 2)));
    }

    private static void autosave(FxRobot robot, MainWindow w) {
        robot.interact(w::autosaveNow);
        w.recovery().flush();
    }

    @Test
    void aSimulatedCrashLeavesARecoveryFileThatTheNextStartRestores(FxRobot robot, @TempDir Path dir) {
        MainWindow crashed = windows.get(0);
        edit(robot, crashed);
        double[] edited = crashed.segmentation().document().data().prediction().clone();
        autosave(robot, crashed);
        assertTrue(Files.isRegularFile(crashed.recovery().file()), "the autosave wrote the recovery file");
        assertTrue(Recovery.leftOver().isEmpty(), "a living window's file is not offered to others");
        // the process dies here: no save, no quit (closing the window's recovery lets go of its lock, as death does)
        crashed.recovery().close();
        AtomicBoolean restored = new AtomicBoolean();
        MainWindow[] next = new MainWindow[1];
        robot.interact(() -> {
            next[0] = window();
            restored.set(next[0].restoreRecovery());
        });
        assertTrue(restored.get());
        assertArrayEquals(edited, next[0].segmentation().document().data().prediction(), 0.0);
        assertTrue(next[0].dirtyProperty().getValue(), "a restored scene is unsaved until saved");
        assertTrue(Files.isRegularFile(next[0].recovery().file()), "restored, the file stays until the scene is saved");
        Path saved = dir.resolve("kept.json");
        robot.interact(() -> next[0].saveTo(saved));
        next[0].recovery().flush();
        assertFalse(Files.exists(next[0].recovery().file()), "saving removes the recovery file");
        assertFalse(next[0].dirtyProperty().getValue());
    }

    @Test
    void oneWindowsSaveOrQuitLeavesAnothersRecoveryFile(FxRobot robot, @TempDir Path dir) {
        MainWindow first = windows.get(0);
        MainWindow[] second = new MainWindow[1];
        robot.interact(() -> second[0] = window());
        edit(robot, first);
        edit(robot, second[0]);
        autosave(robot, first);
        autosave(robot, second[0]);
        assertFalse(first.recovery().file().equals(second[0].recovery().file()), "a file per window");
        robot.interact(() -> second[0].saveTo(dir.resolve("second.json")));
        second[0].recovery().flush();
        assertFalse(Files.exists(second[0].recovery().file()));
        assertTrue(Files.isRegularFile(first.recovery().file()), "the other window's save did not remove it");
        // the second window quits on purpose, discarding its (now clean) state
        second[0].recovery().discard();
        second[0].recovery().flush();
        assertTrue(Files.isRegularFile(first.recovery().file()), "nor did its quit");
    }

    @Test
    void laterKeepsTheFileAndDiscardRemovesIt(FxRobot robot) {
        MainWindow crashed = windows.get(0);
        edit(robot, crashed);
        autosave(robot, crashed);
        Path left = crashed.recovery().file();
        crashed.recovery().close();
        MainWindow[] next = new MainWindow[1];
        robot.interact(() -> next[0] = window());
        Platform.runLater(next[0]::offerRecovery);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Later");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Files.isRegularFile(left), "Later keeps it");
        assertEquals(1, Recovery.leftOver().size());
        Platform.runLater(next[0]::offerRecovery);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Discard");
        WaitForAsyncUtils.waitForFxEvents();
        next[0].recovery().flush();
        assertFalse(Files.exists(left), "Discard removes it");
        assertFalse(next[0].dirtyProperty().getValue(), "and nothing was opened");
    }
}
