package org.losslab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.losslab.engine.EngineException;
import org.losslab.scene.Lesson;
import org.losslab.scene.LessonCheck;
import org.losslab.scene.Lessons;
import org.losslab.scene.StepScene;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lessons}: lists the bundled lessons, prints one with its captions' values filled in, or checks
 * lesson files a teacher wrote: every name, every step's scene built, every claim evaluated (see
 * {@link LessonCheck}).
 */
@Command(name = "lessons", mixinStandardHelpOptions = true,
        description = "List the lessons, show one (--show KEY|FILE), or check lesson files (--check FILE...).")
public final class LessonsCommand implements Callable<Integer> {
    @Option(names = "--show", paramLabel = "KEY|FILE", description = "Print a lesson's question, steps (values filled in) and answer.")
    String show;

    @Option(names = "--check", description = "Check the given lesson files (or, without files, every bundled lesson): "
            + "each step's scene is built and every claim evaluated.")
    boolean check;

    @Parameters(paramLabel = "FILE", arity = "0..*")
    List<Path> files = List.of();

    @Override
    public Integer call() {
        // a lesson's values may come from the box race, which runs on SIMD lanes only
        Integer relaunched = check || show != null ? Relaunch.withVectorModule() : null;
        if (relaunched != null) {
            return relaunched;
        }
        try {
            if (check) {
                List<Supplier<Lesson>> lessons = new ArrayList<>();
                List<String> names = new ArrayList<>();
                if (files.isEmpty()) {
                    for (String key : Lessons.index()) {
                        lessons.add(() -> Lessons.bundled(key));
                        names.add(key);
                    }
                } else {
                    for (Path file : files) {
                        lessons.add(() -> Lessons.read(file));
                        names.add(file.toString());
                    }
                }
                int failed = 0;
                for (int k = 0; k < lessons.size(); k++) {
                    try {
                        Lesson l = lessons.get(k).get();
                        LessonCheck.check(l);
                        System.out.println("ok: " + names.get(k) + " (" + l.steps().size() + " steps, "
                                + l.steps().stream().mapToInt(s -> s.claims().size()).sum() + " claims hold)");
                    } catch (EngineException e) {
                        failed++;
                        // a bundled lesson's message names it already; a file's names the file's key, so give its path
                        System.out.println("error: " + (files.isEmpty() ? "" : names.get(k) + ": ") + e.getMessage());
                    }
                }
                return failed == 0 ? 0 : 1;
            }
            if (!files.isEmpty()) {
                System.err.println("lessons: files are read with --check (or one with --show FILE)");
                return 2;
            }
            if (show != null) {
                Lesson l = Lessons.load(show);
                List<StepScene> scenes = StepScene.of(l);
                System.out.println(l.title());
                System.out.println("Q: " + l.question());
                for (int k = 0; k < l.steps().size(); k++) {
                    Lesson.Step s = l.steps().get(k);
                    String where = "lesson " + l.key() + ", step " + (k + 1);
                    String look = LessonCheck.caption(s.look(), scenes.get(k), where + ", look");
                    System.out.println((k + 1) + ". " + LessonCheck.caption(s.text(), scenes.get(k), where + ", text")
                            + (look == null ? "" : " [look: " + look + "]") + (s.task() == null ? "" : " [try: " + s.task() + "]"));
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
