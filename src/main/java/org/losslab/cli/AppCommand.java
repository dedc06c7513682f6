package org.losslab.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.losslab.app.LossLabApp;
import org.losslab.app.LossLabLauncher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code app}: opens the desktop app (what the packaged launcher runs with no arguments). */
@Command(name = "app", mixinStandardHelpOptions = true, description = "Open the LossLab window.")
public final class AppCommand implements Callable<Integer> {
    @Option(names = "--startup-probe", description = "Open the window, print first_frame_ms (from process start) and "
            + "rss_mb (resident memory once the first frame is shown), and exit.")
    boolean startupProbe;

    @picocli.CommandLine.Parameters(arity = "0..1", paramLabel = "SCENE.json", description = "A scene to open.")
    Path scene;

    /**
     * The command for the launchers' usual lines — {@code app}, {@code app SCENE.json}, each with or without
     * {@code --startup-probe} — read without building the whole command line's parser, which takes 0.12-0.17 s
     * of the window's start; null for anything else (help, typos, other commands), which picocli then reads.
     */
    static AppCommand plain(String[] args) {
        if (args.length == 0 || !args[0].equals("app")) {
            return null;
        }
        AppCommand command = new AppCommand();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--startup-probe") && !command.startupProbe) {
                command.startupProbe = true;
            } else if (!arg.startsWith("-") && command.scene == null) {
                try {
                    command.scene = Path.of(arg);
                } catch (InvalidPathException e) {
                    return null;
                }
            } else {
                return null;
            }
        }
        return command;
    }

    @Override
    public Integer call() {
        Integer relaunched = Relaunch.forWindow();
        if (relaunched != null) {
            return relaunched;
        }
        if (startupProbe) {
            System.setProperty(LossLabApp.STARTUP_PROBE, "true");
        }
        if (scene != null) {
            System.setProperty(LossLabApp.OPEN_SCENE, scene.toAbsolutePath().toString());
        }
        LossLabLauncher.main(new String[0]);
        return 0;
    }
}
