package org.losslab.app;

import javafx.scene.Scene;
import javafx.stage.Stage;

/** The window as the UI tests show it: 1280 x 800, with its keys, on the stage TestFX gives their {@code @Start}. */
public final class WindowOnStage {
    private WindowOnStage() {
    }

    public static MainWindow show(Stage stage) {
        MainWindow window = new MainWindow();
        Scene scene = new Scene(window, 1280, 800);
        window.installKeys(scene);
        stage.setScene(scene);
        stage.show();
        return window;
    }
}
