package org.losslab.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * {@code losslab app --startup-probe}: waits for the pulse that lays out the example scene's first
 * frame (heatmap on screen), prints how long after the process started that was and the resident
 * memory then, and quits.
 */
final class StartupProbe {
    private StartupProbe() {
    }

    static void whenFirstFrameShown(MainWindow window, Stage stage) {
        var seg = window.segmentation();
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            if (seg.shownRevisionProperty().get() < seg.document().revisionProperty().get() || seg.lastFrame() == null) {
                return;
            }
            stage.getScene().removePostLayoutPulseListener(listener[0]);
            long ms = ProcessHandle.current().info().startInstant()
                    .map(start -> Duration.between(start, Instant.now()).toMillis()).orElse(-1L);
            System.out.printf(Locale.ROOT, "first_frame_ms=%d%n", ms);
            // resident memory a moment later, once the frame's rendering and the table have settled
            javafx.animation.PauseTransition settle = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(2));
            settle.setOnFinished(e -> {
                System.out.printf(Locale.ROOT, "rss_mb=%d%n", residentMegabytes());
                System.out.flush();
                window.recovery().discard();
                window.close();
                Platform.exit();
            });
            settle.play();
        };
        stage.getScene().addPostLayoutPulseListener(listener[0]);
    }

    /** VmRSS of this process (Linux), in MB; -1 where /proc is not there. */
    static long residentMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
