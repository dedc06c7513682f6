package org.losslab.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs the current command again in a JVM with options {@code java -jar} cannot take from the manifest: the
 * jdk.incubator.vector module (the live frame has a scalar kernel to fall back on, the race, run by {@code race}
 * and by the window and its renders, has only its SIMD lanes), or a JIT for a one-shot run.
 */
final class Relaunch {
    static final String MODULE = "jdk.incubator.vector";
    private static final String MARK = "losslab.relaunched";

    private Relaunch() {
    }

    /** The child's exit status, or null when this JVM already has the module (or relaunching failed). */
    static Integer withVectorModule() {
        if (ModuleLayer.boot().findModule(MODULE).isPresent()) {
            return null;
        }
        return relaunch(List.of("--add-modules", MODULE));
    }

    /**
     * For a command that reads its input once and exits (coco-eval): the JIT's optimising tier (C2) would spend
     * about as much CPU compiling as the whole run takes, so the child JVM compiles with C1 only and uses the
     * serial collector; 3,000 images and 60,000 boxes take 1.0 s of CPU instead of 1.8. The child's exit status,
     * or null when this is the child (or relaunching failed).
     */
    static Integer withQuickJit() {
        return relaunch(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
    }

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
            return process.waitFor();
        } catch (Exception e) {
            return null;
        }
    }
}
