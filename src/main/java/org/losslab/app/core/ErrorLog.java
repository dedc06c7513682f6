package org.losslab.app.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Where errors nobody expected go: the log file in the user's data folder (stack traces for whoever
 * reports a bug), never the user's screen as a stack trace. The app also shows one dialog per error
 * (see {@link #installForApp}); the commands print one line.
 */
public final class ErrorLog {
    private static final Logger LOG = Logger.getLogger("org.losslab");
    private static boolean fileAttached;

    private ErrorLog() {
    }

    /** The user's data folder for LossLab: $XDG_DATA_HOME/losslab, ~/.local/share/losslab, or the OS's equivalent. */
    public static Path dataFolder() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String home = System.getProperty("user.home");
        if (System.getProperty("losslab.data") != null) {
            return Path.of(System.getProperty("losslab.data"));
        }
        if (os.contains("win") && System.getenv("APPDATA") != null) {
            return Path.of(System.getenv("APPDATA"), "LossLab");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "LossLab");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "losslab") : Path.of(home, ".local", "share", "losslab");
    }

    public static Path file() {
        return dataFolder().resolve("losslab.log");
    }

    private static synchronized void attachFile() {
        if (fileAttached) {
            return;
        }
        fileAttached = true;
        try {
            Files.createDirectories(dataFolder());
            FileHandler handler = new FileHandler(file().toString(), 1 << 20, 1, true);
            handler.setFormatter(new SimpleFormatter());
            LOG.addHandler(handler);
            LOG.setUseParentHandlers(false); // the log file, not the console
        } catch (IOException | SecurityException e) {
            // no log file (a read-only home): the console handler of the root logger stays
        }
    }

    /** Writes an error with its stack trace to the log file. */
    public static void record(String context, Throwable error) {
        attachFile();
        LOG.log(Level.SEVERE, context, error);
    }

    /**
     * Every thread's uncaught exception (the JavaFX thread's, the workers', the live frame's helpers')
     * goes to the log file and to {@code show}, which the app makes one dialog.
     */
    public static void installForApp(Consumer<Throwable> show) {
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            record("uncaught in " + thread.getName(), error);
            show.accept(error);
        });
    }
}
