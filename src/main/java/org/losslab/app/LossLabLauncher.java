package org.losslab.app;

import javafx.application.Application;
import org.losslab.app.core.FxToolkit;

/**
 * Starts the JavaFX application from the class path (a main class that does not extend Application,
 * so that the JavaFX runtime check does not refuse a plain {@code java -cp} launch).
 */
public final class LossLabLauncher {
    private LossLabLauncher() {
    }

    public static void main(String[] args) {
        FxToolkit.configure();
        Application.launch(LossLabApp.class, args);
    }
}
