package org.losslab.app;

import javafx.application.Application;

/**
 * Starts the JavaFX application from the class path (a main class that does not extend Application,
 * so that the JavaFX runtime check does not refuse a plain {@code java -cp} launch).
 */
public final class LossLabLauncher {
    private LossLabLauncher() {
    }

    /**
     * JavaFX lays out and renders at most this many frames a second. 120 instead of its 60: an edit then
     * waits at most 8 ms for the frame that shows it, not 17 (pulses only run while something changes,
     * so an idle window costs nothing more).
     */
    public static final int PULSES_PER_SECOND = 120;

    /** Sets the JavaFX options of the app; before the toolkit starts. */
    public static void configureToolkit() {
        if (System.getProperty("javafx.animation.pulse") == null) {
            System.setProperty("javafx.animation.pulse", Integer.toString(PULSES_PER_SECOND));
        }
    }

    public static void main(String[] args) {
        configureToolkit();
        Application.launch(LossLabApp.class, args);
    }
}
