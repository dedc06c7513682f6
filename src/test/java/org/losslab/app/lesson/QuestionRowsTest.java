package org.losslab.app.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.losslab.engine.EngineException;
import org.losslab.scene.Json;
import org.losslab.scene.Lesson;
import org.losslab.scene.Lessons;

/** Which rows a question step hides (its named rows, not those its captions quote), and the lesson key that opts out. */
class QuestionRowsTest {

    private static Lesson parse(String json) throws Exception {
        JsonNode root = Json.MAPPER.readTree(json);
        return Lessons.parse("q", root);
    }

    private static final String STEPS = "{\"title\": \"t\", \"question\": \"q?\", \"answer\": \"a\", \"steps\": ["
            + "{\"text\": \"Guess the dice row. f1_score is {value:f1_score}.\", \"workspace\": \"segmentation\","
            + " \"preset\": \"uncertain\", \"select\": \"dice\"%s},"
            + "{\"text\": \"Now iou_score: guess.\"%s},"
            + "{\"text\": \"dice is {value:dice}\", \"claims\": [{\"what\": \"dice\", \"above\": 0.1}]}]}";

    @Test
    void theFirstStepHidesTheRowsItAsksAboutNotThoseItQuotes() throws Exception {
        // hand-read from the bundled files: soft-vs-hard-dice step 1 selects dice and quotes f1_score's value
        assertEquals(List.of(List.of("dice"), List.of(), List.of(), List.of()), QuestionRows.of(Lessons.bundled("soft-vs-hard-dice")));
        // cldice names cldice_score (selected, and in words) and f1_score in words, quoting neither
        assertEquals(List.of("cldice_score", "f1_score"), QuestionRows.of(Lessons.bundled("cldice")).get(0));
        // class-imbalance quotes both rows it names ("its boundary shifted" is a word, not the boundary loss's row):
        // the question is about the next step, nothing to hide
        assertEquals(List.of(), QuestionRows.of(Lessons.bundled("class-imbalance")).get(0));
        Lesson plain = parse(STEPS.formatted("", ""));
        assertEquals(List.of(List.of("dice"), List.of(), List.of()), QuestionRows.of(plain));
    }

    @Test
    void aStepOptsOutOrInWithQuestion() throws Exception {
        Lesson marked = parse(STEPS.formatted(", \"question\": false", ", \"question\": true"));
        assertEquals(List.of(List.of(), List.of("iou_score"), List.of()), QuestionRows.of(marked));
    }

    @Test
    void aQuestionThatIsNotTrueOrFalseIsAnErrorNamingTheStep() {
        EngineException e = assertThrows(EngineException.class, () -> parse(STEPS.formatted("", ", \"question\": \"yes\"")));
        assertTrue(e.getMessage().startsWith("lesson q, step 2, question: expected true or false"), e.getMessage());
    }
}
