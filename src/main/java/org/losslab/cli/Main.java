package org.losslab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The entry point of {@code losslab.jar}: headless commands over the engine, or the app with no command. */
@Command(name = "losslab", mixinStandardHelpOptions = true, version = "LossLab 0.1",
        description = "See how segmentation and detection losses behave.",
        subcommands = {EvalCommand.class, SweepCommand.class, BenchCommand.class, RenderCommand.class, SceneCommand.class,
            MapCommand.class, RaceCommand.class, TrainCommand.class, LessonsCommand.class,
            AppCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.setProperty(org.losslab.app.StartupProbe.MAIN_STARTED, Long.toString(System.nanoTime()));
        int status = run(withFilesOpened(args));
        System.exit(status);
    }

    /** A launch with scene files (a double click in a file manager) opens the app on the first of them. */
    static String[] withFilesOpened(String[] args) {
        if (args.length > 0 && args[0].endsWith(".json") && java.nio.file.Files.isRegularFile(java.nio.file.Path.of(args[0]))) {
            return new String[] {"app", args[0]};
        }
        return args;
    }

    /** Runs a command line and returns its exit status (0 success, 1 failed work, 2 usage error). */
    public static int run(String... args) {
        try {
            return new CommandLine(new Main())
                    .setExecutionExceptionHandler((e, commandLine, parseResult) -> {
                        // no stack trace for the user: one line, the trace in the log file
                        commandLine.getErr().println(commandLine.getCommandName() + ": unexpected error: " + e
                                + " (details in " + org.losslab.app.ErrorLog.file() + ")");
                        org.losslab.app.ErrorLog.record("command " + commandLine.getCommandName(), e);
                        return 1;
                    })
                    .execute(args);
        } catch (OutOfMemoryError e) {
            System.err.println("losslab: not enough memory (the Java heap holds at most "
                    + (Runtime.getRuntime().maxMemory() >> 20) + " MB; give more with -Xmx)");
            return 1;
        }
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.err);
    }
}
