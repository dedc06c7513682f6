package org.losslab.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The LossLab window, opening on a built-in example scene. */
public final class LossLabApp extends Application {
    private MainWindow window;

    @Override
    public void start(Stage stage) {
        ErrorLog.installForApp(error -> javafx.application.Platform.runLater(() -> Dialogs.unexpected(error)));
        window = new MainWindow();
        var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(window, Math.min(1400, screen.getWidth() * 0.95), Math.min(880, screen.getHeight() * 0.92));
        window.installKeys(scene);
        window.attach(stage);
        stage.setTitle("LossLab");
        stage.setScene(scene);
        stage.show();
        window.segmentation().canvas().fit();
        javafx.application.Platform.runLater(window::offerRecovery);
        if (Boolean.getBoolean("losslab.timing")) {
            ProcessHandle.current().info().startInstant().ifPresent(started -> System.err.println("window shown "
                    + java.time.Duration.between(started, java.time.Instant.now()).toMillis() + " ms after the process started"));
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
