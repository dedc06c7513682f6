package org.losslab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code app}: opens the desktop app. */
@Command(name = "app", description = "Open the LossLab window.")
public final class AppCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        org.losslab.app.LossLabLauncher.main(new String[0]);
        return 0;
    }
}
