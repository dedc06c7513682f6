package org.losslab.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/** The LossLab window. */
public final class LossLabApp extends Application {
    @Override
    public void start(Stage stage) {
        BorderPane root = new BorderPane(new Label("LossLab"));
        stage.setTitle("LossLab");
        stage.setScene(new Scene(root, 1280, 800));
        stage.show();
    }
}
