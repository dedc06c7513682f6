package org.losslab.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.losslab.engine.EngineException;
import org.losslab.scene.Json;
import org.losslab.scene.Lesson;
import org.losslab.scene.Lessons;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lessons}: lists the bundled lessons, prints one, or checks lesson files a teacher wrote (every
 * name against the registry, presets, maps and plots).
 */
@Command(name = "lessons", mixinStandardHelpOptions = true,
        description = "List the lessons, show one (--show KEY), or check lesson files (--check FILE...).")
public final class LessonsCommand implements Callable<Integer> {
    @Option(names = "--show", paramLabel = "KEY", description = "Print a lesson's question, steps and answer.")
    String show;

    @Option(names = "--check", description = "Check the given lesson files (or, without files, every bundled lesson).")
    boolean check;

    @Parameters(paramLabel = "FILE", arity = "0..*")
    List<Path> files = List.of();

    @Override
    public Integer call() {
        try {
            if (check) {
                if (files.isEmpty()) {
                    List<Lesson> all = Lessons.all();
                    System.out.println("ok: " + all.size() + " bundled lessons");
                    return 0;
                }
                int failed = 0;
                for (Path file : files) {
                    try {
                        String key = file.getFileName().toString().replaceFirst("\\.json$", "");
                        Lesson l = Lessons.parse(key, Json.MAPPER.readTree(file.toFile()));
                        System.out.println("ok: " + file + " (" + l.steps().size() + " steps)");
                    } catch (EngineException | IOException e) {
                        failed++;
                        System.out.println("error: " + file + ": " + e.getMessage());
                    }
                }
                return failed == 0 ? 0 : 1;
            }
            if (show != null) {
                Lesson l = Lessons.bundled(show);
                System.out.println(l.title());
                System.out.println("Q: " + l.question());
                for (int k = 0; k < l.steps().size(); k++) {
                    Lesson.Step s = l.steps().get(k);
                    System.out.println((k + 1) + ". " + s.text() + (s.task() == null ? "" : " [try: " + s.task() + "]"));
                }
                System.out.println("A: " + l.answer());
                return 0;
            }
            for (Lesson l : Lessons.all()) {
                System.out.printf("%-22s %s%n", l.key(), l.title());
            }
            return 0;
        } catch (EngineException e) {
            System.err.println("lessons: " + e.getMessage());
            return 1;
        }
    }
}
