package org.losslab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code app}: opens the desktop app (what the packaged launcher runs with no arguments). */
@Command(name = "app", mixinStandardHelpOptions = true, description = "Open the LossLab window.")
public final class AppCommand implements Callable<Integer> {
    @Option(names = "--startup-probe", description = "Open the window, print first_frame_ms (from process start) and "
            + "rss_mb (resident memory once the first frame is shown), and exit.")
    boolean startupProbe;

    @picocli.CommandLine.Parameters(arity = "0..1", paramLabel = "SCENE.json", description = "A scene to open.")
    java.nio.file.Path scene;

    @Override
    public Integer call() {
        Integer relaunched = Relaunch.withVectorModule();
        if (relaunched != null) {
            return relaunched;
        }
        if (startupProbe) {
            System.setProperty(org.losslab.app.LossLabApp.STARTUP_PROBE, "true");
        }
        if (scene != null) {
            System.setProperty(org.losslab.app.LossLabApp.OPEN_SCENE, scene.toAbsolutePath().toString());
        }
        org.losslab.app.LossLabLauncher.main(new String[0]);
        return 0;
    }
}
