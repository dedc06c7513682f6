package org.losslab.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * {@code losslab app --startup-probe}: waits for the pulse that lays out the example scene's first
 * frame (heatmap on screen), prints how long after the process started that was and the resident
 * memory then, and quits.
 */
public final class StartupProbe {
    /** Milliseconds from the process start to each named moment of the start, in order. */
    private static final Map<String, Long> MARKS = new LinkedHashMap<>();

    private StartupProbe() {
    }

    /** Notes the time since the process started under {@code name} (printed by the probe). */
    static void mark(String name) {
        if (Boolean.getBoolean(LossLabApp.STARTUP_PROBE)) {
            if (MARKS.isEmpty() && System.getProperty(MAIN_STARTED) != null) {
                long sinceMain = (System.nanoTime() - Long.parseLong(System.getProperty(MAIN_STARTED))) / 1_000_000;
                MARKS.put("main_started", sinceProcessStart() - sinceMain);
            }
            MARKS.put(name, sinceProcessStart());
        }
    }

    /** System property: {@code System.nanoTime()} when the command line's main method began (the JVM's own start before it). */
    public static final String MAIN_STARTED = "losslab.mainStartedNanos";

    /**
     * Milliseconds since this process started. On Linux from the kernel's clock since boot (/proc/uptime
     * and the process's start tick in /proc/self/stat, 10 ms resolution): {@code ProcessHandle}'s start
     * instant adds the boot time, which the kernel gives in whole seconds, so it is off by a constant up to
     * a second. Elsewhere that start instant.
     */
    static long sinceProcessStart() {
        try {
            String uptime = Files.readString(Path.of("/proc/uptime")).strip().split("\\s+")[0];
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // fields after the command name (which may hold spaces) in parentheses; starttime is field 22
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long startTicks = Long.parseLong(fields[22 - 3]);
            return Math.round(Double.parseDouble(uptime) * 1000) - startTicks * 1000 / CLOCK_TICKS_PER_SECOND;
        } catch (IOException | RuntimeException notLinux) {
            return ProcessHandle.current().info().startInstant().map(start -> Duration.between(start, Instant.now()).toMillis())
                    .orElse(-1L);
        }
    }

    /** USER_HZ, the unit of /proc/self/stat's times: 100 on every Linux architecture Java runs on. */
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    static void whenFirstFrameShown(MainWindow window, Stage stage) {
        var seg = window.segmentation();
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            if (seg.shownRevisionProperty().get() < seg.document().revisionProperty().get() || seg.lastFrame() == null) {
                return;
            }
            stage.getScene().removePostLayoutPulseListener(listener[0]);
            long ms = sinceProcessStart();
            MARKS.forEach((name, at) -> System.out.printf(Locale.ROOT, "%s_ms=%d%n", name, at));
            System.out.printf(Locale.ROOT, "first_frame_ms=%d%n", ms);
            // resident memory a moment later, once the frame's rendering and the table have settled
            PauseTransition settle = new PauseTransition(javafx.util.Duration.seconds(2));
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
