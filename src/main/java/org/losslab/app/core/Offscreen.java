package org.losslab.app.core;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.losslab.scene.AtomicFiles;

/**
 * Runs JavaFX with no display (the Monocle headless platform and the software renderer) for the
 * commands that draw views to PNG files or drive the workspace in a benchmark.
 */
public final class Offscreen {
    private static boolean started;

    private Offscreen() {
    }

    /** Starts the toolkit headless, once; must run before any other JavaFX use in this JVM. */
    public static synchronized void start() {
        start(false);
    }

    /**
     * Starts the toolkit for a real window: on the display when there is one (DISPLAY set), else on
     * Monocle's headless screen, where windows are shown and pulsed as on a display but not seen.
     */
    public static synchronized boolean startWithDisplayIfAny() {
        boolean display = System.getenv("DISPLAY") != null && System.getProperty("glass.platform") == null;
        start(display);
        return display;
    }

    private static void start(boolean onDisplay) {
        if (started) {
            return;
        }
        FxToolkit.configure(); // the app's pulse rate, so that benchmarks time what the app does
        if (!onDisplay && System.getProperty("glass.platform") == null) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
            System.setProperty("prism.text", "t2k");
            System.setProperty("headless.geometry", "4096x4096-32");
            System.setProperty("java.awt.headless", "true");
        }
        CountDownLatch ready = new CountDownLatch(1);
        try {
            Platform.startup(ready::countDown);
        } catch (IllegalStateException alreadyRunning) {
            ready.countDown();
        }
        Platform.setImplicitExit(false);
        try {
            ready.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        started = true;
    }

    /** Runs a computation on the JavaFX thread and waits for its result. */
    public static <T> T onFx(Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.get());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        try {
            return result.get(120, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("JavaFX work failed: " + e.getMessage(), e);
        }
    }

    /** Lays a root out in a scene of the given size and snapshots it (on the JavaFX thread). */
    public static BufferedImage snapshot(Parent root, int width, int height) {
        Scene scene = root.getScene() != null ? root.getScene() : new Scene(root, width, height);
        root.applyCss();
        root.layout();
        WritableImage image = scene.snapshot(null);
        return SwingFXUtils.fromFXImage(image, null);
    }

    /** Writes a PNG atomically: a failure leaves any previous file as it was. */
    public static void writePng(BufferedImage image, Path file) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        AtomicFiles.write(file, bytes.toByteArray());
    }
}
