package org.losslab.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.losslab.app.StartupProbe;
import org.losslab.app.core.ErrorLog;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The entry point of {@code losslab.jar}: headless commands over the engine, or the app with no command. */
@Command(name = "losslab", mixinStandardHelpOptions = true, version = "LossLab 0.1",
        description = "See how segmentation and detection losses behave.",
        subcommands = {EvalCommand.class, SweepCommand.class, BenchCommand.class, RenderCommand.class, SceneCommand.class,
            MapCommand.class, RaceCommand.class, TrainCommand.class, LessonsCommand.class, AuditCommand.class,
            CocoEvalCommand.class,
            AppCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.setProperty(StartupProbe.MAIN_STARTED, Long.toString(System.nanoTime()));
        Relaunch.dieWithLauncher();
        String[] line = withFilesOpened(args);
        AppCommand app = AppCommand.plain(line);
        int status = app != null ? openApp(app) : line.length > 0 && line[0].equals("coco-eval") ? runAlone(line) : run(line);
        System.exit(status);
    }

    /** The window, without the command line's parser (see {@link AppCommand#plain}), failing as a command does. */
    private static int openApp(AppCommand app) {
        try {
            return app.call();
        } catch (RuntimeException e) {
            return unexpected("app", e, new PrintWriter(System.err, true));
        }
    }

    private static int unexpected(String command, Exception e, PrintWriter err) {
        // no stack trace for the user: one line, the trace in the log file
        err.println(command + ": unexpected error: " + e + " (details in " + ErrorLog.file() + ")");
        err.flush();
        ErrorLog.record("command " + command, e);
        return 1;
    }

    /** A launch with scene files (a double click in a file manager) opens the app on the first of them. */
    static String[] withFilesOpened(String[] args) {
        if (args.length > 0 && args[0].endsWith(".json") && Files.isRegularFile(Path.of(args[0]))) {
            return new String[] {"app", args[0]};
        }
        return args;
    }

    /**
     * coco-eval, which is timed against pycocotools as a whole process, parsed by a parser of its own: building
     * every subcommand's parser costs about 0.2 s of CPU at start-up. Same options, messages and exit codes.
     */
    private static int runAlone(String[] args) {
        Integer relaunched = Relaunch.withQuickJit();
        if (relaunched != null) {
            return relaunched;
        }
        String[] options = Arrays.copyOfRange(args, 1, args.length);
        try {
            CocoEvalCommand plain = CocoEvalCommand.plain(options);
            if (plain != null) {
                return plain.call();
            }
            return handled(new CommandLine(new CocoEvalCommand())).execute(options);
        } catch (RuntimeException e) {
            return unexpected("coco-eval", e, new PrintWriter(System.err, true));
        } catch (OutOfMemoryError e) {
            return outOfMemory();
        }
    }

    private static CommandLine handled(CommandLine commandLine) {
        return commandLine.setExecutionExceptionHandler((e, line, parseResult) -> unexpected(line.getCommandName(), e, line.getErr()));
    }

    private static int outOfMemory() {
        System.err.println("losslab: not enough memory (the Java heap holds at most "
                + (Runtime.getRuntime().maxMemory() >> 20) + " MB; give more with -Xmx)");
        return 1;
    }

    /** Runs a command line and returns its exit status (0 success, 1 failed work, 2 usage error). */
    public static int run(String... args) {
        try {
            return handled(new CommandLine(new Main())).execute(args);
        } catch (OutOfMemoryError e) {
            return outOfMemory();
        }
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.err);
    }
}
