package org.losslab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The entry point of {@code losslab.jar}: headless commands over the engine, or the app with no command. */
@Command(name = "losslab", mixinStandardHelpOptions = true, version = "LossLab 0.1",
        description = "See how segmentation and detection losses behave.",
        subcommands = {EvalCommand.class, SweepCommand.class, BenchCommand.class, RenderCommand.class, AppCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        int status = run(args);
        System.exit(status);
    }

    /** Runs a command line and returns its exit status (0 success, 1 failed work, 2 usage error). */
    public static int run(String... args) {
        return new CommandLine(new Main()).execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.err);
    }
}
