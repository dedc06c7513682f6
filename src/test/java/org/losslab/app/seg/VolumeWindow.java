package org.losslab.app.seg;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.losslab.app.MainWindow;
import org.losslab.app.WindowOnStage;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window the volume view's TestFX tests open (their {@code @Start} calls {@link #open}: TestFX looks for it in
 * the test class itself), a folder for their files, and their wait for the shown frame.
 */
@ExtendWith(ApplicationExtension.class)
abstract class VolumeWindow {
    MainWindow window;
    SegmentationWorkspace ws;
    @TempDir
    Path dir;

    void open(Stage stage) {
        window = WindowOnStage.show(stage);
        ws = window.segmentation();
    }

    @AfterEach
    void tearDown() {
        window.close();
    }

    /** Waits until the frame on screen is that of the document's revision. */
    void settle() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> ws.shownRevisionProperty().get() == ws.document().revisionProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }
}
