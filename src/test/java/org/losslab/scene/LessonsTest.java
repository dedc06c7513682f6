package org.losslab.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.losslab.engine.EngineException;

/** The lesson files: every bundled one reads, the index lists them all, and a mistake names its place. */
class LessonsTest {

    @Test
    void everyLessonFileIsIndexedAndReads() throws Exception {
        List<String> index = Lessons.index();
        assertTrue(index.size() >= 16, "lessons: " + index);
        try (Stream<Path> files = Files.list(Path.of("assets", "lessons"))) {
            List<String> keys = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.replace(".json", "")).sorted().toList();
            assertEquals(keys, index.stream().sorted().toList(), "assets/lessons and index.txt agree");
        }
        String readme = Files.readString(Path.of("README.md"));
        assertTrue(readme.contains("\"claims\": [{\"what\"") && readme.contains("`{value:NAME:FORMAT}`"),
                "README documents claims and caption values");
        for (Lesson l : Lessons.all()) {
            assertFalse(l.steps().isEmpty(), l.key());
            assertFalse(l.answer().isBlank(), l.key());
            assertTrue(readme.contains("| `" + l.key() + "` | " + l.question() + " | " + l.answer() + " |"),
                    "README's table of answers has lesson " + l.key() + " as its file says it");
        }
    }

    private static EngineException error(String json) {
        return assertThrows(EngineException.class, () -> Lessons.parse("mine", Json.MAPPER.readTree(json)));
    }

    @Test
    void aMistakeInALessonNamesTheStepAndTheField() throws Exception {
        String head = "{\"title\": \"t\", \"question\": \"q\", \"answer\": \"a\", \"steps\": [";
        assertTrue(error(head + "{\"text\": \"x\", \"preset\": \"tiny\"}]}").getMessage().startsWith("lesson mine, step 1, preset"));
        assertTrue(error(head + "{\"text\": \"x\", \"map\": \"grad-nothing\"}]}").getMessage().contains("unknown map"));
        assertTrue(error(head + "{\"text\": \"x\", \"params\": {\"tversky\": {\"alpha\": \"seven\"}}}]}").getMessage()
                .contains("tversky.alpha"));
        assertTrue(error(head + "{\"text\": \"x\", \"colour\": \"red\"}]}").getMessage().contains("unknown key 'colour'"));
        assertTrue(error(head + "{\"text\": \"x\", \"until\": {\"what\": \"tversky.delta\", \"below\": 1}}]}").getMessage()
                .contains("delta"));
        assertTrue(error(head + "{\"text\": \"x\", \"workspace\": \"kitchen\"}]}").getMessage().contains("workspace"));
        assertTrue(error(head + "]}").getMessage().contains("at least one step"));
        Lesson ok = Lessons.parse("mine", Json.MAPPER.readTree(
                head + "{\"text\": \"x\", \"until\": {\"what\": \"dice\", \"below\": 0.2}}]}"));
        assertTrue(ok.steps().get(0).until().holds(0.1));
        assertFalse(ok.steps().get(0).until().holds(0.3));
    }
}
