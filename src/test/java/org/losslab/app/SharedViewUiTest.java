package org.losslab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.losslab.app.core.Offscreen;
import org.losslab.engine.maps.MapKind;
import org.losslab.scene.SceneFiles;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * File > Share view writes one file with the whole view; a fresh window opening it shows that view, and {@code render}
 * of the file draws the same picture (issue 23 item 3).
 */
@ExtendWith(ApplicationExtension.class)
class SharedViewUiTest {
    private static final int WIDTH = 1400;
    private static final int HEIGHT = 880;
    private MainWindow first;
    private MainWindow fresh;

    @Start
    void start(Stage stage) {
        first = new MainWindow();
        stage.setScene(new javafx.scene.Scene(first, WIDTH, HEIGHT));
        stage.show();
    }

    @AfterEach
    void tearDown(FxRobot robot) {
        robot.interact(() -> {
            first.close();
            if (fresh != null) {
                fresh.close();
            }
        });
    }

    private static void settle(MainWindow w) throws Exception {
        var seg = w.segmentation();
        // as the render waits: for the latest frame and table where they are computed (a hidden workspace may not)
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline && !(seg.shownRevisionProperty().get() == seg.document().revisionProperty().get()
                && seg.tableRevisionProperty().get() == seg.document().revisionProperty().get())) {
            WaitForAsyncUtils.sleep(100, TimeUnit.MILLISECONDS);
        }
        WaitForAsyncUtils.sleep(1500, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aSharedViewOpensAsItWasAndRendersTheSamePicture(FxRobot robot, @TempDir Path dir) throws Exception {
        robot.interact(() -> {
            first.openLesson("tversky").show(1);
            first.segmentation().layerChoice().setValue(MapKind.parse("ce"));
        });
        Path file = dir.resolve("view.json");
        robot.interact(() -> assertTrue(first.shareViewTo(file)));
        assertTrue(SharedView.in(SceneFiles.read(file)));

        robot.interact(() -> {
            fresh = new MainWindow();
            Stage other = new Stage();
            other.setScene(new javafx.scene.Scene(fresh, WIDTH, HEIGHT));
            other.show();
            assertTrue(fresh.open(file));
        });
        assertEquals("tversky", fresh.lessonRunner().lesson().key(), "the lesson is open");
        assertEquals(1, fresh.lessonRunner().step(), "at the step");
        assertEquals(first.shown().key(), fresh.shown().key());
        assertEquals(first.segmentation().document().params("tversky").asMap(),
                fresh.segmentation().document().params("tversky").asMap());
        settle(fresh);
        BufferedImage shown = org.losslab.app.core.Offscreen.onFx(() -> Offscreen.snapshot(fresh, WIDTH, HEIGHT));
        BufferedImage rendered = WindowRender.render(SceneFiles.read(file), WIDTH, HEIGHT);
        assertEquals(shown.getWidth(), rendered.getWidth());
        long differ = 0;
        for (int y = 0; y < shown.getHeight(); y++) {
            for (int x = 0; x < shown.getWidth(); x++) {
                differ += shown.getRGB(x, y) != rendered.getRGB(x, y) ? 1 : 0;
            }
        }
        // the same picture; a caret or a frame-time read-out may differ by a few pixels
        assertTrue(differ < 0.01 * WIDTH * HEIGHT, differ + " pixels differ");

        // the document's own save leaves the window's part out: a shared view is an export
        Path saved = dir.resolve("saved.json");
        robot.interact(() -> {
            fresh.closeLesson();
            assertTrue(fresh.saveTo(saved));
        });
        assertFalse(SharedView.in(SceneFiles.read(saved)));
    }
}
