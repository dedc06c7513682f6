package org.losslab.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs the current command again in a JVM that loads the jdk.incubator.vector module, when this one did
 * not: {@code java -jar} cannot name modules in the manifest. The live frame has a scalar kernel to fall
 * back on, the race (run by {@code race}, and by the window and its renders) has only its SIMD lanes.
 */
final class Relaunch {
    static final String MODULE = "jdk.incubator.vector";
    private static final String MARK = "losslab.relaunched";

    private Relaunch() {
    }

    /** The child's exit status, or null when this JVM already has the module (or relaunching failed). */
    static Integer withVectorModule() {
        if (ModuleLayer.boot().findModule(MODULE).isPresent() || System.getProperty(MARK) != null) {
            return null;
        }
        String java = ProcessHandle.current().info().command().orElse(null);
        String[] args = ProcessHandle.current().info().arguments().orElse(null);
        if (java == null || args == null) {
            return null;
        }
        List<String> command = new ArrayList<>();
        command.add(java);
        command.add("--add-modules");
        command.add(MODULE);
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
