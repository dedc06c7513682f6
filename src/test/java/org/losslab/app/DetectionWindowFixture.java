package org.losslab.app;

import javafx.geometry.Point2D;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.losslab.app.detect.DetectionWorkspace;
import org.testfx.framework.junit5.ApplicationExtension;

/** The real window at 1280 x 800 showing the detection workspace, for the detection UI tests. */
@ExtendWith(ApplicationExtension.class)
abstract class DetectionWindowFixture {
    protected MainWindow window;
    protected DetectionWorkspace ws;

    /** Opens the window; a subclass calls it from its own {@code @Start} method (TestFX looks only there). */
    protected void open(Stage stage) {
        window = WindowOnStage.show(stage);
        ws = window.detection();
        window.tabs().getSelectionModel().select(2);
    }

    @AfterEach
    void tearDown() {
        window.close();
    }

    /** The screen point of a point of the boxes' 256-pixel field. */
    protected Point2D screen(double x, double y) {
        double[] c = ws.boxes().canvas().toCanvas(x, y);
        return ws.boxes().canvas().localToScreen(c[0], c[1]);
    }
}
