package org.losslab.app;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.losslab.app.core.Dialogs;
import org.losslab.app.core.ErrorLog;

/** The LossLab window, opening on a built-in example scene. */
public final class LossLabApp extends Application {
    /** System property: measure the start and exit (see {@code losslab app --startup-probe}). */
    public static final String STARTUP_PROBE = "losslab.startupProbe";
    /** System property: a scene file to open at start. */
    public static final String OPEN_SCENE = "losslab.open";
    private MainWindow window;

    @Override
    public void start(Stage stage) {
        StartupProbe.mark("javafx_started");
        ErrorLog.installForApp(error -> Platform.runLater(() -> Dialogs.unexpected(error)));
        window = new MainWindow();
        StartupProbe.mark("window_built");
        var screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(window, Math.min(1400, screen.getWidth() * 0.95), Math.min(880, screen.getHeight() * 0.92));
        window.installKeys(scene);
        window.attach(stage);
        stage.setTitle("LossLab");
        stage.setScene(scene);
        stage.show();
        window.segmentation().canvas().fit();
        StartupProbe.mark("window_shown");
        String toOpen = System.getProperty(OPEN_SCENE);
        // recovery is offered also when started with a file, as a file manager starts it: after the file is open
        Platform.runLater(toOpen != null
                ? () -> window.openInBackground(Path.of(toOpen), window::offerRecovery) : window::offerRecovery);
        if (Boolean.getBoolean(STARTUP_PROBE)) {
            StartupProbe.whenFirstFrameShown(window, stage);
        }
    }

    public MainWindow window() {
        return window;
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
    }
}
