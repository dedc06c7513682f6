package org.losslab.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.losslab.app.StartupProbe;
import org.losslab.engine.frame.DiceTraining;

/**
 * Runs the current command again in a JVM with the options it needs, which {@code java -jar} cannot give: the
 * jdk.incubator.vector module (the live frame has a scalar kernel to fall back on, the race, run by
 * {@code race} and by the window and its renders, has only its SIMD lanes), the serial collector for
 * {@code audit}, or a JIT for a one-shot run ({@code coco-eval}).
 */
final class Relaunch {
    static final String MODULE = "jdk.incubator.vector";
    private static final String MARK = "losslab.relaunched";

    private Relaunch() {
    }

    /** The child's exit status, or null when this JVM already has the module (or relaunching failed). */
    static Integer withVectorModule() {
        return withVectorModule(List.of());
    }

    private static Integer withVectorModule(List<String> more) {
        if (ModuleLayer.boot().findModule(MODULE).isPresent()) {
            return null;
        }
        List<String> options = new ArrayList<>(List.of("--add-modules", MODULE));
        options.addAll(DiceTraining.JIT_OPTIONS);
        options.addAll(more);
        return relaunch(options);
    }

    /**
     * The window: as {@link #withVectorModule}, on the serial collector unless the user chose one (as the packaged
     * app and {@code mvn javafx:run} do). A large scene fills the heap with arrays of 64 and 128 MB; G1 (JDK 17)
     * never moves such "humongous" arrays, not even in a full collection, so its free space splinters: a 4096 x 4096
     * scene in 2 GB ran out of memory for a 128 MB array with 600 MB free. The serial collector compacts them.
     */
    static Integer forWindow() {
        return withVectorModule(collectorChosen() ? List.of() : List.of("-XX:+UseSerialGC"));
    }

    /**
     * Whether a collector was chosen: on the command line, or in the options every JVM reads from the environment
     * (which the child inherits: a second collector beside it would stop the child from starting).
     */
    private static boolean collectorChosen() {
        List<String> given = new ArrayList<>(ManagementFactory.getRuntimeMXBean().getInputArguments());
        given.addAll(List.of(ProcessHandle.current().info().arguments().orElse(new String[0])));
        for (String variable : List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS")) {
            String value = System.getenv(variable);
            if (value != null) {
                given.addAll(List.of(value.trim().split("\\s+")));
            }
        }
        return given.stream().anyMatch(a -> a.startsWith("-XX:+Use") && a.endsWith("GC"));
    }


    /**
     * The child's exit status when this JVM was started by {@code java -jar} on G1 (the default) and not told
     * which collector to use, else null. The audit streams cases of a few MB each: with G1, whose heap starts
     * at 1/64 of the machine's memory and grows with the allocation rate, its resident memory over 1,000
     * cases of 512 x 512 was 350 to 575 MB on a 24 GB machine; with the serial collector 190 MB, no slower.
     */
    static Integer withSerialCollector() {
        if (collectorChosen() || System.getProperty(StartupProbe.MAIN_STARTED) == null) {
            return null; // a collector the user chose, or a run inside another program (the tests)
        }
        return relaunch(List.of("-XX:+UseSerialGC"));
    }

    /**
     * For a command that reads its input once and exits (coco-eval): the JIT's optimising tier (C2) would spend
     * about as much CPU compiling as the whole run takes, so the child JVM compiles with C1 only and uses the
     * serial collector (and, on Linux, transparent huge pages); 3,000 images and 60,000 boxes take 1.0 s of CPU
     * instead of 1.8. The child's exit status,
     * or null when this is the child (or relaunching failed).
     */
    static Integer withQuickJit() {
        List<String> options = new ArrayList<>(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        if (hugePagesOnRequest()) {
            // the heap in 2 MB pages: a segm run touches about 300 MB, 71,000 page faults in 4 KB pages, 5,700 with
            // these, and 2.4 s of CPU became 1.6
            options.add("-XX:+UseTransparentHugePages");
        }
        return relaunch(options);
    }

    /**
     * Whether the kernel gives transparent huge pages to a process that asks (Linux, "always" or "madvise"); where
     * it does not, the JVM would print a warning about the option, so it is not given.
     */
    private static boolean hugePagesOnRequest() {
        try {
            String mode = Files.readString(Path.of("/sys/kernel/mm/transparent_hugepage/enabled"));
            return mode.contains("[always]") || mode.contains("[madvise]");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Runs this process's command line again with {@code options} before it, once; null when it cannot. */
    private static Integer relaunch(List<String> options) {
        if (System.getProperty(MARK) != null) {
            return null;
        }
        String java = ProcessHandle.current().info().command().orElse(null);
        String[] args = ProcessHandle.current().info().arguments().orElse(null);
        if (java == null || args == null) {
            return null;
        }
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(options);
        command.add("-D" + MARK + "=true");
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).inheritIO().start();
            // Ctrl+C or a plain kill of the launcher ends the child too (a SIGKILL runs no hook: see dieWithLauncher)
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "losslab-relaunch-stop"));
            return process.waitFor();
        } catch (Exception e) {
            return null;
        }
    }

    /**
     * In the relaunched JVM: exit as soon as the launcher does, however it ended (killed with SIGKILL
     * too), so that no child keeps running, racing or holding a window, after the user stopped it.
     */
    static void dieWithLauncher() {
        if (System.getProperty(MARK) == null) {
            return;
        }
        ProcessHandle.current().parent().ifPresent(launcher -> launcher.onExit().thenRun(() -> Runtime.getRuntime().halt(143)));
    }
}
