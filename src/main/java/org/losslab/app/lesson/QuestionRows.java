package org.losslab.app.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.losslab.scene.Claims;
import org.losslab.scene.Lesson;

/**
 * The table rows whose values a lesson hides while a step asks about them: on a step that asks before it shows
 * ({@link Lesson#asks}), the rows it names and leads the table with, except those its captions quote as numbers
 * (the caption gives those away already, and the question is about the others). The values are still computed.
 */
public final class QuestionRows {
    private QuestionRows() {
    }

    /** For each step (from 0) of a lesson as written (its {@code {value:...}} placeholders in place), the rows it hides. */
    public static List<List<String>> of(Lesson source) {
        List<List<String>> hidden = new ArrayList<>();
        for (int k = 0; k < source.steps().size(); k++) {
            Lesson.Step step = source.steps().get(k);
            Set<String> quoted = quoted(step);
            hidden.add(source.asks(k)
                    ? LessonRunner.namedRows(step).stream().filter(name -> !quoted.contains(name)).toList() : List.of());
        }
        return hidden;
    }

    /** The entries whose values a step's captions write out ("{value:dice}"; a parameter's value is not the row's). */
    private static Set<String> quoted(Lesson.Step step) {
        return Stream.of(step.text(), step.look()).flatMap(caption -> Claims.placeholders(caption).stream())
                .map(Claims.Placeholder::what).filter(what -> !what.contains(":") && !what.contains("."))
                .collect(Collectors.toSet());
    }
}
