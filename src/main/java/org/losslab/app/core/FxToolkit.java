package org.losslab.app.core;

/** The JavaFX options of the app, set before the toolkit starts (by the launcher and by offscreen drawing alike). */
public final class FxToolkit {
    /**
     * JavaFX lays out and renders at most this many frames a second. 120 instead of its 60: an edit then
     * waits at most 8 ms for the frame that shows it, not 17 (pulses only run while something changes,
     * so an idle window costs nothing more).
     */
    public static final int PULSES_PER_SECOND = 120;

    private FxToolkit() {
    }

    /** Sets the JavaFX options of the app; before the toolkit starts. */
    public static void configure() {
        if (System.getProperty("javafx.animation.pulse") == null) {
            System.setProperty("javafx.animation.pulse", Integer.toString(PULSES_PER_SECOND));
        }
    }
}
